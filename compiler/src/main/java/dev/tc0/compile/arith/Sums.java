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
 * compressed by one round of column counts, then Σ pos - Σ neg and its negation are exact
 * two's-complement sums ({@link WideSum#difference}); the sign bit picks |S|, and
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
            int[][] both = WideSum.difference(b, WideSum.compress(b, pos, width), WideSum.compress(b, neg, width), width);
            sign = both[0][width - 1];
            abs = java.util.Arrays.copyOf(Gates.mux(b, sign, both[1], both[0]), magWidth);
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

    /** Adds term t's positive and negative rows (relative to grid position {@code offset}). */
    private static void align(CircuitBuilder b, Precision prec, PBus t, int offset, int width, List<int[]> pos, List<int[]> neg) {
        PRange r = t.range();
        int q = prec.q();
        List<List<Integer>> posCols = columns(width), negCols = columns(width);
        for (int v = r.eLo(); v <= r.eHi(); v++) {
            // [E = v] and the sign in one AND
            int[] match = equalsConstant(t.exp(), v);
            int dPos = b.and(with(match, r.negative() ? CircuitBuilder.not(t.sign()) : Literal.TRUE));
            int dNeg = b.and(with(match, r.positive() ? t.sign() : Literal.TRUE));
            for (int i = 0; i < q - 1; i++) {
                int col = v + i - offset;
                if (r.positive()) posCols.get(col).add(b.and(dPos, t.mag(i)));
                if (r.negative()) negCols.get(col).add(b.and(dNeg, t.mag(i)));
            }
        }
        if (r.positive()) pos.add(orColumns(b, posCols));
        if (r.negative()) neg.add(orColumns(b, negCols));
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
