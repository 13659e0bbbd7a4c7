/**
 * The arithmetic route of Theorem 1: p-precision scalars carried as their p-bit code (the paper's
 * bus, {@link dev.tc0.compile.arith.PBus}) and p-precision arithmetic built from constant-depth
 * threshold gadgets, exact against {@link dev.tc0.compile.number.PMath}: ⊗ and ⊘
 * ({@link dev.tc0.compile.arith.Products}), ⊕ of many terms per Def 15
 * ({@link dev.tc0.compile.arith.Sums}), comparisons and arg-max
 * ({@link dev.tc0.compile.arith.Order}), ReLU, negation and any function of one scalar by Lemma 1
 * ({@link dev.tc0.compile.arith.Unary}). Where a scalar has few possible values the one-hot form
 * of the lowering is cheaper; a bus costs O(p) wires whatever its value set, which is what
 * arbitrary weights need. Every bus carries a {@link dev.tc0.compile.arith.PRange} so that sums
 * build only the grid positions that can occur. Sizes and depths by p are in
 * {@code src/docs/gadgets.md}.
 */
package dev.tc0.compile.arith;
