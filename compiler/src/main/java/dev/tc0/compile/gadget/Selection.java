package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/**
 * Maximum and arg-max of n unsigned k-bit keys (src/docs/paper.md, Maximum and arg-max), ties to
 * the leftmost key: key j wins when it beats every key to its left strictly and every key to its
 * right or equals it. Comparators come from {@link Comparison} (depth {@code d_c} = 1 for LARGE, 3
 * for UNIT).
 */
public final class Selection {
    private Selection() {}

    /**
     * One-hot arg-max: {@code win_j = AND_{l<j} [a_j > a_l] AND AND_{l>j} [a_j >= a_l]}. One
     * comparator per unordered pair (the other direction is its free negation): depth
     * {@code d_c + 1}, {@code n(n-1)/2} comparators and n ANDs.
     */
    public static int[] argmax(CircuitBuilder b, int[][] keys, Weights weights) {
        int n = keys.length;
        int[][] beats = Precedence.beats(b, keys, weights, true);
        int[] win = new int[n];
        for (int j = 0; j < n; j++) {
            int[] lits = new int[n - 1];
            int e = 0;
            for (int l = 0; l < n; l++) if (l != j) lits[e++] = beats[j][l];
            win[j] = b.and(lits);
        }
        return win;
    }

    /** The arg-max as a binary index: bit i is {@code OR_{j has bit i} win_j}. Depth {@code d_c + 2}. */
    public static int[] argmaxIndex(CircuitBuilder b, int[][] keys, Weights weights) {
        int[] win = argmax(b, keys, weights);
        int[] index = new int[Math.max(1, Bits.ceilLog2(keys.length))];
        for (int i = 0; i < index.length; i++) {
            int[] lits = new int[win.length];
            for (int j = 0; j < win.length; j++)
                lits[j] = ((j >>> i) & 1) == 1 ? win[j] : CircuitBuilder.constant(false);
            index[i] = b.or(lits);
        }
        return index;
    }

    /**
     * The maximum key: bit i is {@code OR_j AND(win_j, a_{j,i})}. Depth {@code d_c + 3}; adds
     * {@code nk} ANDs and k ORs to {@link #argmax}.
     */
    public static int[] max(CircuitBuilder b, int[][] keys, Weights weights) {
        int[] win = argmax(b, keys, weights);
        int k = Bits.maxWidth(keys);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int[] lits = new int[keys.length];
            for (int j = 0; j < keys.length; j++)
                lits[j] = i < keys[j].length ? b.and(win[j], keys[j][i]) : CircuitBuilder.constant(false);
            out[i] = b.or(lits);
        }
        return out;
    }
}
