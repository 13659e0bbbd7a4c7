package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Lemma 1 of the paper (src/docs/paper.md, Lemma 1): any function of b input bits with m output
 * bits as a sum-of-minterms circuit. One AND per minterm ({@code b} literals) that some output bit
 * needs, shared by all output bits, then one OR per output bit over its on-set.
 *
 * <p><b>Depth</b> 2 here, since negated inputs are free literals; the paper's 3 counts its NOT
 * layer. <b>Size</b> {@code (minterms in some on-set) + m} gates for b >= 2, less where an output
 * bit is constant false (no OR), its on-set has one minterm (the OR is that AND) or equals another
 * bit's (one OR serves both), and at most {@code 2^b + m}. Fan-in b (ANDs) and at most {@code 2^b} (ORs). Inputs are little-endian: input
 * j is bit j of the argument. Meant for b up to about 20.
 */
public final class Lookup {
    private Lookup() {}

    /** Output bits {@code 0..m-1} of {@code f(x)}, x read from {@code in} (bit j = {@code in[j]}). */
    public static int[] of(CircuitBuilder b, int[] in, int m, LongUnaryOperator f) {
        if (in.length > 24)
            throw new IllegalArgumentException("a lookup over " + in.length + " bits has too many minterms");
        if (m > 64) throw new IllegalArgumentException(m + " output bits do not fit a long");
        int rows = 1 << in.length;
        int[] minterm = new int[rows];
        java.util.Arrays.fill(minterm, -1);
        int[][] onSet = new int[m][];
        int[] onCount = new int[m];
        for (int o = 0; o < m; o++) onSet[o] = new int[8];
        for (int x = 0; x < rows; x++) {
            long v = f.applyAsLong(x);
            for (int o = 0; o < m; o++) {
                if (((v >>> o) & 1) == 0) continue;
                if (minterm[x] < 0) minterm[x] = minterm(b, in, x);
                if (onCount[o] == onSet[o].length) onSet[o] = java.util.Arrays.copyOf(onSet[o], onCount[o] * 2);
                onSet[o][onCount[o]++] = minterm[x];
            }
        }
        int[] out = new int[m];
        for (int o = 0; o < m; o++) out[o] = b.or(java.util.Arrays.copyOf(onSet[o], onCount[o]));
        return out;
    }

    /** The same for an int-valued function (m at most 32). */
    public static int[] of(CircuitBuilder b, int[] in, int m, IntUnaryOperator f) {
        return of(b, in, m, (long x) -> f.applyAsInt((int) x) & 0xFFFF_FFFFL);
    }

    /** The same for a truth table: {@code table[x]} holds the m output bits for argument x. */
    public static int[] of(CircuitBuilder b, int[] in, int m, long[] table) {
        if (table.length != 1 << in.length) {
            throw new IllegalArgumentException(
                    "truth table has " + table.length + " rows for " + in.length + " input bits");
        }
        return of(b, in, m, (long x) -> table[(int) x]);
    }

    /**
     * Integer division by lookup: {@code floor(x / y)} in {@code |x|} bits then {@code x mod y} in
     * {@code |y|} bits. Division by zero gives an all-ones quotient and remainder x (truncated), as
     * the restoring-division hardware does. One lookup over {@code |x| + |y|} input bits.
     */
    public static int[] divide(CircuitBuilder b, int[] x, int[] y) {
        int kx = x.length, ky = y.length;
        long xMask = (1L << kx) - 1, yMask = (1L << ky) - 1;
        int[] in = concat(x, y);
        return of(b, in, kx + ky, (long v) -> {
            long a = v & xMask, d = (v >>> kx) & yMask;
            long q = d == 0 ? xMask : a / d;
            long r = d == 0 ? a & yMask : a % d;
            return q | (r << kx);
        });
    }

    /**
     * Reciprocal by lookup: {@code floor(2^f / y)} in {@code f + 1} bits ({@code 2^(f+1) - 1} for
     * y = 0), the approximate inverse of the saturated-attention paper's Appendix A.
     */
    public static int[] reciprocal(CircuitBuilder b, int[] y, int f) {
        long one = 1L << f;
        return of(b, y, f + 1, (long d) -> d == 0 ? 2 * one - 1 : one / d);
    }

    private static int minterm(CircuitBuilder b, int[] in, int x) {
        int[] lits = new int[in.length];
        for (int j = 0; j < in.length; j++) lits[j] = ((x >>> j) & 1) == 1 ? in[j] : CircuitBuilder.not(in[j]);
        return b.and(lits);
    }

    private static int[] concat(int[] a, int[] c) {
        int[] r = java.util.Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, r, a.length, c.length);
        return r;
    }
}
