package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.BEYOND;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Bits;

/**
 * The circuit value problem (P-complete): a layered circuit of width n and n levels, whose gate
 * types and wiring are part of the input, evaluated level by level.
 *
 * <p>Input: the n values of level 0, then for each level 1..n and each of its n gates two type bits
 * {@code t0, t1} and two operand selectors of {@code s = max(1, ceil(log2 n))} bits each, naming
 * gates of the level below (a selector of n or more reads false). A gate computes
 * {@code (t0 ? AND : OR)(a, b) XOR t1}. Output: the n values of the last level.
 *
 * <p>Circuit per gate: each operand is a multiplexer {@code OR_j AND(sel = j, v_j)} (2 levels; the
 * selector literals go straight into the AND), then {@code [a + b + !t0 >= 2]} (1 level: AND when
 * {@code t0}, OR otherwise), then the XOR with {@code t1} (1 level). Depth 4n, about
 * {@code n^2 (2n + 4)} gates.
 */
final class CircuitValueFamily {
    private CircuitValueFamily() {}

    static final CircuitFamily FAMILY = new Family(
            "cvp",
            "circuit value problem: n levels of n gates (AND/OR/NAND/NOR, wiring by binary selectors) given as input, evaluated by multiplexers; depth 4n",
            BEYOND,
            2,
            CircuitValueFamily::inputs,
            CircuitValueFamily::build,
            CircuitValueFamily::reference);

    private static int selectorBits(int n) {
        return Math.max(1, Bits.ceilLog2(n));
    }

    private static int gateBits(int n) {
        return 2 + 2 * selectorBits(n);
    }

    private static int inputs(int n) {
        return n + n * n * gateBits(n);
    }

    private static int[] build(CircuitBuilder b, int n, int[] x) {
        int s = selectorBits(n);
        int[] level = java.util.Arrays.copyOf(x, n);
        int pos = n;
        for (int l = 0; l < n; l++) {
            int[] next = new int[n];
            for (int g = 0; g < n; g++, pos += gateBits(n)) {
                int t0 = x[pos], t1 = x[pos + 1];
                int a = select(b, java.util.Arrays.copyOfRange(x, pos + 2, pos + 2 + s), level);
                int c = select(b, java.util.Arrays.copyOfRange(x, pos + 2 + s, pos + 2 + 2 * s), level);
                next[g] = b.xor(b.threshold(2, a, c, CircuitBuilder.not(t0)), t1);
            }
            level = next;
        }
        return level;
    }

    /**
     * {@code v[sel]}, false when sel is out of range. The selector literals of each term go into
     * the same AND as the value, so a multiplexer costs two levels above the values.
     */
    private static int select(CircuitBuilder b, int[] sel, int[] v) {
        int[] terms = new int[v.length];
        for (int j = 0; j < v.length; j++) {
            int[] lits = java.util.Arrays.copyOf(sel, sel.length + 1);
            for (int k = 0; k < sel.length; k++) if (((j >>> k) & 1) == 0) lits[k] = CircuitBuilder.not(sel[k]);
            lits[sel.length] = v[j];
            terms[j] = b.and(lits);
        }
        return b.or(terms);
    }

    private static boolean[] reference(int n, boolean[] x) {
        int s = selectorBits(n);
        boolean[] level = java.util.Arrays.copyOf(x, n);
        int pos = n;
        for (int l = 0; l < n; l++) {
            boolean[] next = new boolean[n];
            for (int g = 0; g < n; g++, pos += gateBits(n)) {
                boolean isAnd = x[pos], negate = x[pos + 1];
                int ia = (int) BitCodec.read(x, pos + 2, s), ic = (int) BitCodec.read(x, pos + 2 + s, s);
                boolean a = ia < n && level[ia], c = ic < n && level[ic];
                next[g] = (isAnd ? a && c : a || c) ^ negate;
            }
            level = next;
        }
        return level;
    }
}
