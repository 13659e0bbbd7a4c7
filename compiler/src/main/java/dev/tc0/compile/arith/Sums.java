package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
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

    public static PBus sum(CircuitBuilder b, Precision prec, List<PBus> terms) {
        List<PBus> live = new ArrayList<>();
        for (PBus t : terms) {
            if (!t.prec().equals(prec)) throw new IllegalArgumentException("a " + t.prec().p() + "-bit term in a " + prec.p() + "-bit sum");
            if (t.range().nonzero()) live.add(t);
        }
        if (live.isEmpty()) return PBus.zero(prec);
        int q = prec.q();
        int offset = Integer.MAX_VALUE;
        boolean anyPos = false, anyNeg = false, zero = false;
        BigInteger max = BigInteger.ZERO;
        for (PBus t : live) offset = Math.min(offset, t.range().eLo());
        for (PBus t : live) {
            PRange r = t.range();
            anyPos |= r.positive();
            anyNeg |= r.negative();
            zero |= r.zero();
            max = max.add(r.maxGrid(prec).shiftRight(offset));
        }
        boolean mixed = anyPos && anyNeg;
        int magWidth = max.bitLength(), width = magWidth + (mixed ? 1 : 0);
        List<int[]> pos = new ArrayList<>(), neg = new ArrayList<>();
        for (PBus t : live) align(b, prec, t, offset, width, pos, neg);

        int[] abs;
        int sign;
        if (mixed) {
            int[] total = WideSum.difference(b, WideSum.compress(b, pos, width), WideSum.compress(b, neg, width), width);
            sign = total[width - 1];
            abs = WideSum.absolute(b, total, sign, magWidth);
        } else {
            List<int[]> rows = anyPos ? pos : neg;
            abs = WideSum.sum(b, WideSum.compress(b, rows, magWidth), BigInteger.ZERO, magWidth);
            sign = Literal.FALSE;
        }
        Normalize.Magnitude r = Normalize.of(b, prec, abs, Affine.constant(offset));
        if (!mixed && anyNeg) sign = r.nonzero();
        PRange range = PRange.ofLeadingBits(prec, zero || mixed, anyPos, anyNeg, offset, (long) offset + magWidth - 1);
        return new PBus(prec, sign, r.mag(), r.exp(), range);
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
