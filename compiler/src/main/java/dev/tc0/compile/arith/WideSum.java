package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.gadget.Bits;
import dev.tc0.compile.gadget.IteratedAddition;
import dev.tc0.compile.gadget.SumBits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact sums of unsigned numbers on grids too wide for one weighted gate (hundreds of bits at
 * p = 16), in constant depth with weights below 2^{@value #MAX_BLOCK}: two rounds of column
 * counts ({@link IteratedAddition#columnRound}) turn m numbers into about log m, block-save
 * ({@link IteratedAddition#blockSave}) into two, and a blocked carry-lookahead adder finishes.
 */
final class WideSum {
    private WideSum() {}

    /** Block width of the final adder: its weighted gates reach 2^MAX_BLOCK. */
    static final int MAX_BLOCK = 30;

    /**
     * The low {@code width} bits of |T| for a two's-complement T whose sign literal is given:
     * -T = ¬(T - 1), and bit j of T - 1 is T_j XOR z_j with z_j = AND(¬T_0 .. ¬T_{j-1}), so
     * |T|_j = OR(AND(¬sign, T_j), AND(sign, T_j, z_j), AND(sign, ¬T_j, ¬z_j)): three levels above
     * T, about width^2 / 2 edges, instead of a second sum for -T. z_j is one flat AND so that the
     * depth is that of T's deepest bit plus three whatever the width (a blocked prefix would be
     * cheaper but its depth would depend on where the adder's deep blocks fall).
     */
    static int[] absolute(CircuitBuilder b, int[] t, int sign, int width) {
        int[] out = new int[width];
        for (int j = 0; j < width; j++) {
            int z = b.and(Bits.not(java.util.Arrays.copyOf(t, j)));
            out[j] = b.or(
                    b.and(CircuitBuilder.not(sign), t[j]),
                    b.and(sign, t[j], z),
                    b.and(sign, CircuitBuilder.not(t[j]), CircuitBuilder.not(z)));
        }
        return out;
    }

    /** Rows per column count of the first round: its cost per column is about GROUP · m edges. */
    static final int GROUP = 6;

    /**
     * m rows to about log2(m) by two rounds of column counts ({@link IteratedAddition#columnRound}):
     * first within groups of {@value #GROUP} rows (a count of n literals costs about n^2 edges, so
     * groups keep it near {@value #GROUP} per literal instead of m; 6 measured about 2 % fewer edges
     * than 8 or 10 on the model), then over all the groups' count rows. Both rounds are
     * built for every m &gt;= 2, so that the depth does not depend on m.
     */
    static List<int[]> compress(CircuitBuilder b, List<int[]> rows, int width) {
        if (rows.size() < 2) return rows;
        List<int[]> counts = new ArrayList<>();
        for (int g = 0; g < rows.size(); g += GROUP) {
            List<int[]> group = rows.subList(g, Math.min(rows.size(), g + GROUP));
            counts.addAll(List.of(IteratedAddition.columnRound(b, group.toArray(int[][]::new), width)));
        }
        return List.of(IteratedAddition.columnRound(b, counts.toArray(int[][]::new), width));
    }

    /** Bits 0 .. width-1 of (Σ rows + constant) mod 2^width; constant bits in rows fold into one row. */
    static int[] sum(CircuitBuilder b, List<int[]> rows, BigInteger constant, int width) {
        BigInteger c = constant;
        List<int[]> live = new ArrayList<>();
        for (int[] row : rows) {
            int[] r = Bits.zeroExtend(row, width);
            boolean any = false;
            for (int j = 0; j < width; j++) {
                if (r[j] == Literal.TRUE) {
                    c = c.add(BigInteger.ONE.shiftLeft(j));
                    r[j] = Literal.FALSE;
                } else if (r[j] != Literal.FALSE) any = true;
            }
            if (any) live.add(r);
        }
        c = c.mod(BigInteger.ONE.shiftLeft(width));
        if (c.signum() != 0) {
            int[] r = new int[width];
            for (int j = 0; j < width; j++) r[j] = c.testBit(j) ? Literal.TRUE : Literal.FALSE;
            live.add(r);
        }
        return switch (live.size()) {
            case 0 -> new int[width];
            case 1 -> live.get(0);
            default -> {
                int[][] ab = IteratedAddition.blockSave(b, live.toArray(int[][]::new), width);
                yield add(b, ab[0], ab[1], width);
            }
        };
    }

    /**
     * x + y mod 2^width by blocks of s bits, s &lt;= MAX_BLOCK and at least three blocks, so the
     * depth does not depend on the width: generate G_t = [X_t + Y_t &gt;= 2^s] and propagate
     * P_t = [X_t + Y_t &gt;= 2^s - 1] (one weighted gate each), carry
     * c_t = OR_{u&lt;t} AND(G_u, P_{u+1} .. P_{t-1}), then each block's bits of X_t + Y_t + c_t by
     * {@link SumBits}. Depth 5, O(width · s) gates.
     */
    static int[] add(CircuitBuilder b, int[] x, int[] y, int width) {
        int s = Math.max(1, Math.min(MAX_BLOCK, Math.ceilDiv(width, 3)));
        int blocks = Math.ceilDiv(width, s);
        int[] gen = new int[blocks], prop = new int[blocks];
        int[] out = new int[width];
        for (int t = 0; t < blocks; t++) {
            int lo = t * s, len = Math.min(s, width - lo);
            long[] w = new long[2 * len + 1];
            int[] lits = new int[2 * len + 1];
            for (int u = 0; u < len; u++) {
                w[u] = 1L << u;
                lits[u] = lo + u < x.length ? x[lo + u] : Literal.FALSE;
                w[len + u] = 1L << u;
                lits[len + u] = lo + u < y.length ? y[lo + u] : Literal.FALSE;
            }
            long[] w2 = java.util.Arrays.copyOf(w, 2 * len);
            int[] l2 = java.util.Arrays.copyOf(lits, 2 * len);
            gen[t] = b.weighted(w2, l2, 1L << len);
            prop[t] = b.weighted(w2, l2, (1L << len) - 1);
            int[] chains = new int[t];
            for (int u = 0; u < t; u++) {
                int[] and = new int[t - u];
                and[0] = gen[u];
                System.arraycopy(prop, u + 1, and, 1, t - u - 1);
                chains[u] = b.and(and);
            }
            w[2 * len] = 1;
            lits[2 * len] = b.or(chains);
            System.arraycopy(SumBits.of(b, w, lits, len), 0, out, lo, len);
        }
        return out;
    }
}
