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
 * <p>Each term is aligned by its exponent: column c of its row is
 * {@code OR_v AND([E = v], mag_{c-v})}, split by sign into a positive and a negative row (so rows
 * stay sparse, q - 1 bits wide windows). The positive rows and the negative rows are each
 * compressed by one round of column counts, then Σ pos - Σ neg is one exact two's-complement sum
 * ({@link WideSum#difference}), |S| its conditional negation ({@link WideSum#absolute}), and
 * {@link Normalize} truncates. Depth is constant in the number of terms.
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
            if (lits.length != values.length || lits.length == 0) throw new IllegalArgumentException(values.length + " values for " + lits.length + " literals");
        }
    }

    public static PBus sum(CircuitBuilder b, Precision prec, List<PBus> terms) {
        return sum(b, prec, terms, List.of());
    }

    /** ⊕ of buses and minterm terms together: f_p of the exact sum of every term's grid integer. */
    public static PBus sum(CircuitBuilder b, Precision prec, List<PBus> terms, List<OneHot> hots) {
        List<PBus> live = new ArrayList<>();
        for (PBus t : terms) {
            if (!t.prec().equals(prec)) throw new IllegalArgumentException("a " + t.prec().p() + "-bit term in a " + prec.p() + "-bit sum");
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
        if (ranges.isEmpty() || ranges.stream().noneMatch(PRange::nonzero)) return PBus.constant(prec, prec.f(constant));
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
        List<int[]> pos = new ArrayList<>(), neg = new ArrayList<>();
        for (PBus t : live) align(b, prec, t, offset, width, pos, neg);
        for (int i = 0; i < hotLits.size(); i++) rows(b, hotLits.get(i), hotGrid.get(i), offset, width, pos, neg);

        int[] abs;
        int sign;
        if (mixed) {
            int[] total = WideSum.difference(b, WideSum.compress(b, pos, width), WideSum.compress(b, neg, width), c, width);
            sign = total[width - 1];
            abs = WideSum.absolute(b, total, sign, magWidth);
        } else {
            List<int[]> rows = anyPos ? pos : neg;
            abs = WideSum.sum(b, WideSum.compress(b, rows, magWidth), c.abs(), magWidth);
            sign = Literal.FALSE;
        }
        Normalize.Magnitude r = Normalize.of(b, prec, abs, Affine.constant(offset));
        if (!mixed && anyNeg) sign = r.nonzero();
        PRange range = PRange.ofLeadingBits(prec, zero || mixed, anyPos, anyNeg, offset, (long) offset + magWidth - 1);
        return new PBus(prec, sign, r.mag(), r.exp(), range);
    }

    /**
     * The positive and negative rows of a minterm term with grid integers g (relative to grid
     * position {@code offset}): column c of the positive row is the OR of the minterms with g &gt; 0
     * and bit c of g set. Exactly one minterm holds, so an OR of more than half of them is the
     * negated OR of the others.
     */
    private static void rows(CircuitBuilder b, int[] lits, BigInteger[] g, int offset, int width, List<int[]> pos, List<int[]> neg) {
        for (int s : new int[] {1, -1}) {
            boolean any = false;
            for (BigInteger x : g) any |= x.signum() == s;
            if (!any) continue;
            int[] row = new int[width];
            int[] with = new int[lits.length], without = new int[lits.length];
            for (int col = 0; col < width; col++) {
                int nw = 0, nwo = 0;
                for (int k = 0; k < lits.length; k++) {
                    boolean bit = g[k].signum() == s && g[k].abs().testBit(col + offset);
                    if (bit) with[nw++] = lits[k]; else without[nwo++] = lits[k];
                }
                row[col] = nw == 0 ? Literal.FALSE : nwo == 0 ? Literal.TRUE
                        : nw <= nwo ? b.or(java.util.Arrays.copyOf(with, nw)) : CircuitBuilder.not(b.or(java.util.Arrays.copyOf(without, nwo)));
            }
            (s > 0 ? pos : neg).add(row);
        }
    }

    /**
     * Adds term t's positive and negative rows (relative to grid position {@code offset}). One
     * stage places mag at every E the range allows; for wide ranges two stages are cheaper: mag
     * shifted by the low half of E's bits (a short row of q - 2 + 2^(q/2) bits), then that row
     * shifted by 2^(q/2) times the high half, with the sign. Columns outside the grid can only be
     * reached by exponents outside the range, so they are dropped.
     */
    private static void align(CircuitBuilder b, Precision prec, PBus t, int offset, int width, List<int[]> pos, List<int[]> neg) {
        PRange r = t.range();
        int q = prec.q(), lowBits = q / 2, step = 1 << lowBits;
        int[] exp = t.exp(), mag = t.mag();
        int values = r.eHi() - r.eLo() + 1, highValues = (r.eHi() >> lowBits) - (r.eLo() >> lowBits) + 1;
        long oneStage = (long) values * (2 * (q + 1) + 4 * (q - 1));
        long twoStage = (long) step * (q - 1) * (lowBits + 2) + (long) highValues * (2 * (q - lowBits + 1) + 4 * (q - 2 + step));
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
        if (r.positive()) {
            List<List<Integer>> cols = columns(width);
            place(b, src, select, lo, hi, scale, r.negative() ? CircuitBuilder.not(t.sign()) : Literal.TRUE, offset, cols);
            pos.add(orColumns(b, cols));
        }
        if (r.negative()) {
            List<List<Integer>> cols = columns(width);
            place(b, src, select, lo, hi, scale, r.positive() ? t.sign() : Literal.TRUE, offset, cols);
            neg.add(orColumns(b, cols));
        }
    }

    /**
     * For h in [lo, hi]: d_h = AND([select = h], extra), and AND(d_h, src_c) joins column
     * h·scale + c - offset (when inside the row).
     */
    private static void place(CircuitBuilder b, int[] src, int[] select, int lo, int hi, int scale, int extra, int offset, List<List<Integer>> cols) {
        for (int h = lo; h <= hi; h++) {
            int d = b.and(with(equalsConstant(select, h), extra));
            for (int c = 0; c < src.length; c++) {
                long col = (long) h * scale + c - offset;
                if (col >= 0 && col < cols.size() && src[c] != Literal.FALSE) cols.get((int) col).add(b.and(d, src[c]));
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
        for (int c = 0; c < row.length; c++) row[c] = b.or(cols.get(c).stream().mapToInt(Integer::intValue).toArray());
        return row;
    }
}
