package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.SumBits;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Threshold tests of a count-like sum S = Σ w_r·l_r in two stages: the terms of each weight are
 * cut into blocks of b, each block's count is written in binary (a {@link SumBits} sub-circuit,
 * depth 2), and each test [S ≥ t] is one weighted gate over the blocks' bits (bit k of a block of
 * weight w counts w·2^k). A sum over the i positions before a row has about i results, so testing
 * each on the i terms costs i^2 edges per row (n^3 over the rows); blocks of b ≈ sqrt(i log i)
 * cost i·b for the counts and about i^1.5 log i for the tests, at two more levels. Blocks at the
 * same positions in different rows are the same gates (the builder's structural hash), so a
 * causal sum pays for its counts about once.
 */
final class BlockCount {
    private BlockCount() {}

    /** Below this many terms a sum is tested directly: blocks would save nothing. */
    static final int MIN_TERMS = 4;

    /**
     * The block size with the fewest estimated edges, at least 2, for a sum of at least {@link
     * #MIN_TERMS} terms and two tests; 1 (test directly) otherwise, or when no two terms share a
     * weight. The choice of route depends on the shape only (not on which is smaller at this n),
     * so that the depth stays the same as n grows.
     */
    static int size(long[] w, int tests) {
        int m = w.length;
        if (m < MIN_TERMS || tests < 2) return 1;
        int[] classes = classSizes(w);
        long bestCost = Long.MAX_VALUE;
        int best = 1;
        int largest = Arrays.stream(classes).max().orElse(0);
        for (int b = 2; b <= largest; b++) {
            long cost = edges(classes, tests, b);
            if (cost < bestCost) {
                bestCost = cost;
                best = b;
            }
        }
        return best;
    }

    /** The estimated edges of blocks of b: each block's count (about s^2 + 2s), then the tests over the bits. */
    static long edges(int[] classes, int tests, int b) {
        long counts = 0, bits = 0;
        for (int k : classes) {
            for (int from = 0; from < k; from += b) {
                int s = Math.min(b, k - from);
                if (s > 1) counts += (long) s * s + 2L * s;
                bits += 64 - Long.numberOfLeadingZeros(s);
            }
        }
        return counts + tests * bits;
    }

    private static int[] classSizes(long[] w) {
        return byWeight(w).values().stream().mapToInt(r -> r.length).toArray();
    }

    /** The terms' indices by weight, weights in order of first appearance, indices ascending. */
    private static Map<Long, int[]> byWeight(long[] w) {
        Map<Long, Integer> count = new LinkedHashMap<>();
        for (long x : w) count.merge(x, 1, Integer::sum);
        Map<Long, int[]> terms = new LinkedHashMap<>();
        count.forEach((x, k) -> terms.put(x, new int[k]));
        Map<Long, Integer> filled = new java.util.HashMap<>();
        for (int r = 0; r < w.length; r++) terms.get(w[r])[filled.merge(w[r], 1, Integer::sum) - 1] = r;
        return terms;
    }

    /** [S ≥ t] for each t, with blocks of b terms of one weight each (in the terms' order). */
    static int[] atLeast(LoweringContext ctx, long[] w, int[] lits, long[] ts, int b) {
        long[] sw = new long[w.length];
        int[] sl = new int[w.length];
        int n = 0;
        for (Map.Entry<Long, int[]> e : byWeight(w).entrySet()) {
            long weight = e.getKey();
            int[] members = e.getValue();
            for (int from = 0; from < members.length; from += b) {
                int s = Math.min(b, members.length - from);
                int[] block = new int[s];
                for (int j = 0; j < s; j++) block[j] = lits[members[from + j]];
                int[] bits = s == 1 ? block : ctx.embed(ctx.subCircuit(new Block(s), () -> count(s)), block);
                for (int k = 0; k < bits.length; k++) {
                    sw[n] = Math.multiplyExact(weight, 1L << k);
                    sl[n++] = bits[k];
                }
            }
        }
        return ctx.weighted(Arrays.copyOf(sw, n), Arrays.copyOf(sl, n), ts);
    }

    /** The key of a block's count circuit: its number of terms. */
    private record Block(int terms) {}

    /** The count of s inputs in binary, little-endian. */
    private static Circuit count(int s) {
        CircuitBuilder cb = new CircuitBuilder();
        int[] in = new int[s];
        long[] ones = new long[s];
        for (int j = 0; j < s; j++) {
            in[j] = cb.input(null);
            ones[j] = 1;
        }
        for (int bit : SumBits.of(cb, ones, in, 64 - Long.numberOfLeadingZeros(s))) cb.output(null, bit);
        return cb.build();
    }
}
