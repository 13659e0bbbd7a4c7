/**
 * The paper's p-precision numbers (Merrill &amp; Sabharwal, Appendix A) and their exact arithmetic.
 *
 * <p>A {@link dev.tc0.compile.number.PFloat} is a p-bit string: a p/2-bit signed mantissa followed
 * by a p/2-bit signed exponent. {@link dev.tc0.compile.number.Precision} holds one p and implements
 * the paper's integer mapping g_p and its p-truncated mapping f_p; every other operation
 * ({@link dev.tc0.compile.number.PMath}: iterated sum, product, quotient;
 * {@link dev.tc0.compile.number.RealFunctions}: exp, square roots) is "compute the exact real result,
 * then apply f_p once", so all of them round the same way: toward zero onto the representable
 * values, saturating at plus or minus F_p^max. The conventions are fixed in
 * {@code src/docs/numbers.md}.
 */
package dev.tc0.compile.number;
