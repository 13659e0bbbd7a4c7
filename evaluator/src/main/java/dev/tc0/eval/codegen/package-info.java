/**
 * Generated code for evaluation ({@code --kernels codegen}, {@code codegen-vector}): a plan is cut
 * into chunks ({@link dev.tc0.eval.codegen.Chunks}), each emitted as a static method of
 * straight-line code over one {@code long} word or one {@code LongVector}
 * ({@link dev.tc0.eval.codegen.ChunkEmitter}, {@link dev.tc0.eval.codegen.WordCode}), loaded as hidden
 * classes ({@link dev.tc0.eval.codegen.PlanClasses}), warmed up for the JIT and run block by block
 * ({@link dev.tc0.eval.codegen.CompiledPlan}) behind the engine's kernel interface
 * ({@link dev.tc0.eval.codegen.CodegenKernels}). Results equal the interpreters' for every gate
 * kind; on the circuits measured both variants are slower than the vector interpreter, so
 * {@code auto} never picks them. The native kernels ({@code --kernels native},
 * {@link dev.tc0.eval.codegen.NativeKernels}) emit the same chunks as C over 512-bit GCC vectors
 * ({@link dev.tc0.eval.codegen.CSource}), compile them with the machine's C compiler into a
 * cached library ({@link dev.tc0.eval.codegen.NativeCompiler}) and call it on the engine's arena
 * through the foreign function API; {@link dev.tc0.eval.codegen.AutoKernels}, the default set,
 * runs the interpreter and switches to native code for a batch that repays compiling it. See
 * {@code src/docs/evaluator.md} (Generated code, Native code) and {@code src/docs/results/codegen.md}.
 */
package dev.tc0.eval.codegen;
