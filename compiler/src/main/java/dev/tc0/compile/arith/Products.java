package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.gadget.Bits;
import dev.tc0.compile.gadget.IteratedAddition;
import dev.tc0.compile.gadget.Lookup;
import dev.tc0.compile.gadget.Multiplication;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * ⊗ and ⊘ on buses, exact against {@link PMath#multiply} and {@link PMath#divide}: the mantissa
 * magnitudes combine into an integer P, the exponents into a shift F (an {@link Affine} sum of the
 * E bits, no adder), and {@link Normalize} applies f_p to floor(P·2^F).
 */
public final class Products {
    private Products() {}

    /**
     * a ⊗ b. P = mag_a · mag_b by {@link Multiplication} (DIRECT: (q-1)^2 ANDs and one
     * {@link dev.tc0.compile.gadget.SumBits}), F = E_a + E_b - I^max (the grid integer of the
     * product is mag_a·mag_b·2^(E_a + E_b + I^min)). O(p^2) gates. A square (both operands the
     * same wires) is never negative: its sign is constant and its range one-signed, so that what
     * reads it (a sum of squares, a square root) does not consider negative values.
     */
    public static PBus multiply(CircuitBuilder b, PBus x, PBus y) {
        Precision prec = same(x, y);
        PRange range = productRange(prec, x.range(), y.range());
        if (!range.nonzero()) return PBus.zero(prec);
        boolean square = x.sign() == y.sign() && Arrays.equals(x.mag(), y.mag()) && Arrays.equals(x.exp(), y.exp());
        if (square) range = new PRange(range.zero(), true, false, range.eLo(), range.eHi());
        int[] p = Multiplication.multiply(b, x.mag(), y.mag(), IteratedAddition.Method.DIRECT);
        Affine shift = Affine.ofBits(x.exp(), 1).plusBits(y.exp(), 1).plus(prec.iMin());
        Normalize.Magnitude r = Normalize.of(b, prec, p, shift);
        int sign = square ? Literal.FALSE : b.and(Gates.xor(b, x.sign(), y.sign()), r.nonzero());
        return new PBus(prec, sign, r.mag(), r.exp(), range);
    }

    /**
     * a ⊘ b, with x/0 = ±F^max and 0/0 = 0 as in {@link PMath#divide}, by comparisons only: for
     * mantissa magnitudes a and d, μ = floor(log2(a/d)) ∈ [-(q-1), q-2] is one-hot from the weighted
     * gates [a·2^(-m) &gt;= d] (or [a &gt;= d·2^m]), and for each μ the q - 1 bits of
     * y = floor(a·2^(q-2-μ) / d) ∈ [2^(q-2), 2^(q-1)) come from the gates [a·2^(q-2-μ) &gt;= c·d],
     * c = 2^(q-2) + 1 .. 2^(q-1) - 1, read off by one alternating ±1 gate per bit (as
     * {@link dev.tc0.compile.gadget.SumBits} does). Then f_p with j = μ + E_a - E_b + I^max. About
     * 2q·2^(q-2) weighted gates of fan-in 2q - 2: polynomial in 2^(p/2), as the fields are.
     */
    public static PBus divide(CircuitBuilder b, PBus x, PBus y) {
        Precision prec = same(x, y);
        int q = prec.q(), keep = q - 1, shiftTop = q - 2;
        if (!x.range().nonzero()) return PBus.zero(prec);
        int[] a = x.mag(), d = y.mag();
        int mLo = -(q - 1), mHi = q - 2;
        int[] ge = new int[mHi - mLo + 2]; // ge[m - mLo] = [a/d >= 2^m]
        ge[0] = x.nonzero(b); // a >= 1 and d < 2^(q-1) give a/d > 2^-(q-1)
        for (int m = mLo + 1; m <= mHi; m++) {
            Affine diff = m >= 0
                    ? Affine.ofBits(a, 1).plusBits(d, -(1L << m))
                    : Affine.ofBits(a, 1L << -m).plusBits(d, -1);
            ge[m - mLo] = diff.atLeast(b, 0);
        }
        ge[mHi - mLo + 1] = Literal.FALSE;
        int cases = mHi - mLo + 1;
        int[][] lead = new int[cases][];
        long[] position = new long[cases];
        int[][][] yTerms = new int[keep][cases][];
        long base = 1L << (q - 2), end = 1L << (q - 1);
        for (int c = 0; c < cases; c++) {
            int m = mLo + c;
            lead[c] = new int[] {ge[c], CircuitBuilder.not(ge[c + 1])};
            position[c] = m;
            int[] atLeast = new int[(int) (end - base - 1)]; // [y >= v] for v = base+1 .. end-1
            for (long v = base + 1; v < end; v++) {
                atLeast[(int) (v - base - 1)] =
                        Affine.ofBits(a, 1L << (shiftTop - m)).plusBits(d, -v).atLeast(b, 0);
            }
            for (int i = 0; i < keep; i++)
                yTerms[i][c] = new int[] {lead[c][0], lead[c][1], bitOfCount(b, atLeast, base, i)};
        }
        Affine shift = Affine.ofBits(x.exp(), 1).plusBits(y.exp(), -1).plus(prec.iMax());
        Normalize.Magnitude r = Normalize.ofLeading(b, prec, lead, position, ge[0], yTerms, shift);
        int byZero = CircuitBuilder.not(y.nonzero(b));
        int xNonzero = x.nonzero(b);
        int saturate = b.and(byZero, xNonzero);
        int[] mag = new int[q - 1], exp = new int[q];
        long top = 2L * prec.iMax();
        for (int i = 0; i < q - 1; i++) mag[i] = b.or(b.and(CircuitBuilder.not(byZero), r.mag()[i]), saturate);
        for (int i = 0; i < q; i++) {
            exp[i] = b.or(
                    b.and(CircuitBuilder.not(byZero), r.exp()[i]), ((top >>> i) & 1) != 0 ? saturate : Literal.FALSE);
        }
        int sign = b.or(
                b.and(CircuitBuilder.not(byZero), Gates.xor(b, x.sign(), y.sign()), r.nonzero()),
                b.and(byZero, x.sign()));
        PRange range = quotientRange(prec, x.range(), y.range());
        return new PBus(prec, sign, mag, exp, range);
    }

    /**
     * a ⊘ k for a positive integer k ({@link PMath#divide(Precision, dev.tc0.compile.number.PFloat, long)}):
     * Q = floor(mag_a·2^K / k) with K = q - 2 + ceil(log2 k) is a table over the q - 1 magnitude
     * bits (so Q &gt;= 2^(q-2) for every nonzero mantissa), F = E_a - K.
     */
    public static PBus divide(CircuitBuilder b, PBus x, long divisor) {
        Precision prec = x.prec();
        if (divisor <= 0) throw new IllegalArgumentException("divisor must be positive: " + divisor);
        if (!x.range().nonzero()) return PBus.zero(prec);
        int q = prec.q(), k = q - 2 + Bits.ceilLog2(divisor);
        int width = BigInteger.valueOf(prec.iMax())
                .shiftLeft(k)
                .divide(BigInteger.valueOf(divisor))
                .bitLength();
        if (width > 64)
            throw new IllegalArgumentException("divisor " + divisor + " is too large for a " + prec.p() + "-bit table");
        int[] quotient = Lookup.of(
                b,
                x.mag(),
                width,
                (long a) -> BigInteger.valueOf(a)
                        .shiftLeft(k)
                        .divide(BigInteger.valueOf(divisor))
                        .longValue());
        Normalize.Magnitude r =
                Normalize.of(b, prec, quotient, Affine.ofBits(x.exp(), 1).plus(-k));
        int sign = b.and(x.sign(), r.nonzero());
        PRange in = x.range();
        return new PBus(prec, sign, r.mag(), r.exp(), new PRange(true, in.positive(), in.negative(), 0, in.eHi()));
    }

    /**
     * Bit i of v = base + #{true among atLeast}, where atLeast[k] = [v &gt;= base + 1 + k] is
     * monotone: one gate [Σ_k (bit_i(base+1+k) - bit_i(base+k))·atLeast[k] &gt;= 1 - bit_i(base)].
     */
    private static int bitOfCount(CircuitBuilder b, int[] atLeast, long base, int i) {
        long[] w = new long[atLeast.length];
        boolean any = false;
        for (int k = 0; k < atLeast.length; k++) {
            w[k] = ((base + 1 + k) >>> i & 1) - ((base + k) >>> i & 1);
            any |= w[k] != 0;
        }
        long first = (base >>> i) & 1;
        return any ? b.weighted(w, atLeast, 1 - first) : (first == 1 ? Literal.TRUE : Literal.FALSE);
    }

    /**
     * The range of a product: E_result = j - (q - 2) clamped, where j = λ + E_a + E_b - I^max and
     * λ, the leading bit of mag_a·mag_b, lies between those of the smallest and largest products.
     */
    static PRange productRange(Precision prec, PRange a, PRange c) {
        if (!a.nonzero() || !c.nonzero()) return PRange.zeroOnly();
        long minP = a.minMantissa(prec) * c.minMantissa(prec), maxP = (long) prec.iMax() * prec.iMax();
        long jLo = Bits.bitLength(minP) - 1 + a.eLo() + c.eLo() + prec.iMin();
        long jHi = Bits.bitLength(maxP) - 1 + a.eHi() + c.eHi() + prec.iMin();
        boolean pos = a.positive() && c.positive() || a.negative() && c.negative();
        boolean neg = a.positive() && c.negative() || a.negative() && c.positive();
        return PRange.ofLeadingBits(prec, a.zero() || c.zero() || jLo < 0, pos, neg, jLo, jHi);
    }

    /**
     * The range of a quotient: j = μ + E_a - E_b + I^max with μ = floor(log2(a/d)) bounded by the
     * mantissas' bit lengths; a divisor that can be zero adds the saturated ±F^max.
     */
    static PRange quotientRange(Precision prec, PRange a, PRange d) {
        if (!a.nonzero()) return PRange.zeroOnly();
        PRange range = null;
        if (d.nonzero()) {
            long aMin = a.minMantissa(prec), dMin = d.minMantissa(prec), max = prec.iMax();
            long muLo = Bits.bitLength(aMin) - 1 - Bits.bitLength(max),
                    muHi = Bits.bitLength(max) - Bits.bitLength(dMin);
            long jLo = muLo + a.eLo() - d.eHi() + prec.iMax(), jHi = muHi + a.eHi() - d.eLo() + prec.iMax();
            boolean divPos = a.positive() && d.positive() || a.negative() && d.negative();
            boolean divNeg = a.positive() && d.negative() || a.negative() && d.positive();
            range = PRange.ofLeadingBits(prec, a.zero() || jLo < 0, divPos, divNeg, jLo, jHi);
        }
        if (d.zero()) {
            PRange byZero = new PRange(a.zero(), a.positive(), a.negative(), 2 * prec.iMax(), 2 * prec.iMax());
            range = range == null ? byZero : range.union(byZero);
        }
        return range;
    }

    static Precision same(PBus x, PBus y) {
        if (!x.prec().equals(y.prec()))
            throw new IllegalArgumentException(
                    "p = " + x.prec().p() + " and p = " + y.prec().p());
        return x.prec();
    }

    private static int[] concat(int[] a, int[] c) {
        int[] r = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, r, a.length, c.length);
        return r;
    }
}
