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
     * product is mag_a·mag_b·2^(E_a + E_b + I^min)). O(p^2) gates.
     */
    public static PBus multiply(CircuitBuilder b, PBus x, PBus y) {
        Precision prec = same(x, y);
        PRange range = productRange(prec, x.range(), y.range());
        if (!range.nonzero()) return PBus.zero(prec);
        int[] p = Multiplication.multiply(b, x.mag(), y.mag(), IteratedAddition.Method.DIRECT);
        Affine shift = Affine.ofBits(x.exp(), 1).plusBits(y.exp(), 1).plus(prec.iMin());
        Normalize.Magnitude r = Normalize.of(b, prec, p, shift);
        int sign = b.and(Gates.xor(b, x.sign(), y.sign()), r.nonzero());
        return new PBus(prec, sign, r.mag(), r.exp(), range);
    }

    /**
     * a ⊘ b, with x/0 = ±F^max and 0/0 = 0 as in {@link PMath#divide}. The quotient of the
     * mantissas, scaled to Q = floor(mag_a·2^K / mag_b) with K = 2q - 2, is a Lemma 1 table over
     * the 2q - 2 magnitude bits (2^(2q-2) minterms: 64 at p = 8, 16384 at p = 16); then F =
     * E_a - E_b + I^max - K. Q keeps enough bits: Q &gt;= 2^(q-1), so floor(Q·2^(F-t)) equals the
     * exact floor(a/b·2^(-t)) wherever f_p drops bits (F - t &lt; 0 in every case that is not
     * saturated).
     */
    public static PBus divide(CircuitBuilder b, PBus x, PBus y) {
        Precision prec = same(x, y);
        int q = prec.q(), k = 2 * q - 2;
        if (!x.range().nonzero()) return PBus.zero(prec);
        int[] in = concat(x.mag(), y.mag());
        long magMask = (1L << (q - 1)) - 1;
        int[] quotient = Lookup.of(b, in, (q - 1) + k, (long v) -> {
            long a = v & magMask, d = v >>> (q - 1);
            return d == 0 ? 0 : (a << k) / d;
        });
        Affine shift = Affine.ofBits(x.exp(), 1).plusBits(y.exp(), -1).plus(prec.iMax() - k);
        Normalize.Magnitude r = Normalize.of(b, prec, quotient, shift);
        int byZero = CircuitBuilder.not(y.nonzero(b));
        int xNonzero = x.nonzero(b);
        int saturate = b.and(byZero, xNonzero);
        int[] mag = new int[q - 1], exp = new int[q];
        long top = 2L * prec.iMax();
        for (int i = 0; i < q - 1; i++) mag[i] = b.or(b.and(CircuitBuilder.not(byZero), r.mag()[i]), saturate);
        for (int i = 0; i < q; i++) {
            exp[i] = b.or(b.and(CircuitBuilder.not(byZero), r.exp()[i]), ((top >>> i) & 1) != 0 ? saturate : Literal.FALSE);
        }
        int sign = b.or(b.and(CircuitBuilder.not(byZero), Gates.xor(b, x.sign(), y.sign()), r.nonzero()), b.and(byZero, x.sign()));
        PRange a = x.range(), c = y.range();
        boolean keepsSign = c.positive() || c.zero();
        PRange range = new PRange(true, a.positive() && keepsSign || a.negative() && c.negative(),
                a.negative() && keepsSign || a.positive() && c.negative(), 0, 2 * prec.iMax());
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
        int width = BigInteger.valueOf(prec.iMax()).shiftLeft(k).divide(BigInteger.valueOf(divisor)).bitLength();
        if (width > 64) throw new IllegalArgumentException("divisor " + divisor + " is too large for a " + prec.p() + "-bit table");
        int[] quotient = Lookup.of(b, x.mag(), width, (long a) -> BigInteger.valueOf(a).shiftLeft(k).divide(BigInteger.valueOf(divisor)).longValue());
        Normalize.Magnitude r = Normalize.of(b, prec, quotient, Affine.ofBits(x.exp(), 1).plus(-k));
        int sign = b.and(x.sign(), r.nonzero());
        PRange in = x.range();
        return new PBus(prec, sign, r.mag(), r.exp(), new PRange(true, in.positive(), in.negative(), 0, in.eHi()));
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

    static Precision same(PBus x, PBus y) {
        if (!x.prec().equals(y.prec())) throw new IllegalArgumentException("p = " + x.prec().p() + " and p = " + y.prec().p());
        return x.prec();
    }

    private static int[] concat(int[] a, int[] c) {
        int[] r = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, r, a.length, c.length);
        return r;
    }
}
