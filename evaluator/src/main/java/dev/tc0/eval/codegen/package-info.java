/**
 * Generated code for evaluation ({@code --kernels codegen}): a plan is cut into chunks
 * ({@link dev.tc0.eval.codegen.Chunks}), each emitted as a static method of straight-line
 * {@code long} code over one word ({@link dev.tc0.eval.codegen.ChunkEmitter}), loaded as hidden
 * classes ({@link dev.tc0.eval.codegen.PlanClasses}), warmed up for the JIT and run block by block
 * ({@link dev.tc0.eval.codegen.CompiledPlan}) behind the engine's kernel interface
 * ({@link dev.tc0.eval.codegen.CodegenKernels}). Results equal the interpreters' for every gate
 * kind; on the circuits measured it is slower than the vector interpreter, so {@code auto} never
 * picks it. See {@code src/docs/evaluator.md} (Generated code) and
 * {@code src/docs/results/codegen.md}.
 */
package dev.tc0.eval.codegen;
