package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.gadget.SumBits;
import java.util.Arrays;

/**
 * A small integer expression {@code c + Σ w_r·l_r} over literals: the exponent arithmetic of the
 * bus gadgets (E_a + E_b - I^max, the position of a leading one plus a shift). Its comparisons
 * with constants are single weighted gates and its binary digits are {@link SumBits}, so exponent
 * sums cost no adder. Weights stay small (a few times 2^(p/2)), far inside a long.
 */
final class Affine {
    private final long constant;
    private final long[] weights;
    private final int[] lits;

    private Affine(long constant, long[] weights, int[] lits) {
        this.constant = constant;
        this.weights = weights;
        this.lits = lits;
    }

    static Affine constant(long c) {
        return new Affine(c, new long[0], new int[0]);
    }

    /** The unsigned little-endian number {@code bits}, times {@code scale}. */
    static Affine ofBits(int[] bits, long scale) {
        return constant(0).plusBits(bits, scale);
    }

    Affine plus(long c) {
        return new Affine(Math.addExact(constant, c), weights, lits);
    }

    /** Adds {@code scale·Σ 2^b bits[b]}; a negative scale subtracts the number. */
    Affine plusBits(int[] bits, long scale) {
        long[] w = Arrays.copyOf(weights, weights.length + bits.length);
        int[] l = Arrays.copyOf(lits, lits.length + bits.length);
        for (int b = 0; b < bits.length; b++) {
            w[weights.length + b] = Math.multiplyExact(scale, 1L << b);
            l[lits.length + b] = bits[b];
        }
        return new Affine(constant, w, l);
    }

    Affine plus(Affine o) {
        long[] w = Arrays.copyOf(weights, weights.length + o.weights.length);
        int[] l = Arrays.copyOf(lits, lits.length + o.lits.length);
        System.arraycopy(o.weights, 0, w, weights.length, o.weights.length);
        System.arraycopy(o.lits, 0, l, lits.length, o.lits.length);
        return new Affine(Math.addExact(constant, o.constant), w, l);
    }

    /** The smallest value over all assignments (constant literals counted as they are). */
    long min() {
        long m = constant;
        for (int r = 0; r < lits.length; r++) {
            if (lits[r] == Literal.TRUE) m += weights[r];
            else if (lits[r] != Literal.FALSE && weights[r] < 0) m += weights[r];
        }
        return m;
    }

    /** The largest value over all assignments. */
    long max() {
        long m = constant;
        for (int r = 0; r < lits.length; r++) {
            if (lits[r] == Literal.TRUE) m += weights[r];
            else if (lits[r] != Literal.FALSE && weights[r] > 0) m += weights[r];
        }
        return m;
    }

    boolean isConstant() {
        return min() == max();
    }

    /** {@code [value >= t]}: one weighted gate, or a constant when the bounds decide it. */
    int atLeast(CircuitBuilder b, long t) {
        if (min() >= t) return Literal.TRUE;
        if (max() < t) return Literal.FALSE;
        return b.weighted(weights, lits, t - constant);
    }

    /** {@code [value = t]}. */
    int equalTo(CircuitBuilder b, long t) {
        return b.and(atLeast(b, t), CircuitBuilder.not(atLeast(b, t + 1)));
    }

    /**
     * Bits {@code 0 .. width-1} of the value modulo 2^width (two's complement when negative), by
     * {@link SumBits}: a negative weight w on l becomes |w| on ¬l plus the constant w, and the
     * constant joins as the weight of a true literal.
     */
    int[] bits(CircuitBuilder b, int width) {
        long mod = 1L << width;
        long c = constant;
        long[] w = new long[lits.length + 1];
        int[] l = new int[lits.length + 1];
        for (int r = 0; r < lits.length; r++) {
            if (weights[r] < 0) {
                c += weights[r];
                w[r] = Math.floorMod(-weights[r], mod);
                l[r] = CircuitBuilder.not(lits[r]);
            } else {
                w[r] = Math.floorMod(weights[r], mod);
                l[r] = lits[r];
            }
        }
        w[lits.length] = Math.floorMod(c, mod);
        l[lits.length] = Literal.TRUE;
        return SumBits.of(b, w, l, width);
    }
}
