/**
 * Compiling log-precision transformers into constant-depth threshold circuits (Merrill &amp;
 * Sabharwal, Theorems 1 and 2), checked bit for bit against the exact reference forward pass.
 *
 * <p>{@link dev.tc0.compile.lowering.ScalarLowering} is the scalar library: every p-precision
 * scalar is a {@link dev.tc0.compile.lowering.Scalar}, a function from a small set of mutually
 * exclusive circuit literals (its {@link dev.tc0.compile.lowering.Domain}) to canonical floats, so
 * that value-set analysis and the circuit are one structure. {@link
 * dev.tc0.compile.lowering.TransformerLowering} follows the proof of Theorem 1 position by position
 * and layer by layer and returns a {@link dev.tc0.compile.lowering.CompiledModel}. See
 * {@code src/docs/lowering.md}.
 */
package dev.tc0.compile.lowering;
