package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.BEYOND;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Bits;

/**
 * Boolean formula evaluation (NC1-complete): a complete binary tree with n leaves in heap order
 * (node i has children 2i+1 and 2i+2; the leaves are nodes n-1 .. 2n-2), whose internal nodes'
 * operations are inputs.
 *
 * <p>Input: the n leaf values, then two bits per internal node 0..n-2: {@code t0} (AND when true,
 * OR when false) and {@code t1} (negate the result). Output: the root's value.
 *
 * <p>Circuit per internal node: {@code [l + r + !t0 >= 2]} (AND or OR in one threshold gate), then
 * XOR with {@code t1}. Depth {@code 2 ceil(log2 n)}, {@code 2(n-1)} gates at most.
 */
final class FormulaFamily {
    private FormulaFamily() {}

    static final CircuitFamily FAMILY = new Family(
            "formula",
            "boolean formula on a complete binary tree with n leaves, AND/OR and NOT per node given as input; depth 2 ceil(log2 n)",
            BEYOND,
            1,
            n -> n + 2 * (n - 1),
            FormulaFamily::build,
            FormulaFamily::reference);

    static int depth(int n) {
        return 2 * Bits.ceilLog2(n);
    }

    private static int[] build(CircuitBuilder b, int n, int[] x) {
        int[] node = new int[2 * n - 1];
        System.arraycopy(x, 0, node, n - 1, n);
        for (int i = n - 2; i >= 0; i--) {
            int t0 = x[n + 2 * i], t1 = x[n + 2 * i + 1];
            node[i] = b.xor(b.threshold(2, node[2 * i + 1], node[2 * i + 2], CircuitBuilder.not(t0)), t1);
        }
        return new int[] {node[0]};
    }

    private static boolean[] reference(int n, boolean[] x) {
        boolean[] node = new boolean[2 * n - 1];
        System.arraycopy(x, 0, node, n - 1, n);
        for (int i = n - 2; i >= 0; i--) {
            boolean l = node[2 * i + 1], r = node[2 * i + 2];
            node[i] = (x[n + 2 * i] ? l && r : l || r) ^ x[n + 2 * i + 1];
        }
        return new boolean[] {node[0]};
    }
}
