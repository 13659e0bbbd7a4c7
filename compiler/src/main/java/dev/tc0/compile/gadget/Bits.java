package dev.tc0.compile.gadget;

import dev.tc0.circuit.Literal;
import java.util.Arrays;

/** Little-endian bit vectors of literals: constants, padding, shifts, and the widths gadgets need. */
public final class Bits {
    private Bits() {}

    /** {@code ceil(log2(x))} for {@code x >= 1}; 0 for 1. */
    public static int ceilLog2(long x) {
        if (x < 1) throw new IllegalArgumentException("ceilLog2 of " + x);
        return 64 - Long.numberOfLeadingZeros(x - 1);
    }

    /** Bits needed to write {@code x >= 0} in binary; 0 for 0. */
    public static int bitLength(long x) {
        if (x < 0) throw new IllegalArgumentException("bitLength of " + x);
        return 64 - Long.numberOfLeadingZeros(x);
    }

    /** The constant {@code value} as {@code width} literals (two's complement for negative values). */
    public static int[] constant(long value, int width) {
        int[] r = new int[width];
        for (int i = 0; i < width; i++) r[i] = i < 64 && ((value >>> i) & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        if (value < 0) for (int i = 64; i < width; i++) r[i] = Literal.TRUE;
        return r;
    }

    /** Pads with constant-false literals (or truncates) to {@code width}. */
    public static int[] zeroExtend(int[] bits, int width) {
        int[] r = Arrays.copyOf(bits, width);
        for (int i = bits.length; i < width; i++) r[i] = Literal.FALSE;
        return r;
    }

    /** Repeats the top bit (or truncates) to {@code width}: two's-complement widening. */
    public static int[] signExtend(int[] bits, int width) {
        int[] r = Arrays.copyOf(bits, width);
        for (int i = bits.length; i < width; i++) r[i] = bits[bits.length - 1];
        return r;
    }

    /** The number times {@code 2^s}: {@code s} false literals below the bits. */
    public static int[] shiftLeft(int[] bits, int s) {
        int[] r = new int[bits.length + s];
        System.arraycopy(bits, 0, r, s, bits.length);
        return r;
    }

    /** Bitwise negation (free: it only flips literal signs). */
    public static int[] not(int[] bits) {
        int[] r = new int[bits.length];
        for (int i = 0; i < bits.length; i++) r[i] = Literal.not(bits[i]);
        return r;
    }

    /** {@code from .. from+len-1} of {@code bits}, false beyond its end. */
    public static int[] slice(int[] bits, int from, int len) {
        int[] r = new int[len];
        for (int i = 0; i < len; i++) r[i] = from + i < bits.length ? bits[from + i] : Literal.FALSE;
        return r;
    }

    /** The largest width among the numbers. */
    public static int maxWidth(int[][] numbers) {
        int w = 0;
        for (int[] x : numbers) w = Math.max(w, x.length);
        return w;
    }

    /** Bits needed for the largest possible sum of the numbers, each at its all-ones maximum. */
    public static int sumWidth(int[][] numbers) {
        java.math.BigInteger max = java.math.BigInteger.ZERO;
        for (int[] x : numbers)
            max = max.add(java.math.BigInteger.ONE.shiftLeft(x.length).subtract(java.math.BigInteger.ONE));
        return max.bitLength();
    }
}
