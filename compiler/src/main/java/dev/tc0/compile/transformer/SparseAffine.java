package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Linear} with its weights converted to scalars and its zero weights dropped. Dropping
 * them changes nothing in either arithmetic (0·x is exactly 0 and adds nothing to an exact sum),
 * and a compiler drops them too.
 */
final class SparseAffine<T> {
    private final int[][] rows;
    private final List<List<T>> weights;
    private final List<T> bias;
    private final int in;

    SparseAffine(Linear linear, Arithmetic<T> ar) {
        int out = linear.out();
        in = linear.in();
        rows = new int[out][];
        weights = new ArrayList<>(out);
        bias = new ArrayList<>(out);
        for (int c = 0; c < out; c++) {
            List<Integer> r = new ArrayList<>();
            List<T> w = new ArrayList<>();
            for (int i = 0; i < in; i++) {
                T q = ar.constant(linear.w()[i][c]);
                if (!ar.isZero(q)) {
                    r.add(i);
                    w.add(q);
                }
            }
            rows[c] = r.stream().mapToInt(Integer::intValue).toArray();
            weights.add(w);
            T b = ar.constant(linear.b()[c]);
            bias.add(ar.isZero(b) ? null : b);
        }
    }

    int out() {
        return rows.length;
    }

    /**
     * y_c = ⊕(residual_c, b_c, w_1c ⊗ x_1, ..., w_dc ⊗ x_d): the products each rounded, then one ⊕
     * over all of them together with the bias and, when given, the residual coordinate.
     */
    List<T> apply(List<T> x, List<T> residual, Arithmetic<T> ar) {
        if (x.size() != in)
            throw new IllegalStateException("affine map of width " + in + " applied to " + x.size() + " values");
        List<T> y = new ArrayList<>(rows.length);
        List<T> terms = new ArrayList<>();
        for (int c = 0; c < rows.length; c++) {
            terms.clear();
            if (residual != null) terms.add(residual.get(c));
            if (bias.get(c) != null) terms.add(bias.get(c));
            List<T> w = weights.get(c);
            for (int k = 0; k < rows[c].length; k++) {
                T v = x.get(rows[c][k]);
                if (!ar.isZero(v)) terms.add(ar.multiply(w.get(k), v));
            }
            y.add(ar.sum(terms));
        }
        return y;
    }
}
