package dev.tc0.compile.transformer;

/** Shape checks whose messages name the parameter: {@code layer_0/attn/query: expected 8x4, got 8x3}. */
final class Shapes {
    private Shapes() {}

    static void matrix(String name, double[][] m, int rows, int cols) {
        int gotCols = m.length == 0 ? cols : m[0].length;
        boolean ragged = false;
        for (double[] row : m) ragged |= row.length != gotCols;
        if (m.length != rows || gotCols != cols || ragged) {
            throw new IllegalArgumentException(name + ": expected " + rows + "x" + cols + ", got "
                    + (ragged ? "ragged rows" : m.length + "x" + gotCols));
        }
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j]))
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "]: not a finite number");
            }
        }
    }

    static void vector(String name, double[] v, int length) {
        if (v.length != length)
            throw new IllegalArgumentException(name + ": expected length " + length + ", got " + v.length);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException(name + "[" + i + "]: not a finite number");
        }
    }
}
