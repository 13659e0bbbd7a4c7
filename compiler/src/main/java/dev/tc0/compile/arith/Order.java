package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.number.Precision;
import java.util.List;

/**
 * Comparisons and arg-max of buses by value. On canonical codes |x| is monotone in the key
 * K = E·2^(q-1) + mag (a larger E means a larger magnitude because the top magnitude bit is set
 * whenever E &gt; 0), so x &gt;= y is decided by the signs and one weighted gate on K_x - K_y.
 */
public final class Order {
    private Order() {}

    /**
     * [x &gt;= y]: OR(AND(¬s_x, s_y), AND(¬s_x, ¬s_y, [K_x &gt;= K_y]), AND(s_x, s_y, [K_y &gt;= K_x])).
     * Zero has sign 0 and K = 0, so it sits correctly between the negatives and the positives.
     * Depth 3, at most 5 gates, weights up to 2^(2q-2).
     */
    public static int atLeast(CircuitBuilder b, PBus x, PBus y) {
        Products.same(x, y);
        int sx = x.sign(), sy = y.sign();
        int both = b.and(CircuitBuilder.not(sx), CircuitBuilder.not(sy));
        return b.or(
                b.and(CircuitBuilder.not(sx), sy),
                b.and(both, keyAtLeast(b, x, y)),
                b.and(sx, sy, keyAtLeast(b, y, x)));
    }

    /** [x &gt; y] = ¬[y &gt;= x]. */
    public static int greaterThan(CircuitBuilder b, PBus x, PBus y) {
        return CircuitBuilder.not(atLeast(b, y, x));
    }

    /**
     * One-hot arg-max, ties to the lowest index: win_j = AND_{l&lt;j} [x_j &gt; x_l] AND
     * AND_{l&gt;j} [x_j &gt;= x_l]. One comparator per pair ([x_l &gt;= x_j] for l &lt; j serves both
     * sides, negated for j): n(n-1)/2 comparators and n ANDs, depth 4.
     */
    public static int[] argmax(CircuitBuilder b, List<PBus> row) {
        int n = row.size();
        int[][] leftWins = new int[n][n]; // for l < j: [x_l >= x_j]
        for (int l = 0; l < n; l++) for (int j = l + 1; j < n; j++) leftWins[l][j] = atLeast(b, row.get(l), row.get(j));
        int[] win = new int[n];
        for (int j = 0; j < n; j++) {
            int[] lits = new int[n - 1];
            int e = 0;
            for (int l = 0; l < n; l++) {
                if (l < j) lits[e++] = CircuitBuilder.not(leftWins[l][j]);
                else if (l > j) lits[e++] = leftWins[j][l];
            }
            win[j] = b.and(lits);
        }
        return win;
    }

    /**
     * For each j, [x_j is a maximum of the row] = AND_l [x_j &gt;= x_l] (every tied maximum is
     * marked). n(n-1) comparators, depth 4.
     */
    public static int[] isMax(CircuitBuilder b, List<PBus> row) {
        int n = row.size();
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            int[] lits = new int[n];
            for (int l = 0; l < n; l++)
                lits[l] = l == j ? dev.tc0.circuit.Literal.TRUE : atLeast(b, row.get(j), row.get(l));
            out[j] = b.and(lits);
        }
        return out;
    }

    /** The maximum of a row: each wire OR_j AND(win_j, wire_j). Depth 6. */
    public static PBus max(CircuitBuilder b, List<PBus> row) {
        if (row.isEmpty()) throw new IllegalArgumentException("max of an empty row");
        Precision prec = row.get(0).prec();
        int[] win = argmax(b, row);
        int q = prec.q();
        int[] sign = new int[row.size()];
        int[][] mag = new int[q - 1][row.size()], exp = new int[q][row.size()];
        PRange range = row.get(0).range();
        for (int j = 0; j < row.size(); j++) {
            PBus x = row.get(j);
            Products.same(row.get(0), x);
            range = range.union(x.range());
            sign[j] = b.and(win[j], x.sign());
            for (int i = 0; i < q - 1; i++) mag[i][j] = b.and(win[j], x.mag(i));
            for (int k = 0; k < q; k++) exp[k][j] = b.and(win[j], x.exp(k));
        }
        int[] m = new int[q - 1], e = new int[q];
        for (int i = 0; i < q - 1; i++) m[i] = b.or(mag[i]);
        for (int k = 0; k < q; k++) e[k] = b.or(exp[k]);
        return new PBus(prec, b.or(sign), m, e, range);
    }

    /** [K_x - K_y &gt;= 0] over the key K = E·2^(q-1) + mag. */
    private static int keyAtLeast(CircuitBuilder b, PBus x, PBus y) {
        int q = x.prec().q();
        Affine diff = Affine.ofBits(x.mag(), 1)
                .plusBits(x.exp(), 1L << (q - 1))
                .plusBits(y.mag(), -1)
                .plusBits(y.exp(), -(1L << (q - 1)));
        return diff.atLeast(b, 0);
    }
}
