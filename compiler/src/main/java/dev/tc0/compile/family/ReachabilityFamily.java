package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.BEYOND;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Bits;
import java.util.ArrayDeque;
import java.util.random.RandomGenerator;

/**
 * Directed s-t reachability (NL-complete) by repeated squaring of the adjacency matrix.
 *
 * <p>Input: the n x n adjacency matrix row by row (bit {@code un + v} is the edge u -> v). Output:
 * whether vertex n-1 is reachable from vertex 0 (a vertex reaches itself).
 *
 * <p>Circuit: {@code R = A OR I}, then {@code ceil(log2(n-1))} squarings
 * {@code R'[u][v] = OR_w AND(R[u][w], R[w][v])}, each two levels thanks to unbounded fan-in (with
 * fan-in two the OR tree alone would take log n levels per squaring, log^2 n in all). Depth
 * {@code 2 ceil(log2(n-1))}; {@code n^3} ANDs and {@code n^2} ORs per squaring (the last squaring
 * keeps only the entry the output needs).
 */
final class ReachabilityFamily {
    private ReachabilityFamily() {}

    static final CircuitFamily FAMILY = new Family(
            "reachability",
            "is vertex n-1 reachable from vertex 0 in a directed graph on n vertices: ceil(log2(n-1)) boolean matrix squarings, depth 2 per squaring",
            BEYOND,
            2,
            n -> n * n,
            ReachabilityFamily::build,
            ReachabilityFamily::reference,
            ReachabilityFamily::sparseGraph);

    static int squarings(int n) {
        return n <= 2 ? 0 : Bits.ceilLog2(n - 1);
    }

    private static int[] build(CircuitBuilder b, int n, int[] x) {
        int[][] r = new int[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) r[u][v] = u == v ? CircuitBuilder.constant(true) : x[u * n + v];
        }
        for (int k = 0; k < squarings(n); k++) {
            int[][] next = new int[n][n];
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    int[] paths = new int[n];
                    for (int w = 0; w < n; w++) paths[w] = b.and(r[u][w], r[w][v]);
                    next[u][v] = b.or(paths);
                }
            }
            r = next;
        }
        return new int[] {r[0][n - 1]};
    }

    private static boolean[] reference(int n, boolean[] x) {
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v = 0; v < n; v++) {
                if (x[u * n + v] && !seen[v]) {
                    seen[v] = true;
                    queue.add(v);
                }
            }
        }
        return new boolean[] {seen[n - 1]};
    }

    /** Edge density drawn from [0, 2/n]: uniform bits would make almost every pair reachable. */
    private static boolean[] sparseGraph(int n, RandomGenerator rnd) {
        double p = rnd.nextDouble() * Math.min(1.0, 2.0 / n);
        boolean[] x = new boolean[n * n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble() < p;
        return x;
    }
}
