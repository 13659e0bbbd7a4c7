package dev.tc0.compile.transformer;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.math.BigInteger;

/**
 * {@link dev.tc0.compile.number.PMath}'s p-precision arithmetic on floats packed into one long
 * (mantissa in the high 32 bits, exponent in the low 32), for {@link PackedPass}. Every operation
 * returns the representation PMath returns for the same operands (PackedArithmeticTest checks them
 * against each other): the same f_p of the same exact value, computed in long arithmetic without
 * allocating, and by Precision's BigInteger routine where a long could overflow.
 */
final class PackedArithmetic {
    final Precision precision;
    final long zero, one, max;
    private final int p, keep, iMin, iMax;
    /** exp and the layer-norm factor: PrecisionArithmetic's lookup tables. */
    private final PrecisionArithmetic tables;

    PackedArithmetic(Precision precision) {
        this.precision = precision;
        p = precision.p();
        keep = precision.mantissaBits();
        iMin = precision.iMin();
        iMax = precision.iMax();
        zero = of(precision.zero());
        one = of(precision.one());
        max = of(precision.max());
        tables = new PrecisionArithmetic(precision);
    }

    static long pack(int mantissa, int exponent) {
        return ((long) mantissa << 32) | (exponent & 0xFFFF_FFFFL);
    }

    static int mantissa(long x) {
        return (int) (x >> 32);
    }

    static int exponent(long x) {
        return (int) x;
    }

    static boolean isZero(long x) {
        return mantissa(x) == 0;
    }

    long of(PFloat x) {
        if (x.p() != p) throw new IllegalArgumentException("expected a " + p + "-precision float, got p=" + x.p());
        return pack(x.mantissa(), x.exponent());
    }

    PFloat toPFloat(long x) {
        return new PFloat(p, mantissa(x), exponent(x));
    }

    long constant(double w) {
        return of(precision.fromDouble(w));
    }

    static long negate(long x) {
        return pack(-mantissa(x), exponent(x));
    }

    long relu(long x) {
        return mantissa(x) > 0 ? x : zero;
    }

    /** PMath.multiply. */
    long multiply(long a, long b) {
        int ma = mantissa(a), mb = mantissa(b);
        if (ma == 0 || mb == 0) return zero;
        return round((long) ma * mb, 1, (long) exponent(a) + exponent(b) - iMin);
    }

    /** PMath.divide of two floats, saturating on a zero divisor. */
    long divide(long a, long b) {
        int ma = mantissa(a), mb = mantissa(b);
        if (ma == 0) return zero;
        if (mb == 0) return ma > 0 ? max : negate(max);
        return round((long) ma * Integer.signum(mb), Math.abs((long) mb), (long) exponent(a) - exponent(b) - iMin);
    }

    /** PMath.divide by a positive integer. */
    long divideByInteger(long a, int divisor) {
        if (divisor <= 0) throw new IllegalArgumentException("divisor must be positive: " + divisor);
        if (mantissa(a) == 0) return zero;
        return round(mantissa(a), divisor, (long) exponent(a) - iMin);
    }

    /** ⊕ of {@code count} copies of x: f_p of the exact count·x, which is what PMath.sum gives. */
    long times(long x, int count) {
        // PMath.sum takes exponent Integer.MAX_VALUE (I^max at p = 64) for "no nonzero term"
        if (mantissa(x) == 0 || count == 0 || exponent(x) == Integer.MAX_VALUE) return zero;
        return round((long) mantissa(x) * count, 1, (long) exponent(x) - iMin);
    }

