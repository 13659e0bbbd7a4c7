/**
 * The Vector API twin of {@link dev.tc0.eval.ScalarKernels}: {@link dev.tc0.eval.vector.VectorKernels},
 * which with the generated vector code's {@code dev.tc0.eval.codegen.VectorCode} are the only
 * classes that touch {@code jdk.incubator.vector}. {@link dev.tc0.eval.KernelProvider} loads them
 * reflectively or on first use, so the rest of the evaluator runs without the incubator module. See
 * {@code src/docs/architecture.md} (Kernels behind one provider, with a scalar twin).
 */
package dev.tc0.eval.vector;
