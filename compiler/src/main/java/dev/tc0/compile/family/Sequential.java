package dev.tc0.compile.family;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Comparison;
import dev.tc0.compile.gadget.Weights;

/**
 * The small sequential building blocks of the SEQUENTIAL families: their depth grows with the
 * length of the chain they form, which is the point of those families.
 */
final class Sequential {
    private Sequential() {}

    /** {@code sel ? t : f}: {@code OR(AND(sel, t), AND(!sel, f))}, depth 2. */
    static int mux(CircuitBuilder b, int sel, int t, int f) {
        return b.or(b.and(sel, t), b.and(CircuitBuilder.not(sel), f));
    }

    /** Ripple-carry adder: sum bit XOR3, carry MAJ3; depth about the width. */
    static int[] rippleAdd(CircuitBuilder b, int[] x, int[] y, int width) {
        int[] s = new int[width];
        int carry = CircuitBuilder.constant(false);
        for (int i = 0; i < width; i++) {
            int a = i < x.length ? x[i] : CircuitBuilder.constant(false);
            int c = i < y.length ? y[i] : CircuitBuilder.constant(false);
            s[i] = b.xor(a, c, carry);
            carry = b.majority(a, c, carry);
        }
        return s;
    }

    /**
     * One step of an up/down counter: {@code c + 1} when {@code up}, else {@code c - 1}, with the
     * carry (borrow) rippling through the bits while {@code c_j = up}. Returns the new counter
     * followed by the carry-out, which for a decrement means the counter was zero.
     */
    static int[] upDown(CircuitBuilder b, int[] c, int up) {
        int[] r = new int[c.length + 1];
        int carry = CircuitBuilder.constant(true);
        for (int j = 0; j < c.length; j++) {
            r[j] = b.xor(c[j], carry);
            carry = b.and(carry, CircuitBuilder.not(b.xor(c[j], up)));
        }
        r[c.length] = carry;
        return r;
    }

    /** {@code c + x} for one bit x, as a half-adder chain. */
    static int[] increment(CircuitBuilder b, int[] c, int x) {
        int[] r = new int[c.length];
        int carry = x;
        for (int j = 0; j < c.length; j++) {
            r[j] = b.xor(c[j], carry);
            carry = b.and(c[j], carry);
        }
        return r;
    }

    /** Compare-exchange: {@code {min, max}} of two keys, one LARGE comparator and muxes, depth 3. */
    static int[][] compareExchange(CircuitBuilder b, int[] x, int[] y) {
        int gt = Comparison.greaterThan(b, x, y, Weights.LARGE);
        int[] lo = new int[x.length], hi = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            lo[i] = mux(b, gt, y[i], x[i]);
            hi[i] = mux(b, gt, x[i], y[i]);
        }
        return new int[][] {lo, hi};
    }
}
