package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.ThresholdDecomposition;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a circuit as combinational AIGER 1.9, ASCII ({@code aag}) or binary ({@code aig}), with
 * a symbol table of the input and output names. AND and OR of any fan-in become balanced trees of
 * two-input ANDs (OR by De Morgan), XOR becomes three ANDs per two-input XOR, THRESHOLD and
 * WEIGHTED gates are first lowered exactly by {@link ThresholdDecomposition#toAndOrXor}. Inputs
 * keep their positions: input {@code i} is AIGER variable {@code i + 1}.
 */
public final class AigerWriter {
    private AigerWriter() {}

    public static void write(Circuit circuit, OutputStream out, boolean binary) throws IOException {
        Aig aig = new Aig(ThresholdDecomposition.toAndOrXor(circuit));
        Circuit c = aig.c;
        int ni = c.numInputs(), na = aig.ands();
        TextOut t = new TextOut(out);
        t.str(binary ? "aig " : "aag ")
                .num(ni + na)
                .ch(' ')
                .num(ni)
                .str(" 0 ")
                .num(c.numOutputs())
                .ch(' ')
                .num(na)
                .nl();
        if (!binary) for (int i = 0; i < ni; i++) t.num(2L * (i + 1)).nl();
        for (int o = 0; o < c.numOutputs(); o++) t.num(aig.outputs[o]).nl();
        for (int a = 0; a < na; a++) {
            long lhs = 2L * (ni + 1 + a);
            int r0 = aig.r0.getInt(a), r1 = aig.r1.getInt(a);
            if (binary) {
                varint(t, lhs - r0);
                varint(t, r0 - r1);
            } else {
                t.num(lhs).ch(' ').num(r0).ch(' ').num(r1).nl();
            }
        }
        for (int i = 0; i < ni; i++)
            t.ch('i').num(i).ch(' ').str(symbol(c.inputName(i))).nl();
        for (int o = 0; o < c.numOutputs(); o++)
            t.ch('o').num(o).ch(' ').str(symbol(c.outputName(o))).nl();
        t.str("c\nwritten by tc0\n");
        t.flush();
    }

    private static String symbol(String name) {
        return NetNames.replace(name, ch -> ch == '\n' || ch == '\r');
    }

    private static void varint(TextOut t, long v) throws IOException {
        while ((v & ~0x7fL) != 0) {
            t.raw((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        t.raw((int) v);
    }

    /** The circuit as two-input ANDs over AIGER literals, in topological order. */
    static final class Aig {
        final Circuit c;
        final IntArrayList r0 = new IntArrayList(); // per AND, the larger operand literal
        final IntArrayList r1 = new IntArrayList();
        final int[] outputs;
        private final int base; // AIGER variable of the first AND

        Aig(Circuit c) {
            this.c = c;
            base = c.numInputs() + 1;
            int[] lit = new int[c.numNodes()];
            for (int i = 0; i < c.numInputs(); i++) lit[1 + i] = 2 * (i + 1);
            for (int g = 0; g < c.numGates(); g++) {
                int k = c.fanIn(g);
                int[] ops = new int[k];
                for (int i = 0; i < k; i++) {
                    int l = c.operand(g, i);
                    ops[i] = lit[l >>> 1] ^ (l & 1);
                }
                GateKind kind = c.kind(g);
                lit[c.gateNode(g)] = switch (kind) {
                    case AND -> andTree(ops, 0, k);
                    case OR -> {
                        for (int i = 0; i < k; i++) ops[i] ^= 1;
                        yield andTree(ops, 0, k) ^ 1;
                    }
                    case XOR -> xorTree(ops, 0, k);
                    default -> throw new AssertionError(kind + " gates are lowered before this point");
                };
            }
            outputs = new int[c.numOutputs()];
            for (int o = 0; o < outputs.length; o++) {
                int l = c.output(o);
                outputs[o] = lit[l >>> 1] ^ (l & 1);
            }
        }

        int ands() {
            return r0.size();
        }

        private int andTree(int[] ops, int from, int to) {
            if (to - from == 0) return 1;
            if (to - from == 1) return ops[from];
            int mid = (from + to) >>> 1;
            return and2(andTree(ops, from, mid), andTree(ops, mid, to));
        }

        private int xorTree(int[] ops, int from, int to) {
            if (to - from == 0) return 0;
            if (to - from == 1) return ops[from];
            int mid = (from + to) >>> 1;
            int a = xorTree(ops, from, mid), b = xorTree(ops, mid, to);
            // a XOR b = (a OR b) AND NOT (a AND b)
            return and2(and2(a ^ 1, b ^ 1) ^ 1, and2(a, b) ^ 1);
        }

        private int and2(int a, int b) {
            if (a == 0 || b == 0 || a == (b ^ 1)) return 0;
            if (a == 1 || a == b) return b;
            if (b == 1) return a;
            int lhs = 2 * (base + r0.size());
            r0.add(Math.max(a, b));
            r1.add(Math.min(a, b));
            return lhs;
        }
    }
}
