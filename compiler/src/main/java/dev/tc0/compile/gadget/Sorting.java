package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/**
 * Ranking and sorting of n unsigned keys, ascending and stable: equal keys keep their order
 * (src/docs/paper.md, Sorting and Dyck-1). Key j's rank is the number of keys before it,
 * {@code r_j = sum_l c_{l,j}} with {@code c_{l,j} = [a_l < a_j, or a_l = a_j and l < j]}; the ranks
 * are a permutation. Comparator depth {@code d_c} = 1 for LARGE weights, 3 for UNIT.
 */
public final class Sorting {
    private Sorting() {}

    /**
     * Ranks in binary, {@code ceil(log2 n)} bits each, by {@link Counting#popcount} over
     * {@code c_{.,j}}. Depth {@code d_c + 2}; {@code n(n-1)/2} comparators plus
     * {@code n (n - 1 + L - 1)} counting gates.
     */
    public static int[][] rank(CircuitBuilder b, int[][] keys, Weights weights) {
        int n = keys.length;
        int[][] before = before(b, keys, weights);
        int width = Math.max(1, Bits.ceilLog2(n));
        int[][] ranks = new int[n][];
        for (int j = 0; j < n; j++) ranks[j] = Bits.zeroExtend(Counting.popcount(b, before[j]), width);
        return ranks;
    }

    /**
     * The keys in ascending order. Key j lands at position p when {@code ge_{j,p} = [r_j >= p]}
     * and {@code le_{j,p} = [r_j <= p]} (two threshold gates over {@code c_{.,j}}); then
     * {@code out_{p,i} = OR_j AND(ge_{j,p}, le_{j,p}, a_{j,i})}. Depth {@code d_c + 3} (4 with
     * LARGE comparators); {@code n(n-1)/2} comparators, at most {@code 2n^2} thresholds,
     * {@code n^2 k} ANDs and {@code nk} ORs.
     */
    public static int[][] sort(CircuitBuilder b, int[][] keys, Weights weights) {
        int n = keys.length;
        int k = Bits.maxWidth(keys);
        int[][] before = before(b, keys, weights);
        int[][] out = new int[n][k];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < k; i++) {
                int[] terms = new int[n];
                for (int j = 0; j < n; j++) {
                    int ge = Counting.atLeast(b, p, before[j]);
                    int le = Counting.atMost(b, p, before[j]);
                    terms[j] = b.and(ge, le, i < keys[j].length ? keys[j][i] : CircuitBuilder.constant(false));
                }
                out[p][i] = b.or(terms);
            }
        }
        return out;
    }

    /** {@code before[j]} lists {@code c_{l,j}} over {@code l != j}. */
    private static int[][] before(CircuitBuilder b, int[][] keys, Weights weights) {
        int n = keys.length;
        int[][] after = Precedence.beats(b, keys, weights, false); // after[j][l]: j comes after l
        int[][] before = new int[n][n - 1];
        for (int j = 0; j < n; j++) {
            int e = 0;
            for (int l = 0; l < n; l++) if (l != j) before[j][e++] = after[j][l];
        }
        return before;
    }
}
