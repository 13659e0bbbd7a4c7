package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import java.util.Arrays;

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
        // Terms that never count (zero weight, constant-false literal) are dropped once here
        // rather than by the builder in every gate; sums over them are all zero anyway.
        int n = 0;
        long[] tw = new long[w.length];
        int[] tl = new int[w.length];
        for (int r = 0; r < w.length; r++) {
            if (w[r] == 0 || lits[r] == Literal.FALSE) continue;
            tw[n] = w[r];
            tl[n++] = lits[r];
        }
        int[] out = new int[width];
        Ladder previous = null;
        for (int i = 0; i < width; i++) {
            Ladder g = ladder(b, tw, tl, n, i, previous);
            out[i] = g == null ? CircuitBuilder.constant(false) : g.bit(b);
            previous = g;
        }
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

    /**
     * Layer 1 of bit i: {@code g[t-1] = [z_i >= t 2^i]} for {@code t = 1..T_i}, with the masked
     * weights it was built on. Null when {@code T_i = 0} (the bit is constant false).
     */
    private record Ladder(long[] weights, int[] lits, int[] g) {
        /** {@code [g_1 - g_2 + g_3 - ... >= 1]}: {@code floor(z_i / 2^i) mod 2}. */
        int bit(CircuitBuilder b) {
            long[] alternating = new long[g.length];
            for (int t = 0; t < g.length; t++) alternating[t] = (t & 1) == 0 ? 1 : -1;
            return b.weighted(alternating, g, 1);
        }
    }

    private static Ladder ladder(CircuitBuilder b, long[] w, int[] lits, int n, int i, Ladder previous) {
        if (i >= 62) return null;
        long mask = (1L << (i + 1)) - 1;
        long[] wi = new long[n];
        int[] li = new int[n];
        int m = 0;
        long max = 0;
        for (int r = 0; r < n; r++) {
            long x = w[r] & mask;
            if (x == 0) continue;
            wi[m] = x;
            li[m++] = lits[r];
            max = Math.addExact(max, x);
        }
        long unit = 1L << i;
        int levels = Math.toIntExact(max / unit);
        if (levels == 0) return null;
        if (m < n) {
            wi = Arrays.copyOf(wi, m);
            li = Arrays.copyOf(li, m);
        }
        int[] g;
        if (previous != null && Arrays.equals(previous.weights(), wi)) {
            // no weight has bit i: z_i = z_{i-1}, so g_{i,t} = g_{i-1,2t}, built already
            g = new int[levels];
            for (int t = 1; t <= levels; t++) g[t - 1] = previous.g()[2 * t - 1];
        } else {
            long[] thresholds = new long[levels];
            for (int t = 1; t <= levels; t++) thresholds[t - 1] = t * unit;
            g = b.weighted(wi, li, thresholds);
        }
        return new Ladder(wi, li, g);
    }
}
