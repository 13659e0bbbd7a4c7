package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/** Dyck-1, balanced parentheses (src/docs/paper.md, Sorting and Dyck-1). */
public final class Dyck {
    private Dyck() {}

    /**
     * True when the word is balanced; {@code open[i]} is true for '(' and false for ')'. Every
     * prefix {@code 0..i} must hold at least as many opens as closes,
     * {@code bal_i = [sum_{j<=i} open_j >= ceil((i+1)/2)]}, and the whole word no more,
     * {@code end = [sum_j open_j <= n/2]}; the output is their AND. Depth 2, at most n + 1 gates
     * ({@code bal_0} is {@code open_0} itself), unit weights, fan-in n. For odd n the last prefix
     * test {@code [s >= (n+1)/2]} and {@code end = ![s >= (n+1)/2]} are one gate and its negation,
     * so the builder folds the AND to constant false (depth 0): odd words are never balanced. The
     * empty word is balanced.
     */
    public static int balanced(CircuitBuilder b, int... open) {
        int n = open.length;
        int[] terms = new int[n + 1];
        for (int i = 0; i < n; i++) {
            terms[i] = Counting.atLeast(b, (i + 2) / 2, java.util.Arrays.copyOf(open, i + 1));
        }
        terms[n] = Counting.atMost(b, n / 2, open);
        return b.and(terms);
    }
}
