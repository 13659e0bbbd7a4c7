package dev.tc0.compile.number;

import java.math.BigInteger;
import java.util.List;

/**
 * The paper's p-precision arithmetic. Every operation computes its exact real result and applies
 * f_p once ({@link Precision#round}): truncation toward zero, saturation at ±F^max. In particular
 * the iterated sum is Def 15 literally: one exact integer sum of the g_p values, then one f_p. It
 * is not a fold of two-operand additions and is not associative when nested.
 */
public final class PMath {
    private PMath() {}

    /** ⊕ over all terms (Def 15): f_p(Σ g_p(x_i)). The empty sum is zero. */
    public static PFloat sum(Precision prec, List<PFloat> terms) {
        int minExponent = Integer.MAX_VALUE;
        for (PFloat x : terms) {
            prec.requireSame(x);
            if (!x.isZero()) minExponent = Math.min(minExponent, x.exponent());
        }
        if (minExponent == Integer.MAX_VALUE) return prec.zero();
        // Σ m_i·2^(e_i - I^min) = 2^(emin - I^min)·Σ m_i·2^(e_i - emin): sum at the finest exponent present.
        BigInteger total = BigInteger.ZERO;
        long small = 0;
        boolean useLong = true;
        for (PFloat x : terms) {
            if (x.isZero()) continue;
            int shift = x.exponent() - minExponent;
            if (useLong && shift < 31) {
                long v = (long) x.mantissa() << shift; // |v| < 2^62
                long s = small + v;
                if (((small ^ s) & (v ^ s)) >= 0) {
                    small = s;
                    continue;
                }
            }
            useLong = false;
            total = total.add(BigInteger.valueOf(x.mantissa()).shiftLeft(shift));
        }
        if (useLong) return prec.round(small, 1, (long) minExponent - prec.iMin());
        total = total.add(BigInteger.valueOf(small));
        return prec.round(total, BigInteger.ONE, (long) minExponent - prec.iMin());
    }

    /** ⊕ of a few terms. */
    public static PFloat sum(Precision prec, PFloat... terms) {
        return sum(prec, List.of(terms));
    }

    /** The p-truncated product: f_p of the exact product. */
    public static PFloat multiply(Precision prec, PFloat a, PFloat b) {
        prec.requireSame(a);
        prec.requireSame(b);
        if (a.isZero() || b.isZero()) return prec.zero();
        return prec.round((long) a.mantissa() * b.mantissa(), 1, (long) a.exponent() + b.exponent() - prec.iMin());
    }

    /**
     * The p-truncated quotient: f_p of the exact quotient. Division by zero saturates: x/0 is +F^max
     * for x &gt; 0, -F^max for x &lt; 0, and 0/0 is 0.
     */
    public static PFloat divide(Precision prec, PFloat a, PFloat b) {
        prec.requireSame(a);
        prec.requireSame(b);
        if (a.isZero()) return prec.zero();
        if (b.isZero()) return a.signum() > 0 ? prec.max() : prec.max().negate();
        long num = (long) a.mantissa() * b.signum();
        return prec.round(num, Math.abs((long) b.mantissa()), (long) a.exponent() - b.exponent() - prec.iMin());
    }

    /** The p-truncated quotient by a positive integer (exact divisor, not a float). */
    public static PFloat divide(Precision prec, PFloat a, long divisor) {
        prec.requireSame(a);
        if (divisor <= 0) throw new IllegalArgumentException("divisor must be positive: " + divisor);
        if (a.isZero()) return prec.zero();
        return prec.round(a.mantissa(), divisor, (long) a.exponent() - prec.iMin());
    }

    /** ReLU: exact, no rounding. Negative values become the canonical zero. */
    public static PFloat relu(Precision prec, PFloat x) {
        return x.signum() > 0 ? x : prec.zero();
    }
}
