package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;
import java.util.function.IntPredicate;

/**
 * Functions of the number of true inputs (src/docs/paper.md, Counting and symmetric functions):
 * majority, thresholds, exact counts, any symmetric function, parity and popcount. Operand literals
 * may repeat; each occurrence counts. Sizes are for {@code n >= 2} distinct non-constant operands
 * (with fewer, gates collapse to literals and the counts only drop).
 */
public final class Counting {
    private Counting() {}

    /** Strict majority {@code [s > n/2]}. Depth 1, 1 gate, fan-in n. */
    public static int majority(CircuitBuilder b, int... x) {
        return b.majority(x);
    }

    /** {@code [s >= t]}. Depth 1, at most 1 gate (none when t <= 0 or t > n: a constant). */
    public static int atLeast(CircuitBuilder b, int t, int... x) {
        if (t <= 0) return CircuitBuilder.constant(true);
        if (t > x.length) return CircuitBuilder.constant(false);
        return b.threshold(t, x);
    }

    /** {@code [s <= t]}: the negation of {@code [s >= t+1]}, free. Depth 1, at most 1 gate. */
    public static int atMost(CircuitBuilder b, int t, int... x) {
        return CircuitBuilder.not(atLeast(b, t + 1, x));
    }

    /**
     * {@code [s = t]} as {@code AND([s >= t], [s <= t])}. Depth 2, 3 gates for {@code 0 < t < n};
     * 1 gate, depth 1 for t = 0 or t = n (one side is constant).
     */
    public static int exactly(CircuitBuilder b, int t, int... x) {
        return b.and(atLeast(b, t, x), atMost(b, t, x));
    }

    /**
     * Any symmetric function {@code F(s)} (src/docs/paper.md, Counting and symmetric functions).
     * Layer 1: {@code y_j = [s >= j]} for the {@code c} values {@code j in 1..n} where
     * {@code F(j) != F(j-1)}; output {@code [sum_j (F(j) - F(j-1)) y_j >= 1 - F(0)]}, which
     * telescopes to {@code F(s)}. Depth 2, {@code c + 1} gates when {@code c >= 2} (at most
     * {@code n + 1}); one gate, depth 1 when c = 1; a constant when c = 0. Weights +-1, fan-in n.
     */
    public static int symmetric(CircuitBuilder b, IntPredicate f, int... x) {
        return symmetric(b, new IntPredicate[] {f}, x)[0];
    }

    /**
     * Several symmetric functions of the same inputs sharing the layer {@code y_j}. Depth 2; size
     * at most {@code (distinct j used) + (functions with c >= 2)}.
     */
    public static int[] symmetric(CircuitBuilder b, IntPredicate[] fs, int... x) {
        int n = x.length;
        int[] y = new int[n + 1];
        for (int j = 1; j <= n; j++) y[j] = -1; // built on demand, so unused thresholds never exist
        int[] out = new int[fs.length];
        for (int k = 0; k < fs.length; k++) {
            IntPredicate f = fs[k];
            int changes = 0;
            for (int j = 1; j <= n; j++) if (f.test(j) != f.test(j - 1)) changes++;
            long[] w = new long[changes];
            int[] lits = new int[changes];
            int e = 0;
            for (int j = 1; j <= n; j++) {
                if (f.test(j) == f.test(j - 1)) continue;
                if (y[j] < 0) y[j] = b.threshold(j, x);
                w[e] = f.test(j) ? 1 : -1;
                lits[e++] = y[j];
            }
            long t = f.test(0) ? 0 : 1;
            out[k] = changes == 0 ? CircuitBuilder.constant(f.test(0)) : b.weighted(w, lits, t);
        }
        return out;
    }

    /** Parity: the symmetric function {@code s mod 2}. Depth 2, {@code n + 1} gates. */
    public static int parity(CircuitBuilder b, int... x) {
        return symmetric(b, s -> (s & 1) == 1, x);
    }

    /**
     * The count {@code s} in binary, {@code L = ceil(log2(n+1))} bits (popcount in
     * src/docs/paper.md). Depth 2, {@code n + L - 1} gates for n >= 2: the n gates {@code y_j} and
     * one per bit, except the top bit, which is {@code y_{2^(L-1)}} itself (the paper's count
     * {@code n + L} is an upper bound).
     */
    public static int[] popcount(CircuitBuilder b, int... x) {
        int width = Bits.bitLength(x.length);
        IntPredicate[] bits = new IntPredicate[width];
        for (int l = 0; l < width; l++) {
            int bit = l;
            bits[l] = s -> ((s >>> bit) & 1) == 1;
        }
        return symmetric(b, bits, x);
    }
}
