package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * ⊕ of many buses per Def 15, exact against {@link PMath#sum}: one exact sum of the grid integers
 * g_p, then one f_p. The grid is narrowed by the terms' ranges to positions [L, L + W) with L the
 * smallest exponent any term can have (every grid integer is a multiple of 2^L).
 *
 * <p>Each term is aligned by its exponent: column c of its magnitude row is
 * {@code OR_v AND([E = v], mag_{c-v})} (a term given by minterms skips the bus: column c is the OR
 * of the minterms whose grid integer has bit c, {@link OneHot}). When both signs occur, each term
 * becomes one two's-complement row (its magnitude XOR its sign over the columns it can reach, the
 * rest constants and lone sign literals), so the rows are one list; two rounds of column counts
 * compress them ({@link WideSum#compress}), one exact sum adds them ({@link WideSum#sum}),
 * |S| is its conditional negation ({@link WideSum#absolute}), and {@link Normalize} truncates.
 * Depth is constant in the number of terms.
 */
public final class Sums {
    private Sums() {}

    /**
     * A term given by minterms: exactly one of {@code lits} is true, {@code values[k]} the term's
     * value when literal k is. Its aligned rows come straight from the minterms (column c is the OR
     * of the minterms whose grid integer has bit c), with no bus and no exponent alignment.
     */
    public record OneHot(int[] lits, PFloat[] values) {
        public OneHot {
            if (lits.length != values.length || lits.length == 0)
                throw new IllegalArgumentException(values.length + " values for " + lits.length + " literals");
        }
    }

    public static PBus sum(CircuitBuilder b, Precision prec, List<PBus> terms) {
        return sum(b, prec, terms, List.of());
    }

    /** ⊕ of buses and minterm terms together: f_p of the exact sum of every term's grid integer. */
    public static PBus sum(CircuitBuilder b, Precision prec, List<PBus> terms, List<OneHot> hots) {
        List<PBus> live = new ArrayList<>();
        for (PBus t : terms) {
            if (!t.prec().equals(prec))
                throw new IllegalArgumentException("a " + t.prec().p() + "-bit term in a " + prec.p() + "-bit sum");
            if (t.range().nonzero()) live.add(t);
        }
        // grid integers of the minterm terms; a term with one value is a constant
        List<int[]> hotLits = new ArrayList<>();
        List<BigInteger[]> hotGrid = new ArrayList<>();
        BigInteger constant = BigInteger.ZERO;
        List<PRange> ranges = new ArrayList<>();
        for (PBus t : live) ranges.add(t.range());
        for (OneHot h : hots) {
            BigInteger[] g = new BigInteger[h.values().length];
            boolean same = true;
            for (int k = 0; k < g.length; k++) {
                g[k] = prec.g(h.values()[k]);
                same &= g[k].equals(g[0]);
            }
            if (same) constant = constant.add(g[0]);
            else {
                hotLits.add(h.lits());
                hotGrid.add(g);
                ranges.add(PRange.of(prec, java.util.Arrays.asList(h.values())));
            }
        }
        if (constant.signum() != 0) ranges.add(PRange.of(prec, List.of(prec.f(constant))));
        if (ranges.isEmpty() || ranges.stream().noneMatch(PRange::nonzero))
            return PBus.constant(prec, prec.f(constant));
        int offset = Integer.MAX_VALUE;
        boolean anyPos = false, anyNeg = false, zero = false;
        for (PRange r : ranges) {
            if (r.nonzero()) offset = Math.min(offset, r.eLo());
            anyPos |= r.positive();
            anyNeg |= r.negative();
            zero |= r.zero();
        }
        // constant is a grid integer, a multiple of 2^E of its own exponent's canonical form
        offset = Math.min(offset, constant.signum() == 0 ? offset : constant.getLowestSetBit());
        BigInteger max = constant.abs().shiftRight(offset);
        for (PBus t : live) max = max.add(t.range().maxGrid(prec).shiftRight(offset));
        for (BigInteger[] g : hotGrid) {
            BigInteger m = BigInteger.ZERO;
            for (BigInteger x : g) m = m.max(x.abs());
            max = max.add(m.shiftRight(offset));
        }
        BigInteger c = constant.shiftRight(offset);
        boolean mixed = anyPos && anyNeg;
        int magWidth = max.bitLength(), width = magWidth + (mixed ? 1 : 0);
        List<Signed> rows = new ArrayList<>();
        for (PBus t : live) rows.add(align(b, prec, t, offset, width));
        for (int i = 0; i < hotLits.size(); i++) rows.add(rows(b, hotLits.get(i), hotGrid.get(i), offset, width));

        int[] abs;
        int sign;
        if (mixed) {
            TwosComplement tc = new TwosComplement(width, c);
            for (Signed t : rows) tc.add(b, t);
            int[] total = WideSum.sum(b, WideSum.compress(b, tc.rows, width), tc.constant, width);
            sign = total[width - 1];
            abs = WideSum.absolute(b, total, sign, magWidth);
        } else {
            List<int[]> mags = new ArrayList<>();
            for (Signed t : rows) mags.add(t.mag());
            abs = WideSum.sum(b, WideSum.compress(b, mags, magWidth), c.abs(), magWidth);
            sign = Literal.FALSE;
        }
        Normalize.Magnitude r = Normalize.ofSum(b, prec, abs, Affine.constant(offset));
        if (!mixed && anyNeg) sign = r.nonzero();
        PRange range = PRange.ofLeadingBits(prec, zero || mixed, anyPos, anyNeg, offset, (long) offset + magWidth - 1);
        return new PBus(prec, sign, r.mag(), r.exp(), range);
    }

    /** A term as its aligned magnitude row (relative to the grid offset) and its sign literal. */
    private record Signed(int[] mag, int sign) {}

    /**
     * The rows of a mixed-sign sum in two's complement, one per term: for a term whose magnitude
     * row has literals in columns [l, h), -x = ((¬x &gt;&gt; l) + 1) &lt;&lt; l over those columns
     * and all ones above, so the term is (x XOR s) on [l, h), plus s at column l, plus s·(2^W - 2^h)
     * = ¬s·2^h - 2^h. The lone literals s and ¬s go into extra rows wherever their column is free,
     * and the constants join {@code constant}. One row per term instead of a positive and a negative
     * one halves the column counts.
     */
    private static final class TwosComplement {
        final List<int[]> rows = new ArrayList<>();
        private final List<int[]> extra = new ArrayList<>();
        private final int width;
        BigInteger constant;

        TwosComplement(int width, BigInteger constant) {
            this.width = width;
            this.constant = constant;
        }

        void add(CircuitBuilder b, Signed t) {
            int[] mag = t.mag();
            int l = 0, h = mag.length;
            while (l < h && mag[l] == Literal.FALSE) l++;
            while (h > l && mag[h - 1] == Literal.FALSE) h--;
            if (l == h) return;
            int s = t.sign();
            if (s == Literal.FALSE) {
                rows.add(mag);
                return;
            }
            int[] row = new int[width];
            for (int col = l; col < h; col++) row[col] = Gates.xor(b, mag[col], s);
            rows.add(row);
            put(s, l);
            constant = constant.subtract(BigInteger.ONE.shiftLeft(h));
            if (h < width) put(CircuitBuilder.not(s), h);
        }

        /** Literal x at column col: constants fold, others go into the first extra row free there. */
        private void put(int x, int col) {
            if (x == Literal.FALSE) return;
            if (x == Literal.TRUE) {
                constant = constant.add(BigInteger.ONE.shiftLeft(col));
                return;
            }
            for (int[] r : extra)
                if (r[col] == Literal.FALSE) {
                    r[col] = x;
                    return;
                }
            int[] r = new int[width];
            r[col] = x;
            extra.add(r);
            rows.add(r);
        }
    }

    /**
     * The row of a minterm term with grid integers g (relative to grid position {@code offset}):
     * column c is the OR of the minterms with bit c of |g| set, the sign the OR of the negative
     * ones. Exactly one minterm holds, so an OR of more than half of them is the negated OR of the
     * others.
     */
    private static Signed rows(CircuitBuilder b, int[] lits, BigInteger[] g, int offset, int width) {
        int[] row = new int[width];
        for (int col = 0; col < width; col++) {
            int bit = col + offset;
            row[col] = oneOf(b, lits, k -> g[k].abs().testBit(bit));
        }
        return new Signed(row, oneOf(b, lits, k -> g[k].signum() < 0));
    }

    /** [the true minterm is one of those chosen]: the OR of the chosen or the negated OR of the others. */
    private static int oneOf(CircuitBuilder b, int[] lits, java.util.function.IntPredicate chosen) {
        int[] with = new int[lits.length], without = new int[lits.length];
        int nw = 0, nwo = 0;
        for (int k = 0; k < lits.length; k++) {
            if (chosen.test(k)) with[nw++] = lits[k];
            else without[nwo++] = lits[k];
        }
        if (nw == 0) return Literal.FALSE;
        if (nwo == 0) return Literal.TRUE;
        return nw <= nwo
                ? b.or(java.util.Arrays.copyOf(with, nw))
                : CircuitBuilder.not(b.or(java.util.Arrays.copyOf(without, nwo)));
    }

    /**
     * Term t's magnitude row (relative to grid position {@code offset}) and sign. One
     * stage places mag at every E the range allows; for wide ranges two stages are cheaper: mag
     * shifted by the low half of E's bits (a short row of q - 2 + 2^(q/2) bits), then that row
     * shifted by 2^(q/2) times the high half. Columns outside the grid can only be
     * reached by exponents outside the range, so they are dropped.
     */
    private static Signed align(CircuitBuilder b, Precision prec, PBus t, int offset, int width) {
        PRange r = t.range();
        int q = prec.q(), lowBits = q / 2, step = 1 << lowBits;
        int[] exp = t.exp(), mag = t.mag();
        int values = r.eHi() - r.eLo() + 1, highValues = (r.eHi() >> lowBits) - (r.eLo() >> lowBits) + 1;
        long oneStage = (long) values * (2 * (q + 1) + 4 * (q - 1));
        long twoStage = (long) step * (q - 1) * (lowBits + 2)
                + (long) highValues * (2 * (q - lowBits + 1) + 4 * (q - 2 + step));
        int[] src = mag;
        int[] select = exp;
        int lo = r.eLo(), hi = r.eHi(), scale = 1;
        if (twoStage < oneStage) {
            List<List<Integer>> shifted = columns(q - 2 + step);
            place(b, mag, java.util.Arrays.copyOf(exp, lowBits), 0, step - 1, 1, Literal.TRUE, 0, shifted);
            src = orColumns(b, shifted);
            select = java.util.Arrays.copyOfRange(exp, lowBits, q);
            lo = r.eLo() >> lowBits;
            hi = r.eHi() >> lowBits;
            scale = step;
        }
        List<List<Integer>> cols = columns(width);
        place(b, src, select, lo, hi, scale, Literal.TRUE, offset, cols);
        int sign = r.positive() && r.negative() ? t.sign() : r.negative() ? Literal.TRUE : Literal.FALSE;
        return new Signed(orColumns(b, cols), sign);
    }

    /**
     * For h in [lo, hi]: d_h = AND([select = h], extra), and AND(d_h, src_c) joins column
     * h·scale + c - offset (when inside the row).
     */
    private static void place(
            CircuitBuilder b,
            int[] src,
            int[] select,
            int lo,
            int hi,
            int scale,
            int extra,
            int offset,
            List<List<Integer>> cols) {
        for (int h = lo; h <= hi; h++) {
            int d = b.and(with(equalsConstant(select, h), extra));
            for (int c = 0; c < src.length; c++) {
                long col = (long) h * scale + c - offset;
                if (col >= 0 && col < cols.size() && src[c] != Literal.FALSE)
                    cols.get((int) col).add(b.and(d, src[c]));
            }
        }
    }

    /** The literals whose AND is [x = v]. */
    private static int[] equalsConstant(int[] x, long v) {
        int[] lits = new int[x.length];
        for (int i = 0; i < x.length; i++) lits[i] = ((v >>> i) & 1) != 0 ? x[i] : CircuitBuilder.not(x[i]);
        return lits;
    }

    private static int[] with(int[] lits, int extra) {
        int[] r = java.util.Arrays.copyOf(lits, lits.length + 1);
        r[lits.length] = extra;
        return r;
    }

    private static List<List<Integer>> columns(int width) {
        List<List<Integer>> cols = new ArrayList<>(width);
        for (int c = 0; c < width; c++) cols.add(new ArrayList<>());
        return cols;
    }

    private static int[] orColumns(CircuitBuilder b, List<List<Integer>> cols) {
        int[] row = new int[cols.size()];
        for (int c = 0; c < row.length; c++)
            row[c] = b.or(cols.get(c).stream().mapToInt(Integer::intValue).toArray());
        return row;
    }
}
