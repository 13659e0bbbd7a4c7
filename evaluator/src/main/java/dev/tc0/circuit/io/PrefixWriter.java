package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.ThresholdDecomposition;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a circuit in the paper's prefix serialization, threshold grammar (see
 * {@link PrefixReader}): inputs first as {@code X}, then one {@code >=} or {@code <=} gate per
 * node. AND is {@code >= 1^m}, OR {@code >= 1 0^(m-1)}; a gate whose operands are all negated
 * becomes the {@code <=} dual; other negations are {@code <= 0 &j} gates, one per negated node;
 * XOR of m operands is parity in depth two, {@code >= (1 + m/2)} over {@code h_1..h_m} where
 * {@code h_j} is "at least j" for odd j and "at most j-1" for even j; WEIGHTED gates are first
 * turned into THRESHOLD gates with repeated edges ({@link ThresholdDecomposition#weightedToThreshold}).
 * The last node is the output; with several outputs, {@code # outputs: K} comes first and the
 * last K nodes are the outputs. Unary pointers make the text grow with the square of the size, so
 * circuits whose text would pass {@link #MAX_BYTES} are refused.
 */
public final class PrefixWriter {
    /** The largest text written: 1 GiB. */
    public static final long MAX_BYTES = 1L << 30;

    private static final int X = 0, GE = 1, LE = 2;

    // the prefix circuit: node types, thresholds, argument pointers
    private final IntArrayList type = new IntArrayList();
    private final IntArrayList kval = new IntArrayList();
    private final IntArrayList argStart = new IntArrayList(new int[] {0});
    private final IntArrayList args = new IntArrayList();
    private int[] notOf; // prefix node -> its NOT node, or -1
    private int trueNode = -1;
    private long textBytes; // the text of the nodes so far

    private PrefixWriter() {}

    /**
     * @param file the destination's name, for messages
     * @throws CircuitFormatException when the circuit has no output, when its weights are too
     *         large to repeat as edges, or when the text would exceed {@link #MAX_BYTES}
     */
    public static void write(Circuit circuit, OutputStream out, String file) throws IOException {
        if (circuit.numOutputs() == 0)
            throw CircuitFormatException.of(file, "the prefix format needs at least one output");
        Circuit c;
        try {
            c = ThresholdDecomposition.weightedToThreshold(circuit);
        } catch (IllegalArgumentException e) {
            throw CircuitFormatException.of(file, "cannot write the prefix format: " + e.getMessage());
        }
        new PrefixWriter().emit(c, out, file);
    }

    /**
     * Thrown by {@link #node} as soon as the text so far passes {@link #MAX_BYTES}: the nodes are
     * held in memory before writing, and a wide XOR makes m nodes of m pointers each, so the
     * limit must stop the building, not only the writing (a 20,000-input XOR took 35 s and 5.7 GB
     * before it was refused).
     */
    private static final class TextTooLarge extends RuntimeException {
        TextTooLarge() {
            super(null, null, false, false);
        }
    }

    private static CircuitFormatException tooLarge(String file) {
        return CircuitFormatException.of(
                file,
                "the prefix text of this circuit would pass " + MAX_BYTES
                        + " bytes (unary pointers grow with the square of the size); use .tc0 or AIGER instead");
    }

    private void emit(Circuit c, OutputStream out, String file) throws IOException {
        try {
            build(c);
        } catch (TextTooLarge e) {
            throw tooLarge(file);
        }
        write(c.numOutputs(), out, file);
    }

    private void build(Circuit c) {
        notOf = new int[16];
        java.util.Arrays.fill(notOf, -1);
        int[] map = new int[c.numNodes()]; // our node -> prefix literal (prefix node << 1 | negated)
        for (int i = 0; i < c.numInputs(); i++) map[1 + i] = node(X, 0, new int[0]) << 1;
        for (int g = 0; g < c.numGates(); g++) {
            int m = c.fanIn(g);
            int[] ops = new int[m];
            int negs = 0;
            for (int i = 0; i < m; i++) {
                int lit = c.operand(g, i);
                ops[i] = plit(map, lit);
                negs += ops[i] & 1;
            }
            GateKind kind = c.kind(g);
            map[c.gateNode(g)] = switch (kind) {
                case AND -> atLeast(m, ops, negs);
                case OR -> atLeast(1, ops, negs);
                case THRESHOLD -> atLeast(c.threshold(g), ops, negs);
                case XOR -> parity(ops);
                case WEIGHTED -> throw new AssertionError("WEIGHTED gates are lowered before this point");
            };
        }
        int k = c.numOutputs();
        int last = type.size() - 1;
        boolean single = k == 1 && c.output(0) >>> 1 != 0 && plit(map, c.output(0)) == last << 1;
        if (!single) {
            // First every output's literal (this may add the true node), then the K output buffers,
            // so that nothing comes between them.
            int[] pl = new int[k];
            for (int o = 0; o < k; o++) pl[o] = plit(map, c.output(o));
            for (int o = 0; o < k; o++) {
                boolean neg = (pl[o] & 1) != 0;
                node(neg ? LE : GE, neg ? 0 : 1, new int[] {pl[o] >>> 1});
            }
        }
    }

    private void write(int k, OutputStream out, String file) throws IOException {
        if (textBytes + (k == 1 ? 0 : 16) > MAX_BYTES) throw tooLarge(file);
        TextOut t = new TextOut(out);
        if (k != 1) t.str("# outputs: ").num(k).nl();
        for (int v = 0; v < type.size(); v++) {
            if (v > 0) t.ch(' ');
            int ty = type.getInt(v);
            if (ty == X) {
                t.ch('X');
                continue;
            }
            int as = argStart.getInt(v), ae = argStart.getInt(v + 1);
            t.str(ty == GE ? ">=" : "<=");
            if (ae > as) t.ch(' ');
            t.repeat('1', kval.getInt(v)).repeat('0', ae - as - kval.getInt(v));
            for (int e = as; e < ae; e++) t.str(" &").repeat('1', args.getInt(e));
        }
        t.nl();
        t.flush();
    }

    /** At least {@code t} of the literals: a {@code >=} gate, or the {@code <=} dual when all are negated. */
    private int atLeast(long t, int[] ops, int negs) {
        int m = ops.length;
        if (t <= 0) return trueLit();
        if (t > m) return trueLit() ^ 1;
        if (negs == m) {
            // at least t of !x  <=>  at most m - t of x
            int[] ptr = new int[m];
            for (int i = 0; i < m; i++) ptr[i] = resolve(ops[i] ^ 1);
            return node(LE, (int) (m - t), ptr) << 1;
        }
        int[] ptr = new int[m];
        for (int i = 0; i < m; i++) ptr[i] = resolve(ops[i]);
        return node(GE, (int) t, ptr) << 1;
    }

    /** XOR of the literals in depth two (see the class comment); negations flip the result. */
    private int parity(int[] ops) {
        int m = ops.length, flip = 0;
        int[] ptr = new int[m];
        for (int i = 0; i < m; i++) {
            flip ^= ops[i] & 1;
            ptr[i] = resolve(ops[i] & ~1);
        }
        if (m == 0) return (trueLit() ^ 1) ^ flip;
        if (m == 1) return (ptr[0] << 1) ^ flip;
        int[] h = new int[m];
        for (int j = 1; j <= m; j++) {
            h[j - 1] = j % 2 == 1 ? node(GE, j, ptr) : node(LE, j - 1, ptr);
        }
        return (node(GE, 1 + m / 2, h) << 1) ^ flip;
    }

    /** Our literal as a prefix literal; the constant node is NOT of the true node, made on use. */
    private int plit(int[] map, int lit) {
        return lit >>> 1 == 0 ? trueLit() ^ 1 ^ (lit & 1) : map[lit >>> 1] ^ (lit & 1);
    }

    private int trueLit() {
        if (trueNode < 0) trueNode = node(GE, 0, new int[0]);
        return trueNode << 1;
    }

    /** The prefix node holding a prefix literal, making its NOT gate on first use. */
    private int resolve(int plit) {
        int v = plit >>> 1;
        if ((plit & 1) == 0) return v;
        if (v >= notOf.length) {
            int old = notOf.length;
            notOf = java.util.Arrays.copyOf(notOf, Math.max(v + 1, old * 2));
            java.util.Arrays.fill(notOf, old, notOf.length, -1);
        }
        if (notOf[v] < 0) notOf[v] = node(LE, 0, new int[] {v});
        return notOf[v];
    }

    private int node(int ty, int k, int[] ptr) {
        // "X " or ">= " + the unary count + " " and " &1^a" per pointer a
        textBytes += ty == X ? 2 : 4 + ptr.length;
        for (int a : ptr) textBytes += 2L + a;
        if (textBytes > MAX_BYTES) throw new TextTooLarge();
        type.add(ty);
        kval.add(k);
        for (int a : ptr) args.add(a);
        argStart.add(args.size());
        return type.size() - 1;
    }
}
