package dev.tc0.compile.arith;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A conservative summary of the values a {@link PBus} can take: which signs occur and the interval
 * of the offset exponent E = e - I^min over the nonzero values. Gadgets build only the grid
 * positions this allows (a term with E in [3, 5] touches grid bits 3 .. 5 + q - 2 only), which is
 * what keeps sums at p = 16 far below the 2^(p/2) + p/2 bits of the full grid. Over-approximation is
 * always safe; under-approximation gives wrong circuits.
 *
 * @param zero whether the value can be zero
 * @param positive whether it can be positive
 * @param negative whether it can be negative
 * @param eLo the smallest E of a nonzero value (0 when there is none)
 * @param eHi the largest E of a nonzero value (0 when there is none)
 */
public record PRange(boolean zero, boolean positive, boolean negative, int eLo, int eHi) {

    public PRange {
        if (!zero && !positive && !negative) throw new IllegalArgumentException("a range must allow some value");
        if (eLo < 0 || eHi < eLo) throw new IllegalArgumentException("exponent interval [" + eLo + ", " + eHi + "]");
        if (!positive && !negative) eLo = eHi = 0;
    }

    /** Every value of the precision. */
    public static PRange full(Precision prec) {
        return new PRange(true, true, true, 0, 2 * prec.iMax());
    }

    /** Only zero. */
    public static PRange zeroOnly() {
        return new PRange(true, false, false, 0, 0);
    }

    /** Exactly the given values' signs and exponent interval. */
    public static PRange of(Precision prec, Iterable<PFloat> values) {
        boolean zero = false, pos = false, neg = false;
        int lo = Integer.MAX_VALUE, hi = 0;
        for (PFloat x : values) {
            PFloat c = PBus.canonical(prec, x);
            if (c.isZero()) {
                zero = true;
                continue;
            }
            if (c.signum() > 0) pos = true;
            else neg = true;
            int e = c.exponent() - prec.iMin();
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        if (!pos && !neg) return zeroOnly();
        return new PRange(zero, pos, neg, lo, hi);
    }

    /** Whether some value is nonzero. */
    public boolean nonzero() {
        return positive || negative;
    }

    /** The smallest nonzero magnitude of the mantissa: 1 at E = 0, else its top bit 2^(q-2). */
    long minMantissa(Precision prec) {
        return eLo == 0 ? 1 : 1L << (prec.q() - 2);
    }

    /** An upper bound on |g_p(x)|, the magnitude of the grid integer. */
    BigInteger maxGrid(Precision prec) {
        return nonzero() ? BigInteger.valueOf(prec.iMax()).shiftLeft(eHi) : BigInteger.ZERO;
    }

    /** Whether x lies inside this range (a check for conversions and tests). */
    public boolean contains(Precision prec, PFloat x) {
        PFloat c = PBus.canonical(prec, x);
        if (c.isZero()) return zero;
        if (c.signum() > 0 ? !positive : !negative) return false;
        int e = c.exponent() - prec.iMin();
        return e >= eLo && e <= eHi;
    }

    /**
     * The range of a result whose leading grid bit lies in [jLo, jHi] (absolute positions), before
     * f_p: E = max(0, j - (q - 2)), capped at 2 I^max by saturation.
     */
    static PRange ofLeadingBits(Precision prec, boolean zero, boolean positive, boolean negative, long jLo, long jHi) {
        if (!positive && !negative) return zeroOnly();
        long cap = 2L * prec.iMax(), shift = prec.q() - 2;
        int lo = (int) Math.min(cap, Math.max(0, jLo - shift)), hi = (int) Math.min(cap, Math.max(0, jHi - shift));
        return new PRange(zero, positive, negative, lo, hi);
    }

    /** Every canonical value in the range, ascending by code within each sign (zero first). */
    public List<PFloat> values(Precision prec) {
        List<PFloat> out = new ArrayList<>();
        if (zero) out.add(prec.zero());
        int q = prec.q();
        for (int e = eLo; nonzero() && e <= eHi; e++) {
            for (int m = e == 0 ? 1 : 1 << (q - 2); m <= prec.iMax(); m++) {
                if (positive) out.add(new PFloat(prec.p(), m, e + prec.iMin()));
                if (negative) out.add(new PFloat(prec.p(), -m, e + prec.iMin()));
            }
        }
        return out;
    }

    /** The smallest range containing both. */
    PRange union(PRange o) {
        if (!nonzero()) return new PRange(zero || o.zero, o.positive, o.negative, o.eLo, o.eHi);
        if (!o.nonzero()) return new PRange(zero || o.zero, positive, negative, eLo, eHi);
        return new PRange(
                zero || o.zero,
                positive || o.positive,
                negative || o.negative,
                Math.min(eLo, o.eLo),
                Math.max(eHi, o.eHi));
    }
}
