/**
 * JMH benchmarks of the evaluator and the compiled circuits: kernels against their no-op baseline,
 * time against depth and against input length, compiled transformers, real ISCAS-85 and EPFL
 * circuits, loading, and ABC's {@code &lnetsim} as a peer ({@link dev.tc0.bench.AbcPeer}). Every
 * workload is built from a fixed seed and checked by the module's tests. What each class measures:
 * {@code benchmarks/README.md}.
 */
package dev.tc0.bench;
