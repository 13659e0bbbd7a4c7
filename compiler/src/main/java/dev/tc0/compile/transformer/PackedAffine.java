package dev.tc0.compile.transformer;

import java.util.Arrays;

/**
 * {@link SparseAffine} on packed floats ({@link PackedArithmetic}): the same weights dropped, the
 * same products, the same one ⊕ per output coordinate.
 */
final class PackedAffine {
    private final int[][] rows;
    private final long[][] weights;
    private final long[] bias;
    private final boolean[] hasBias;
    private final int in;
    private final PackedArithmetic ar;
    private final long[] terms;

    PackedAffine(Linear linear, PackedArithmetic ar) {
        this.ar = ar;
        int out = linear.out();
        in = linear.in();
        rows = new int[out][];
        weights = new long[out][];
        bias = new long[out];
        hasBias = new boolean[out];
        int widest = 0;
        for (int c = 0; c < out; c++) {
            int[] r = new int[in];
            long[] w = new long[in];
            int live = 0;
            for (int i = 0; i < in; i++) {
                long q = ar.constant(linear.w()[i][c]);
                if (!PackedArithmetic.isZero(q)) {
                    r[live] = i;
                    w[live++] = q;
                }
            }
            rows[c] = Arrays.copyOf(r, live);
            weights[c] = Arrays.copyOf(w, live);
            widest = Math.max(widest, live);
            bias[c] = ar.constant(linear.b()[c]);
            hasBias[c] = !PackedArithmetic.isZero(bias[c]);
        }
        terms = new long[widest + 2];
    }

    int out() {
        return rows.length;
    }

    /** y_c = ⊕(residual_c, b_c, w_1c ⊗ x_1, ..., w_dc ⊗ x_d); residual may be null. */
    long[] apply(long[] x, long[] residual) {
        check(x);
        long[] y = new long[rows.length];
        for (int c = 0; c < rows.length; c++) y[c] = coordinate(c, x, residual);
        return y;
    }

    /**
     * {@link #apply} at a position of a pass, recalling the previous pass at that position: a
     * coordinate whose inputs (its live x's and its residual) are the same floats as then has the
     * same output. The arrays given and returned are kept, so they must not be changed afterwards.
     */
    long[] apply(long[] x, long[] residual, int position, int positions) {
        check(x);
        if (lastX == null || lastX.length != positions) {
            lastX = new long[positions][];
            lastResidual = new long[positions][];
            lastY = new long[positions][];
        }
        long[] px = lastX[position], pr = lastResidual[position], py = lastY[position];
        boolean recall = px != null && (residual == null) == (pr == null);
        if (recall && Arrays.equals(x, px) && Arrays.equals(residual, pr)) return py;
        long[] y = new long[rows.length];
        for (int c = 0; c < rows.length; c++)
            y[c] = recall && same(c, x, residual, px, pr) ? py[c] : coordinate(c, x, residual);
        lastX[position] = x;
        lastResidual[position] = residual;
        lastY[position] = y;
        return y;
    }

    private long[][] lastX, lastResidual, lastY;

    private boolean same(int c, long[] x, long[] residual, long[] px, long[] pr) {
        if (residual != null && residual[c] != pr[c]) return false;
        for (int r : rows[c]) if (x[r] != px[r]) return false;
        return true;
    }

    private void check(long[] x) {
        if (x.length != in)
            throw new IllegalStateException("affine map of width " + in + " applied to " + x.length + " values");
    }

    private long coordinate(int c, long[] x, long[] residual) {
        if (rows[c].length == 0 && !hasBias[c]) // ⊕ of the residual coordinate alone, or of nothing
        return residual == null ? ar.zero : ar.sum(residual, c, c + 1);
        int k = 0;
        if (residual != null) terms[k++] = residual[c];
        if (hasBias[c]) terms[k++] = bias[c];
        int[] r = rows[c];
        long[] w = weights[c];
        for (int j = 0; j < r.length; j++) {
            long v = x[r[j]];
            if (!PackedArithmetic.isZero(v)) terms[k++] = ar.multiply(w[j], v);
        }
        return ar.sum(terms, 0, k);
    }
}
