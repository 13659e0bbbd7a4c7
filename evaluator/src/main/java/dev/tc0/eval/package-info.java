/**
 * The evaluation engine: a {@link dev.tc0.circuit.Circuit} becomes an {@link dev.tc0.eval.EvalPlan}
 * (gates by level, cut into runs of one operation, values in reused slots), which the
 * {@link dev.tc0.eval.Engine} runs tile by tile over bit-packed inputs from an
 * {@link dev.tc0.eval.InputSource} into an {@link dev.tc0.eval.OutputSink}, with
 * {@link dev.tc0.eval.Kernels} evaluating each tile: the interpreters
 * ({@link dev.tc0.eval.WordKernels}: {@link dev.tc0.eval.ScalarKernels}, or the Vector API twin in
 * {@code dev.tc0.eval.vector}) or generated code ({@code dev.tc0.eval.codegen}), chosen through
 * {@link dev.tc0.eval.KernelProvider}.
 *
 * <h2>From gate kind to kernel</h2>
 *
 * <p>A gate kind passes four places on its way to the words: the
 * {@link dev.tc0.circuit.CircuitBuilder} puts it in a normal form, the plan picks an operation
 * ({@code PlanOp.of}), {@code WordKernels.run} dispatches the run to one loop, and the loop calls a
 * word primitive that {@code ScalarKernels} and {@code VectorKernels} both implement. Two
 * references check every path:
 * {@link dev.tc0.circuit.Circuit#evaluate} (one pattern, gate by gate) and
 * {@link dev.tc0.eval.ReferenceEvaluator} (word-parallel, no plan).
 *
 * <table>
 * <caption>Each gate kind: normal form, plan operation, kernel</caption>
 * <tr><th>kind</th><th>normal form ({@code CircuitBuilder})</th><th>plan operation</th>
 *     <th>kernel ({@code WordKernels})</th></tr>
 * <tr><td>AND</td><td>at least two distinct operands, sorted, no complementary pair; a constant
 *     operand absorbs or drops out; one operand left is that literal</td>
 *     <td>{@code AND2}, {@code AND3}, {@code AND4} by fan-in, else {@code AND_N};
 *     {@code LOGIC2} for fan-in 2 in a depth-first plan</td>
 *     <td>{@code runAnd2..4}: the primitives {@code and2..and4}; {@code runFold}: {@code copy}
 *     then {@code andInto} per operand; {@code runLogic2}: {@code and2} or {@code xor2} per
 *     gate</td></tr>
 * <tr><td>OR</td><td>as AND</td>
 *     <td>as AND: the slot holds the AND of the complemented operands, the complement of the
 *     gate's value, and every reader flips the operand's negation bit</td><td>as AND</td></tr>
 * <tr><td>XOR</td><td>at least two distinct positive operands, sorted; negations and constants move
 *     to the result; equal pairs cancel</td>
 *     <td>{@code XOR2}, {@code XOR3}, {@code XOR4}, else {@code XOR_N}; {@code LOGIC2} as AND</td>
 *     <td>{@code runXor2..4}: {@code xor2..xor4}; {@code runFold}: {@code copy} then
 *     {@code xorInto}</td></tr>
 * <tr><td>THRESHOLD</td><td>at least two operand edges (repeats count) with {@code 1 < t < k}; a
 *     complementary pair is one true edge and lowers {@code t}; {@code t = k} becomes AND,
 *     {@code t = 1} OR, {@code t <= 0} and {@code t > k} constants</td>
 *     <td>{@code MAJ3} for {@code k = 3, t = 2}; else {@code COUNT} with one
 *     {@link dev.tc0.eval.CounterProgram} per fan-in (all weights 1)</td>
 *     <td>{@code maj3}; {@code runCount}: the program's full and half adders ({@code fullAdd},
 *     {@code halfAdd}) sum the operand planes per strip, then {@code compare} scans the sum's
 *     columns against {@code t}; gates of a run with the same operands share one sum</td></tr>
 * <tr><td>WEIGHTED</td><td>distinct positive operands with non-zero signed weights (negated
 *     operands and constants fold into {@code t}, repeats merge); weights all of one magnitude
 *     become THRESHOLD; the least reachable sum {@code < t <=} the greatest</td>
 *     <td>{@code COUNT}: a weight {@code w < 0} becomes {@code |w|} on the negated operand with
 *     {@code t} raised by {@code |w|}; one {@code CounterProgram} per weight vector, each operand
 *     placed in the columns of its weight's set bits</td>
 *     <td>{@code runCount}, as THRESHOLD</td></tr>
 * </table>
 *
 * <p>Files on the way: {@code circuit/GateKind} (the kinds), {@code circuit/CircuitBuilder} (normal
 * forms, constant folding, structural hashing), {@code circuit/Circuit} ({@code evaluate}, the
 * one-pattern reference), {@code circuit/Schedule} (levels and slots), {@code eval/PlanOp} and
 * {@code eval/EvalPlan} (operations, operand references, COUNT programs and thresholds),
 * {@code eval/CounterProgram} (the adder programs), {@code eval/WordKernels} (the loops and the
 * COUNT sum and compare), {@code eval/codegen/ChunkEmitter} (the same operations as generated
 * code), {@code eval/ScalarKernels} and {@code eval/vector/VectorKernels} (the word
 * primitives), {@code eval/ReferenceEvaluator} (the word-parallel reference). Writing a circuit to
 * a format without threshold gates decomposes THRESHOLD and WEIGHTED in
 * {@link dev.tc0.circuit.ThresholdDecomposition}; a new gate kind touches every file named here.
 */
package dev.tc0.eval;
