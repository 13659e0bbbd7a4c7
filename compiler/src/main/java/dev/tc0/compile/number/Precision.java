package dev.tc0.compile.number;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One precision p: the float format, the paper's mappings g_p and f_p, and conversions.
 *
 * <p>With q = p/2, both fields range over [I^min, I^max] = [-(2^(q-1) - 1), 2^(q-1) - 1]. The
 * integer mapping g_p(⟨m, e⟩) = m·2^(e - I^min) (Def 13) puts every float on a fixed-point grid
 * whose unit is 2^(I^min). The p-truncated mapping f_p (Def 14) turns a grid integer z back into a
 * float: keep the top q - 1 magnitude bits of |z| (the mantissa's q bits include the sign), drop
 * the rest toward zero, and saturate to ±⟨I^max, I^max⟩ when the exponent would pass I^max.
 *
 * <p>{@link #round(BigInteger, BigInteger, long)} is the single rounding routine behind every
 * operation: it is f_p applied to the grid value of an exact rational, without building the
 * 2^(q)-bit wide grid integers that a literal implementation of g_p needs.
 *
 * @param p the precision in bits, even, 4 to 64
 */
public record Precision(int p) {

    public Precision {
        checkBits(p);
    }

    public static Precision of(int p) {
        return new Precision(p);
    }

    static void checkBits(int p) {
        if (p < 4 || p > 64 || (p & 1) != 0) {
            throw new IllegalArgumentException("precision must be an even number of bits from 4 to 64, got " + p);
        }
    }

    /** I^max = 2^(p/2 - 1) - 1: the largest mantissa and the largest exponent. */
    static long fieldMax(int p) {
        return (1L << (p / 2 - 1)) - 1;
    }

    /** q = p/2, the width of each field including its sign bit. */
    public int q() {
        return p / 2;
    }

    /** I^max, the largest value of either field. */
    public int iMax() {
        return (int) fieldMax(p);
    }

    /** I^min = -I^max, the smallest exponent; 2^(I^min) is the unit of the integer grid. */
    public int iMin() {
        return -iMax();
    }

    /** Magnitude bits of the mantissa: q - 1. */
    public int mantissaBits() {
        return q() - 1;
    }

    public PFloat zero() {
        return new PFloat(p, 0, iMin());
    }

    public PFloat one() {
        return fromLong(1);
    }

    /** F^max = I^max·2^(I^max), the largest value; saturated results are ±F^max. */
    public PFloat max() {
        return new PFloat(p, iMax(), iMax());
    }

    /** Decodes a p-bit string (see {@link PFloat#bits()}); rejects the unused field code 10…0. */
    public PFloat decode(long bits) {
        if (p < 64 && (bits >>> p) != 0)
            throw new IllegalArgumentException("more than " + p + " bits: " + Long.toBinaryString(bits));
        int q = q();
        long mask = q == 32 ? 0xFFFF_FFFFL : (1L << q) - 1;
        long m = signExtend((bits >>> q) & mask, q), e = signExtend(bits & mask, q);
        return new PFloat(p, (int) m, (int) e);
    }

    private static long signExtend(long field, int width) {
        return (field << (64 - width)) >> (64 - width);
    }

    /** Whether {@code bits} decodes to a float (neither field holds the unused code). */
    public boolean isValidCode(long bits) {
        long m = signExtend((bits >>> q()) & ((1L << q()) - 1), q()), e = signExtend(bits & ((1L << q()) - 1), q());
        return Math.abs(m) <= iMax() && Math.abs(e) <= iMax();
    }

    /** Whether x is the code f_p gives for its value: e = I^min, or |m| has its top bit 2^(q-2) set. */
    public boolean isCanonical(PFloat x) {
        requireSame(x);
        return x.exponent() == iMin() || Math.abs((long) x.mantissa()) >= 1L << (q() - 2);
    }

    /** g_p (Def 13): the exact grid integer m·2^(e - I^min). Up to 2^(p/2) bits wide. */
    public BigInteger g(PFloat x) {
        requireSame(x);
        return BigInteger.valueOf(x.mantissa()).shiftLeft(x.exponent() - iMin());
    }

    /** f_p (Def 14): the float for grid integer z, truncated toward zero, saturating. */
    public PFloat f(BigInteger z) {
        return round(z, BigInteger.ONE, 0);
    }

    /**
     * f_p applied to the real number (num / den)·2^shift, read in grid units (so its value is
     * (num / den)·2^(shift + I^min)): truncate it toward zero to a grid integer, then apply f_p.
     * Equivalently: the representable value of largest magnitude not above the exact one, with the
     * exact one's sign, or ±F^max beyond the range.
     */
    public PFloat round(BigInteger num, BigInteger den, long shift) {
        if (den.signum() <= 0) throw new IllegalArgumentException("denominator must be positive: " + den);
        int sign = num.signum();
        if (sign == 0) return zero();
        BigInteger a = num.abs();
        int keep = mantissaBits();
        // r = a/den·2^shift lies in (2^(e0-1), 2^(e0+1)), so floor(r) has e0 or e0+1 bits (or r < 1).
        long e0 = (long) a.bitLength() - den.bitLength() + shift;
        if (e0 < 0) return zero(); // r < 1 grid unit: underflow to zero
        long t = Math.max(0, e0 + 1 - keep);
        BigInteger y = floorScaled(a, den, shift - t);
        if (t > 0 && y.bitLength() < keep) { // the estimate was one too high
            t--;
            y = floorScaled(a, den, shift - t);
        }
        long exponent = iMin() + t;
        if (exponent > iMax()) return sign > 0 ? max() : max().negate();
        int m = y.intValueExact();
        return new PFloat(p, sign * m, (int) exponent);
    }

    /**
     * {@link #round(BigInteger, BigInteger, long)} for a numerator and a positive denominator that
     * fit a long: the same result, in long arithmetic where no intermediate can overflow (every
     * product, sum and quotient of the reference forward pass), else by the BigInteger routine.
     */
    public PFloat round(long num, long den, long shift) {
        if (den <= 0) throw new IllegalArgumentException("denominator must be positive: " + den);
        if (num == 0) return zero();
        if (num == Long.MIN_VALUE) return round(BigInteger.valueOf(num), BigInteger.valueOf(den), shift);
        int sign = num > 0 ? 1 : -1;
        long a = Math.abs(num);
        int keep = mantissaBits();
        long e0 = (long) bitLength(a) - bitLength(den) + shift;
        if (e0 < 0) return zero();
        long t = Math.max(0, e0 + 1 - keep);
        long y = floorScaled(a, den, shift - t);
        if (y < 0) return round(BigInteger.valueOf(num), BigInteger.valueOf(den), shift);
        if (t > 0 && bitLength(y) < keep) {
            t--;
            y = floorScaled(a, den, shift - t);
            if (y < 0) return round(BigInteger.valueOf(num), BigInteger.valueOf(den), shift);
        }
        long exponent = iMin() + t;
        if (exponent > iMax()) return sign > 0 ? max() : max().negate();
        return new PFloat(p, sign * Math.toIntExact(y), (int) exponent);
    }

    private static int bitLength(long a) {
        return 64 - Long.numberOfLeadingZeros(a);
    }

    /** floor(a·2^shift / den) for a &gt;= 0, den &gt; 0; -1 where a·2^shift or den·2^-shift would overflow. */
    private static long floorScaled(long a, long den, long shift) {
        if (shift >= 0) {
            if (shift > 62 || bitLength(a) + shift > 62) return -1;
            return (a << shift) / den;
        }
        if (-shift > 62 || bitLength(den) - shift > 62) return -1;
        return a / (den << -shift);
    }

    private static BigInteger floorScaled(BigInteger a, BigInteger den, long shift) {
        if (shift > Integer.MAX_VALUE || shift < Integer.MIN_VALUE)
            throw new ArithmeticException("shift out of range: " + shift);
        return shift >= 0 ? a.shiftLeft((int) shift).divide(den) : a.divide(den.shiftLeft((int) -shift));
    }

    /** The float for the exact rational num/den, truncated toward zero. */
    public PFloat fromRational(BigInteger num, BigInteger den) {
        if (den.signum() < 0) return fromRational(num.negate(), den.negate());
        return round(num, den, -iMin());
    }

    public PFloat fromLong(long v) {
        return fromRational(BigInteger.valueOf(v), BigInteger.ONE);
    }

    /** The float for the exact value of {@code v}, truncated toward zero. */
    public PFloat fromBigDecimal(BigDecimal v) {
        if (v.scale() <= 0)
            return fromRational(v.unscaledValue().multiply(BigInteger.TEN.pow(-v.scale())), BigInteger.ONE);
        return fromRational(v.unscaledValue(), BigInteger.TEN.pow(v.scale()));
    }

    /** The float for the exact binary value of {@code v}, truncated toward zero; v must be finite. */
    public PFloat fromDouble(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        return fromBigDecimal(new BigDecimal(v));
    }

    void requireSame(PFloat x) {
        if (x.p() != p) throw new IllegalArgumentException("expected a " + p + "-precision float, got p=" + x.p());
    }
}
