package dev.tc0.circuit;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites threshold gates into other gate kinds, exactly (the function never changes):
 * <ul>
 *   <li>{@link #toAndOrXor}: THRESHOLD and WEIGHTED gates become AND/OR/XOR networks, so that any
 *       circuit can be written in AIGER, BLIF, bench or Verilog;</li>
 *   <li>{@link #weightedToThreshold}: WEIGHTED gates become THRESHOLD gates with repeated operand
 *       edges (the paper's unweighted gates), negative weights on negated literals.</li>
 * </ul>
 * Input and output names and order are kept.
 */
public final class ThresholdDecomposition {
    /** Default bound on the operand edges {@link #weightedToThreshold(Circuit)} may create in all. */
    public static final long DEFAULT_MAX_EDGES = 1L << 24;

    private ThresholdDecomposition() {}

    /** True when the circuit holds no THRESHOLD and no WEIGHTED gate. */
    public static boolean isAndOrXor(Circuit c) {
        for (int g = 0; g < c.numGates(); g++) if (c.kind(g).hasThreshold()) return false;
        return true;
    }

    /** True when the circuit holds no WEIGHTED gate. */
    public static boolean isUnweighted(Circuit c) {
        for (int g = 0; g < c.numGates(); g++) if (c.kind(g) == GateKind.WEIGHTED) return false;
        return true;
    }

    /**
     * The same function with every THRESHOLD and WEIGHTED gate replaced by the network of
     * {@link #atLeast}. AND, OR and XOR gates are copied. Returns {@code c} itself when there is
     * nothing to lower.
     */
    public static Circuit toAndOrXor(Circuit c) {
        if (isAndOrXor(c)) return c;
        CircuitBuilder b = new CircuitBuilder();
        int[] map = startCopy(b, c);
        for (int g = 0; g < c.numGates(); g++) {
            int k = c.fanIn(g);
            int[] ops = operands(c, g, map);
            GateKind kind = c.kind(g);
            if (kind.hasThreshold()) {
                long[] w = new long[k];
                for (int i = 0; i < k; i++) w[i] = c.weight(g, i);
                map[c.gateNode(g)] = atLeast(b, w, ops, c.threshold(g));
            } else {
                map[c.gateNode(g)] = b.gate(kind, ops, null, 0);
            }
        }
        return finishCopy(b, c, map);
    }

    /** {@link #weightedToThreshold(Circuit, long)} with {@link #DEFAULT_MAX_EDGES}. */
    public static Circuit weightedToThreshold(Circuit c) {
        return weightedToThreshold(c, DEFAULT_MAX_EDGES);
    }

    /**
     * The same function with every WEIGHTED gate {@code sum w_i l_i >= t} replaced by a THRESHOLD
     * gate that repeats {@code l_i} {@code w_i} times when {@code w_i > 0} and {@code !l_i}
     * {@code -w_i} times when {@code w_i < 0} (as {@code w l = w + |w| !l}), with threshold
     * {@code t + sum of |negative weights|}. Other gates are copied.
     *
     * @throws IllegalArgumentException when the repeated edges would exceed {@code maxEdges}
     *         in all: weights are a binary encoding, their unary form can be exponentially larger
     */
    public static Circuit weightedToThreshold(Circuit c, long maxEdges) {
        if (isUnweighted(c)) return c;
        long edges = 0;
        for (int g = 0; g < c.numGates(); g++) {
            if (c.kind(g) != GateKind.WEIGHTED) {
                edges += c.fanIn(g);
                continue;
            }
            long gateEdges = 0;
            for (int i = 0; i < c.fanIn(g); i++)
                gateEdges += Math.abs(c.weight(g, i)); // fits: Circuit.of checked the sums
            edges += gateEdges;
            if (gateEdges > maxEdges || edges > maxEdges) {
                throw new IllegalArgumentException(
                        "WEIGHTED gate #" + g + " (node " + c.gateNode(g) + ") has weights of total "
                                + "magnitude " + gateEdges
                                + ": as repeated edges the circuit would need more than the limit of "
                                + maxEdges + " edges");
            }
        }
        CircuitBuilder b = new CircuitBuilder();
        int[] map = startCopy(b, c);
        for (int g = 0; g < c.numGates(); g++) {
            int[] ops = operands(c, g, map);
            GateKind kind = c.kind(g);
            int node = c.gateNode(g);
            if (kind == GateKind.WEIGHTED) {
                IntArrayList rep = new IntArrayList();
                long t = c.threshold(g);
                boolean overflow = false;
                for (int i = 0; i < ops.length; i++) {
                    long w = c.weight(g, i);
                    int lit = ops[i];
                    if (w < 0) {
                        lit ^= 1;
                        w = -w;
                        try {
                            t = Math.addExact(t, w);
                        } catch (ArithmeticException e) {
                            overflow = true;
                        }
                    }
                    for (long r = 0; r < w; r++) rep.add(lit);
                }
                map[node] = overflow ? Literal.FALSE : threshold(b, t, rep.toIntArray());
            } else if (kind == GateKind.THRESHOLD) {
                map[node] = threshold(b, c.threshold(g), ops);
            } else {
                map[node] = b.gate(kind, ops, null, 0);
            }
        }
        return finishCopy(b, c, map);
    }

    /** A THRESHOLD gate for any threshold: at most 0 is true, above the fan-in is false. */
    private static int threshold(CircuitBuilder b, long t, int[] lits) {
        if (t <= 0) return Literal.TRUE;
        if (t > lits.length) return Literal.FALSE;
        return b.threshold(t, lits);
    }

    /**
     * Builds {@code sum w_i l_i >= t} from AND, OR and XOR gates only, for any signed weights whose
     * positive and negative sums fit in a long. Negative weights move to negated literals
     * ({@code w l = w + |w| !l}), so the question becomes {@code S >= T} for
     * {@code S = sum |w_i| y_i} and {@code T = t - sum of negative weights}, with
     * {@code 0 <= S <= P = sum |w_i|}. With {@code 2^W > P}, {@code S >= T} exactly when bit W of
     * {@code S + (2^W - T)} is set. The bits of every {@code |w_i| y_i} and of the constant
     * {@code 2^W - T} are reduced column by column with full adders (sum: one XOR3; carry:
     * majority) in Wallace rounds until every column holds at most two bits; bit W is then the
     * carry out of those two rows, {@code OR_i (g_i AND p_(i+1) AND ... AND p_(W-1))}, ORed with
     * anything that reached column W or above. Depth about {@code 2 log_1.5(n) + 3}; size
     * {@code O(sum of popcounts + W^2)}.
     *
     * @throws IllegalArgumentException when the weight sums do not fit in a long
     */
    public static int atLeast(CircuitBuilder b, long[] w, int[] lits, long t) {
        if (w.length != lits.length)
            throw new IllegalArgumentException(w.length + " weights for " + lits.length + " literals");
        long p = 0;
        long target = t;
        int n = lits.length;
        long[] mag = new long[n];
        int[] y = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                long wi = w[i];
                int lit = lits[i];
                if (wi < 0) {
                    if (wi == Long.MIN_VALUE) throw new ArithmeticException();
                    wi = -wi;
                    lit ^= 1;
                    if (target > Long.MAX_VALUE - wi) return Literal.FALSE; // T > P for any P that fits
                    target += wi;
                }
                mag[i] = wi;
                y[i] = lit;
                p = Math.addExact(p, wi);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("weight sum overflows a signed 64-bit long");
        }
        if (target <= 0) return Literal.TRUE;
        if (target > p) return Literal.FALSE;
        int width = 64 - Long.numberOfLeadingZeros(p); // 2^width > p; width <= 63
        long k = (1L << width) - target;
        List<IntArrayList> cols = new ArrayList<>();
        for (int c = 0; c <= width; c++) cols.add(new IntArrayList());
        for (int i = 0; i < n; i++) {
            for (long m = mag[i]; m != 0; m &= m - 1)
                cols.get(Long.numberOfTrailingZeros(m)).add(y[i]);
        }
        for (long m = k; m != 0; m &= m - 1)
            cols.get(Long.numberOfTrailingZeros(m)).add(Literal.TRUE);
        IntArrayList high = new IntArrayList(); // anything at column >= width means S + K >= 2^W
        while (true) {
            boolean tall = false;
            for (int c = 0; c < width; c++) tall |= cols.get(c).size() > 2;
            if (!tall) break;
            List<IntArrayList> next = new ArrayList<>();
            for (int c = 0; c <= width; c++) next.add(new IntArrayList());
            for (int c = 0; c < width; c++) {
                IntArrayList col = cols.get(c);
                int i = 0;
                for (; i + 3 <= col.size(); i += 3) {
                    int a = col.getInt(i), bb = col.getInt(i + 1), cc = col.getInt(i + 2);
                    next.get(c).add(b.xor(a, bb, cc));
                    next.get(c + 1).add(b.or(b.and(a, bb), b.and(a, cc), b.and(bb, cc)));
                }
                for (; i < col.size(); i++) next.get(c).add(col.getInt(i));
            }
            high.addAll(cols.get(width));
            next.get(width).addAll(high);
            high.clear();
            cols = next;
        }
        high.addAll(cols.get(width));
        // Carry out of the two remaining rows: generate g_i = a AND b, propagate p_i = a OR b.
        int[] gen = new int[width];
        int[] prop = new int[width];
        for (int c = 0; c < width; c++) {
            IntArrayList col = cols.get(c);
            if (col.size() == 2) {
                gen[c] = b.and(col.getInt(0), col.getInt(1));
                prop[c] = b.or(col.getInt(0), col.getInt(1));
            } else {
                gen[c] = Literal.FALSE;
                prop[c] = col.size() == 1 ? col.getInt(0) : Literal.FALSE;
            }
        }
        IntArrayList terms = new IntArrayList(high);
        for (int c = 0; c < width; c++) {
            if (gen[c] == Literal.FALSE) continue;
            int[] chain = new int[width - c];
            chain[0] = gen[c];
            for (int j = c + 1; j < width; j++) chain[j - c] = prop[j];
            terms.add(b.and(chain));
        }
        return b.or(terms.toIntArray());
    }

    private static int[] startCopy(CircuitBuilder b, Circuit c) {
        int[] map = new int[c.numNodes()];
        for (int i = 0; i < c.numInputs(); i++) map[1 + i] = b.input(c.inputName(i));
        return map;
    }

    private static int[] operands(Circuit c, int g, int[] map) {
        int[] ops = new int[c.fanIn(g)];
        for (int i = 0; i < ops.length; i++) {
            int lit = c.operand(g, i);
            ops[i] = map[lit >>> 1] ^ (lit & 1);
        }
        return ops;
    }

    private static Circuit finishCopy(CircuitBuilder b, Circuit c, int[] map) {
        for (int o = 0; o < c.numOutputs(); o++) {
            int lit = c.output(o);
            b.output(c.outputName(o), map[lit >>> 1] ^ (lit & 1));
        }
        return b.build();
    }
}
