/**
 * The Vector API twin of {@link dev.tc0.eval.ScalarKernels}: {@link dev.tc0.eval.vector.VectorKernels},
 * the only class that touches {@code jdk.incubator.vector}. {@link dev.tc0.eval.KernelProvider} loads
 * it reflectively, so the rest of the evaluator runs without the incubator module. See
 * {@code src/docs/architecture.md} (Kernels behind one provider, with a scalar twin).
 */
package dev.tc0.eval.vector;
