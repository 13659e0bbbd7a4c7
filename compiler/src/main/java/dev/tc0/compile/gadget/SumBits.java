package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/**
 * The binary digits of a weighted sum {@code z = sum_r w_r l_r} (all {@code w_r >= 0}) in depth 2:
 * the construction behind addition (a), iterated addition (a) and the block sums of iterated
 * addition (c) in src/docs/paper.md.
 *
 * <p>Bit {@code i} of {@code z} only depends on {@code z mod 2^(i+1)}, so it is computed from
 * {@code z_i = sum_r (w_r mod 2^(i+1)) l_r}: {@code bit_i(z) = floor(z_i / 2^i) mod 2}. Layer 1 holds
 * {@code g_{i,t} = [z_i >= t 2^i]} for {@code t = 1..T_i}, {@code T_i = floor(max z_i / 2^i)};
 * the output is {@code [g_{i,1} - g_{i,2} + g_{i,3} - ... >= 1]}, which telescopes to
 * {@code floor(z_i / 2^i) mod 2}.
 *
 * <p><b>Depth</b> 2 (1 when a bit has {@code T_i = 1}). <b>Size</b> at most
 * {@code sum_i (T_i + [T_i >= 2])} gates: the builder merges equal {@code g} gates across bits
 * (for instance {@code g_{i,2t} = g_{i+1,t}} once all weights are below {@code 2^(i+1)}), so
 * the built count can be lower. Fan-in at most the number of terms (layer 1) and {@code T_i}
 * (layer 2); weights below {@code 2^(i+1)}.
 */
public final class SumBits {
    private SumBits() {}

    /**
     * Bits {@code 0 .. width-1} of {@code sum w[r] * lits[r]}. Weights must be non-negative and
     * every partial sum {@code sum_r (w_r mod 2^(i+1))} must fit in a long.
     */
    public static int[] of(CircuitBuilder b, long[] w, int[] lits, int width) {
        if (w.length != lits.length)
            throw new IllegalArgumentException(w.length + " weights for " + lits.length + " literals");
        for (long x : w) if (x < 0) throw new IllegalArgumentException("negative weight " + x);
        int[] out = new int[width];
        for (int i = 0; i < width; i++) out[i] = bit(b, w, lits, i);
        return out;
    }

    /**
     * Bits {@code 0 .. width-1} of the sum of unsigned little-endian numbers, each bit {@code j}
     * weighted {@code 2^j}. Width at most 62.
     */
    public static int[] ofNumbers(CircuitBuilder b, int[][] numbers, int width) {
        if (width > 62) throw new IllegalArgumentException("width " + width + " needs weights beyond a long");
        int terms = 0;
        for (int[] x : numbers) terms += Math.min(x.length, width);
        long[] w = new long[terms];
        int[] lits = new int[terms];
        int e = 0;
        for (int[] x : numbers) {
            for (int j = 0; j < Math.min(x.length, width); j++) {
                w[e] = 1L << j;
                lits[e++] = x[j];
            }
        }
        return of(b, w, lits, width);
    }

    private static int bit(CircuitBuilder b, long[] w, int[] lits, int i) {
        long mask = i >= 62 ? Long.MAX_VALUE : (1L << (i + 1)) - 1;
        long[] wi = new long[w.length];
        long max = 0;
        for (int r = 0; r < w.length; r++) {
            wi[r] = w[r] & mask;
            max = Math.addExact(max, wi[r]);
        }
        if (i >= 62) return CircuitBuilder.constant(false);
        long unit = 1L << i;
        int levels = Math.toIntExact(max / unit);
        if (levels == 0) return CircuitBuilder.constant(false);
        int[] g = new int[levels];
        long[] alternating = new long[levels];
        for (int t = 1; t <= levels; t++) {
            g[t - 1] = b.weighted(wi, lits, t * unit);
            alternating[t - 1] = (t & 1) == 1 ? 1 : -1;
        }
        return b.weighted(alternating, g, 1);
    }
}
