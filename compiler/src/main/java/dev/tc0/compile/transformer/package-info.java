/**
 * Transformers in the paper's p-precision semantics.
 *
 * <p>{@link dev.tc0.compile.transformer.Transformer} is the model (config and weights, Tracr's
 * Haiku layout); {@link dev.tc0.compile.transformer.ModelFormat} reads it as JSON and {@link dev.tc0.compile.transformer.ModelWriter} writes it
 * ({@code src/docs/model-format.md}) and reports problems as one-line
 * {@link dev.tc0.compile.transformer.ModelFormatException}s. {@link dev.tc0.compile.transformer.ForwardPass}
 * is the forward pass, written once over an {@link dev.tc0.compile.transformer.Arithmetic}: with
 * {@link dev.tc0.compile.transformer.PrecisionArithmetic} it is the exact reference
 * ({@link dev.tc0.compile.transformer.Reference}) that compiled circuits must match bit for bit;
 * with {@link dev.tc0.compile.transformer.DoubleArithmetic} it is the plain baseline that
 * {@link dev.tc0.compile.transformer.Drift} compares against. The order of operations is fixed in
 * {@code src/docs/transformer.md}.
 */
package dev.tc0.compile.transformer;
