package dev.tc0.compile.number;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A p-precision float ⟨m, e⟩ with value m·2^e (paper, Appendix A).
 *
 * <p>Its bit encoding is the paper's p-bit string: the first p/2 bits are the mantissa, the last
 * p/2 bits the exponent, each a two's-complement integer whose most negative code (1 followed by
 * zeros) is not used, so both fields range over [-(2^(p/2-1) - 1), 2^(p/2-1) - 1]: the paper's
 * symmetric I^min = -I^max. {@link #bits()} reads that string as a binary number, first bit most
 * significant.
 *
 * <p>Records compare by representation, not by value: ⟨2, -1⟩ and ⟨1, 0⟩ both equal 1 but are not
 * {@code equals}. Every operation of this package returns the canonical representation (the image
 * of f_p), so results can be compared bit for bit; use {@link #compareTo} for value order.
 *
 * @param p the precision in bits, even, 4 to 64
 * @param mantissa the signed mantissa m
 * @param exponent the signed exponent e
 */
public record PFloat(int p, int mantissa, int exponent) implements Comparable<PFloat> {

    public PFloat {
        Precision.checkBits(p);
        long limit = Precision.fieldMax(p);
        if (Math.abs((long) mantissa) > limit || Math.abs((long) exponent) > limit) {
            throw new IllegalArgumentException("⟨" + mantissa + ", " + exponent + "⟩ is outside the " + p
                    + "-precision fields [-" + limit + ", " + limit + "]");
        }
    }

    /** The p-bit string as a number: mantissa field in the high p/2 bits, exponent field below. */
    public long bits() {
        int q = p / 2;
        long mask = q == 32 ? 0xFFFF_FFFFL : (1L << q) - 1;
        return ((mantissa & mask) << q) | (exponent & mask);
    }

    /** Bit {@code i} of the p-bit string, counted from the first (most significant) bit. */
    public boolean bit(int i) {
        if (i < 0 || i >= p) throw new IndexOutOfBoundsException(i);
        return ((bits() >>> (p - 1 - i)) & 1) != 0;
    }

    /** The p-bit string, first bit first, e.g. {@code 0011|1001} without the bar. */
    public String toBitString() {
        StringBuilder s = new StringBuilder(p);
        for (int i = 0; i < p; i++) s.append(bit(i) ? '1' : '0');
        return s.toString();
    }

    /** -x: exact, because the fields are symmetric. */
    public PFloat negate() {
        return new PFloat(p, -mantissa, exponent);
    }

    public int signum() {
        return Integer.signum(mantissa);
    }

    public boolean isZero() {
        return mantissa == 0;
    }

    /** The exact value m·2^e. */
    public BigDecimal toBigDecimal() {
        BigInteger m = BigInteger.valueOf(mantissa);
        return exponent >= 0
                ? new BigDecimal(m.shiftLeft(exponent))
                : new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    /** The nearest double (0 or infinity beyond the double range). */
    public double toDouble() {
        return Math.scalb((double) mantissa, exponent);
    }

    /** Orders by value; requires the same p. */
    @Override
    public int compareTo(PFloat o) {
        if (o.p != p) throw new IllegalArgumentException("cannot compare p=" + p + " with p=" + o.p);
        int s = Integer.compare(signum(), o.signum());
        if (s != 0 || mantissa == 0) return s;
        // Same nonzero sign: compare magnitudes by their leading bit first, then aligned mantissas.
        long topA = magnitudeLog(mantissa, exponent), topB = magnitudeLog(o.mantissa, o.exponent);
        int byMagnitude;
        if (topA != topB) {
            byMagnitude = Long.compare(topA, topB);
        } else {
            int shift = exponent - o.exponent; // |shift| < p/2 because the leading bits coincide
            long a = Math.abs((long) mantissa), b = Math.abs((long) o.mantissa);
            byMagnitude = shift >= 0 ? Long.compare(a << shift, b) : Long.compare(a, b << -shift);
        }
        return signum() > 0 ? byMagnitude : -byMagnitude;
    }

    private static long magnitudeLog(int m, int e) {
        return (long) e + (32 - Integer.numberOfLeadingZeros(Math.abs(m)));
    }

    @Override
    public String toString() {
        return "⟨" + mantissa + "," + exponent + "⟩";
    }
}
