package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/**
 * Addition of two unsigned little-endian numbers (src/docs/paper.md, Addition of two numbers),
 * returning bits {@code 0 .. width-1} of {@code x + y} (so {@code width = max(|x|, |y|) + 1} keeps
 * the carry-out).
 */
public final class Addition {
    private Addition() {}

    /** {@link #weighted} for LARGE, {@link #carryLookahead} for UNIT. */
    public static int[] add(CircuitBuilder b, int[] x, int[] y, int width, Weights weights) {
        return weights == Weights.LARGE ? weighted(b, x, y, width) : carryLookahead(b, x, y, width);
    }

    /**
     * Addition (a) of src/docs/paper.md: {@link SumBits} over {@code sum_j 2^j (x_j + y_j)}. Depth
     * 2. For two k-bit operands and width k + 1: {@code 4k - 1} gates, the paper's {@code 4k + 1}
     * less two: bits 1..k-1 take 3 + 1, bit 0 is {@code AND(OR, !AND)} (2 + 1), and the carry-out
     * is the gate {@code g_{k-1,2}} of bit k - 1. Weights up to {@code 2^width}, so width at most
     * 62.
     */
    public static int[] weighted(CircuitBuilder b, int[] x, int[] y, int width) {
        return SumBits.ofNumbers(b, new int[][] {x, y}, width);
    }

    /**
     * Addition (b) of src/docs/paper.md, unit weights. Generate {@code g_j = AND(x_j, y_j)},
     * propagate {@code p_j = OR(x_j, y_j)} (level 1);
     * {@code t_{j,i} = AND(g_j, p_{j+1}, .., p_{i-1})} (level 2); carry
     * {@code c_i = OR_{j<i} t_{j,i}} (level 3); sum bit {@code s_i = parity(x_i, y_i, c_i)} by
     * {@link Counting#parity} (levels 4 and 5).
     *
     * <p>Depth 5 for k >= 3 (3 for k = 2). Size for two k-bit operands and width k + 1, k >= 2:
     * {@code k} generates, {@code k} propagates, {@code k(k-1)/2} lookahead ANDs (the
     * {@code t_{j,i}} with {@code j < i - 1}; {@code t_{i-1,i} = g_{i-1}}), {@code k - 1} carry ORs
     * ({@code c_1 = g_0}), 4 gates per sum bit 1..k-1, and 1 for bit 0 (its parity layer is
     * {@code p_0, g_0}); the carry-out is {@code c_k}. In all {@code k(k-1)/2 + 7k - 4} gates,
     * fan-in at most k + 1.
     */
    public static int[] carryLookahead(CircuitBuilder b, int[] x, int[] y, int width) {
        int[] a = Bits.zeroExtend(x, width), c = Bits.zeroExtend(y, width);
        int[] g = new int[width], p = new int[width];
        for (int j = 0; j < width; j++) {
            g[j] = b.and(a[j], c[j]);
            p[j] = b.or(a[j], c[j]);
        }
        int[] sum = new int[width];
        for (int i = 0; i < width; i++) {
            int carry = carry(b, g, p, i);
            sum[i] = Counting.parity(b, a[i], c[i], carry);
        }
        return sum;
    }

    /** {@code c_i = OR_{j<i} AND(g_j, p_{j+1..i-1})}; gates are built only for what is used. */
    private static int carry(CircuitBuilder b, int[] g, int[] p, int i) {
        int[] terms = new int[i];
        for (int j = 0; j < i; j++) {
            int[] lits = new int[i - j];
            lits[0] = g[j];
            System.arraycopy(p, j + 1, lits, 1, i - j - 1);
            terms[j] = b.and(lits);
        }
        return b.or(terms);
    }
}
