package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/**
 * Comparison of unsigned little-endian numbers (src/docs/paper.md, Comparison). Operands of
 * different widths are zero-extended to the wider one, k bits.
 */
public final class Comparison {
    private Comparison() {}

    /**
     * {@code [x > y]}. LARGE: one gate {@code [sum 2^i x_i - sum 2^i y_i >= 1]}, depth 1, weights
     * up to {@code 2^(k-1)} (k at most 62). UNIT (Comparison (b) in src/docs/paper.md):
     * {@code x > y} iff some i has {@code x_i > y_i} and {@code x_j >= y_j} above it;
     * {@code g_j = OR(x_j, !y_j)} for {@code j >= 1}, {@code t_i = AND(x_i, !y_i, g_{i+1..k-1})},
     * output {@code OR_i t_i}: depth 3, {@code 2k} gates for k >= 2 ({@code g_0} is never needed,
     * so one fewer than the paper's 2k + 1), fan-in at most k + 1.
     */
    public static int greaterThan(CircuitBuilder b, int[] x, int[] y, Weights weights) {
        int k = Math.max(x.length, y.length);
        int[] a = Bits.zeroExtend(x, k), c = Bits.zeroExtend(y, k);
        return weights == Weights.LARGE ? difference(b, a, c, 1) : greaterThanUnit(b, a, c);
    }

    /** {@code [x >= y] = !(y > x)}: the same gates as {@link #greaterThan} with operands swapped. */
    public static int atLeast(CircuitBuilder b, int[] x, int[] y, Weights weights) {
        return CircuitBuilder.not(greaterThan(b, y, x, weights));
    }

    /**
     * {@code [x = y]}. LARGE: {@code AND([x - y >= 0], [y - x >= 0])}, depth 2, 3 gates. UNIT
     * (Comparison, equality, in src/docs/paper.md):
     * {@code e_i = OR(AND(x_i, y_i), AND(!x_i, !y_i))} then {@code AND_i e_i}: depth 3,
     * {@code 3k + 1} gates for k >= 2.
     */
    public static int equal(CircuitBuilder b, int[] x, int[] y, Weights weights) {
        int k = Math.max(x.length, y.length);
        int[] a = Bits.zeroExtend(x, k), c = Bits.zeroExtend(y, k);
        if (weights == Weights.LARGE) return b.and(difference(b, a, c, 0), difference(b, c, a, 0));
        int[] e = new int[k];
        for (int i = 0; i < k; i++) {
            e[i] = b.or(b.and(a[i], c[i]), b.and(CircuitBuilder.not(a[i]), CircuitBuilder.not(c[i])));
        }
        return b.and(e);
    }

    /**
     * {@code [x = c]} for a constant c: one gate {@code [sum_{c_i=1} x_i + sum_{c_i=0} !x_i >= k]}
     * (an AND of literals). Depth 1, 1 gate; constant false when c needs more than k bits.
     */
    public static int equalsConstant(CircuitBuilder b, int[] x, long c) {
        if (c < 0 || Bits.bitLength(c) > x.length) return CircuitBuilder.constant(false);
        int[] lits = new int[x.length];
        for (int i = 0; i < x.length; i++) lits[i] = ((c >>> i) & 1) == 1 ? x[i] : CircuitBuilder.not(x[i]);
        return b.and(lits);
    }

    /** {@code [sum 2^i a_i - sum 2^i c_i >= t]}: one weighted gate. */
    private static int difference(CircuitBuilder b, int[] a, int[] c, long t) {
        int k = a.length;
        if (k > 62)
            throw new IllegalArgumentException("LARGE comparison of " + k + " bits needs weights beyond a long");
        long[] w = new long[2 * k];
        int[] lits = new int[2 * k];
        for (int i = 0; i < k; i++) {
            w[i] = 1L << i;
            lits[i] = a[i];
            w[k + i] = -(1L << i);
            lits[k + i] = c[i];
        }
        return b.weighted(w, lits, t);
    }

    private static int greaterThanUnit(CircuitBuilder b, int[] x, int[] y) {
        int k = x.length;
        int[] g = new int[k];
        for (int j = 1; j < k; j++) g[j] = b.or(x[j], CircuitBuilder.not(y[j]));
        int[] t = new int[k];
        for (int i = 0; i < k; i++) {
            int[] lits = new int[k - i + 1];
            lits[0] = x[i];
            lits[1] = CircuitBuilder.not(y[i]);
            System.arraycopy(g, i + 1, lits, 2, k - i - 1);
            t[i] = b.and(lits);
        }
        return b.or(t);
    }
}
