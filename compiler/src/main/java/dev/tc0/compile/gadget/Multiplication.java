package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;

/** Products of unsigned little-endian numbers (src/docs/paper.md, Multiplication). */
public final class Multiplication {
    private Multiplication() {}

    /**
     * {@code x * y} in {@code |x| + |y|} bits: partial products {@code p_{i,j} = AND(x_i, y_j)}
     * ({@code |x||y|} gates, depth 1), row j shifted by j, then iterated addition of the {@code |y|}
     * rows by {@code method}. Depth 1 + that of the method: 3 with DIRECT, 5 with
     * BLOCK_SAVE_WEIGHTED, 8 with BLOCK_SAVE.
     */
    public static int[] multiply(CircuitBuilder b, int[] x, int[] y, IteratedAddition.Method method) {
        int[][] rows = new int[y.length][];
        for (int j = 0; j < y.length; j++) {
            int[] row = new int[x.length];
            for (int i = 0; i < x.length; i++) row[i] = b.and(x[i], y[j]);
            rows[j] = Bits.shiftLeft(row, j);
        }
        return method.sum(b, rows, x.length + y.length);
    }
}