    /**
     * PMath.sum of t[from..to): one exact sum of the grid values, one f_p. Step for step PMath's
     * (a long while it cannot overflow, then BigInteger), so that even its int arithmetic on
     * exponents is the same.
     */
    long sum(long[] t, int from, int to) {
        int minExponent = Integer.MAX_VALUE, nonzero = 0;
        long only = 0;
        for (int i = from; i < to; i++)
            if (mantissa(t[i]) != 0) {
                minExponent = Math.min(minExponent, exponent(t[i]));
                nonzero++;
                only = t[i];
            }
        if (minExponent == Integer.MAX_VALUE) return zero;
        // f_p of one float that f_p produced is that float (an affine map's untouched coordinates)
        if (nonzero == 1 && isCanonical(only)) return only;
        BigInteger total = BigInteger.ZERO;
        long small = 0;
        boolean useLong = true;
        for (int i = from; i < to; i++) {
            int m = mantissa(t[i]);
            if (m == 0) continue;
            int shift = exponent(t[i]) - minExponent;
            if (useLong && shift < 31) {
                long v = (long) m << shift; // |v| < 2^62
                long s = small + v;
                if (((small ^ s) & (v ^ s)) >= 0) {
                    small = s;
                    continue;
                }
            }
            useLong = false;
            total = total.add(BigInteger.valueOf(m).shiftLeft(shift));
        }
        if (useLong) return round(small, 1, (long) minExponent - iMin);
        total = total.add(BigInteger.valueOf(small));
        return of(precision.round(total, BigInteger.ONE, (long) minExponent - iMin));
    }

    long sum(long a, long b) {
        return sum(new long[] {a, b}, 0, 2);
    }

    /** Precision.isCanonical: the representation f_p gives its value (every result of this class). */
    boolean isCanonical(long x) {
        return exponent(x) == iMin || Math.abs((long) mantissa(x)) >= 1L << (keep - 1);
    }

    /** PFloat.compareTo: order by value. */
    static int compare(long a, long b) {
        int ma = mantissa(a), mb = mantissa(b);
        int s = Integer.compare(Integer.signum(ma), Integer.signum(mb));
        if (s != 0 || ma == 0) return s;
        int ea = exponent(a), eb = exponent(b);
        long topA = (long) ea + (32 - Integer.numberOfLeadingZeros(Math.abs(ma)));
        long topB = (long) eb + (32 - Integer.numberOfLeadingZeros(Math.abs(mb)));
        int byMagnitude;
        if (topA != topB) {
            byMagnitude = Long.compare(topA, topB);
        } else {
            int shift = ea - eb;
            long x = Math.abs((long) ma), y = Math.abs((long) mb);
            byMagnitude = shift >= 0 ? Long.compare(x << shift, y) : Long.compare(x, y << -shift);
        }
        return ma > 0 ? byMagnitude : -byMagnitude;
    }

    long exp(long x, double scale) {
        return of(tables.exp(toPFloat(x), scale));
    }

    long inverseNorm(long v, int d, double eps) {
        return of(tables.inverseNorm(toPFloat(v), d, eps));
    }

    /**
     * Precision.round(long, long, long): f_p of (num / den)·2^shift in grid units. The same
     * steps, with a shift instead of a division when den = 1 (every product and sum).
     */
    long round(long num, long den, long shift) {
        if (num == 0) return zero;
        if (num == Long.MIN_VALUE) return slowRound(num, den, shift);
        int sign = num > 0 ? 1 : -1;
        long a = Math.abs(num);
        long e0 = (long) bitLength(a) - bitLength(den) + shift;
        if (e0 < 0) return zero;
        long t = Math.max(0, e0 + 1 - keep);
        long y = floorScaled(a, den, shift - t);
        if (y < 0) return slowRound(num, den, shift);
        if (t > 0 && bitLength(y) < keep) {
            t--;
            y = floorScaled(a, den, shift - t);
            if (y < 0) return slowRound(num, den, shift);
        }
        long exponent = iMin + t;
        if (exponent > iMax) return sign > 0 ? max : negate(max);
        return pack(sign * (int) y, (int) exponent);
    }

    private long slowRound(long num, long den, long shift) {
        return of(precision.round(BigInteger.valueOf(num), BigInteger.valueOf(den), shift));
    }

    private static int bitLength(long a) {
        return 64 - Long.numberOfLeadingZeros(a);
    }

    /** floor(a·2^shift / den) for a &gt;= 0, den &gt; 0; -1 where a long could overflow. */
    private static long floorScaled(long a, long den, long shift) {
        if (shift >= 0) {
            if (shift > 62 || bitLength(a) + shift > 62) return -1;
            return den == 1 ? a << shift : (a << shift) / den;
        }
        if (den == 1) return -shift > 63 ? 0 : a >> -shift;
        if (-shift > 62 || bitLength(den) - shift > 62) return -1;
        return a / (den << -shift);
    }
}
