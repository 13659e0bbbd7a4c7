package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/**
 * The all-pairs order of keys with ties broken by position, shared by selection and sorting.
 * The position is a constant for each pair, so the tie-break only picks between {@code >} and
 * {@code >=}: no index bits are compared.
 */
final class Precedence {
    private Precedence() {}

    /**
     * {@code r[j][l]} for {@code j != l}: key j comes after key l in the order "larger key, or equal
     * key and ..." where {@code leftWins} says whether the left one of two equal keys counts as
     * larger (arg-max, leftmost) or smaller (stable ascending sort). Exactly one of {@code r[j][l]}
     * and {@code r[l][j]} holds, so one comparator serves both: {@code n(n-1)/2} comparators.
     */
    static int[][] beats(CircuitBuilder b, int[][] keys, Weights weights, boolean leftWins) {
        int n = keys.length;
        int[][] r = new int[n][n];
        for (int l = 0; l < n; l++) {
            for (int j = l + 1; j < n; j++) {
                // l is left of j. With leftWins, l beats j on ties: l beats j iff a_l >= a_j.
                int leftBeatsRight = leftWins
                        ? Comparison.atLeast(b, keys[l], keys[j], weights)
                        : Comparison.greaterThan(b, keys[l], keys[j], weights);
                r[l][j] = leftBeatsRight;
                r[j][l] = CircuitBuilder.not(leftBeatsRight);
            }
        }
        return r;
    }
}
