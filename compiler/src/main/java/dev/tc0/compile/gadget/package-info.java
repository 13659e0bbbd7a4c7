/**
 * Constant-depth threshold arithmetic: each gadget is a static method taking a
 * {@link dev.tc0.circuit.CircuitBuilder} and input literals (numbers as little-endian bit arrays)
 * and returning output literals. Every gadget's Javadoc states its depth and size as formulas in
 * its parameters (after the builder's constant folding and structural hashing), and its tests
 * check them. The constructions follow src/docs/paper.md (Threshold arithmetic, and Lemma 1); an
 * overview is in {@code src/docs/gadgets.md}.
 */
package dev.tc0.compile.gadget;
