package dev.tc0.compile.number;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The paper's definitions written out literally with wide integers, as an independent oracle:
 * sizeof, rshift, f_p (Def 14) and g_p (Def 13), with the conventions of numbers.md (magnitude
 * shift for negatives, symmetric fields).
 */
final class PaperReference {
    private PaperReference() {}

    static int iMax(int p) {
        return (1 << (p / 2 - 1)) - 1;
    }

    /** sizeof(x) = floor(log|x|) + 2, sizeof(0) = 2: bits of |x| plus a sign bit. */
    static int sizeof(BigInteger x) {
        return x.signum() == 0 ? 2 : x.abs().bitLength() + 1;
    }

    /** rshift toward zero. */
    static BigInteger rshift(BigInteger x, int y) {
        BigInteger m = x.abs().shiftRight(y);
        return x.signum() < 0 ? m.negate() : m;
    }

    /** Def 14 with the overflow rule; returns {m, e}. */
    static long[] f(int p, BigInteger z) {
        int q = p / 2, iMin = -iMax(p);
        BigInteger m = rshift(z, Math.max(0, sizeof(z) - q));
        long e = (long) sizeof(z) - sizeof(m) + iMin;
        if (e > iMax(p)) return new long[] {z.signum() * (long) iMax(p), iMax(p)};
        return new long[] {m.longValueExact(), e};
    }

    static BigInteger g(int p, long m, long e) {
        return BigInteger.valueOf(m).shiftLeft((int) (e + iMax(p)));
    }

    /** The grid integer for an exact real: truncate x·2^(-I^min) toward zero. */
    static BigInteger toGrid(int p, BigDecimal x) {
        return x.multiply(BigDecimal.valueOf(2).pow(iMax(p)))
                .setScale(0, RoundingMode.DOWN)
                .toBigIntegerExact();
    }

    /** f_p of an exact real value, the way every operation is specified. */
    static long[] truncate(int p, BigDecimal exact) {
        return f(p, toGrid(p, exact));
    }

    static BigDecimal value(long m, long e) {
        BigDecimal two = BigDecimal.valueOf(2);
        return e >= 0
                ? BigDecimal.valueOf(m).multiply(two.pow((int) e))
                : BigDecimal.valueOf(m).divide(two.pow((int) -e));
    }
}
