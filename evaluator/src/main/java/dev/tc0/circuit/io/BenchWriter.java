package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.ThresholdDecomposition;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a circuit as an ISCAS {@code .bench} netlist. The format has no negated operands, so a
 * gate whose operands are all negated becomes its De Morgan dual (AND of negations: NOR), and a
 * mixed gate reads {@code NOT} nets, one per negated node. Constants are {@code XOR(x, x)} and
 * {@code XNOR(x, x)} of the first input ({@code OR()} and {@code AND()}, which only tc0 reads,
 * when there is no input). THRESHOLD and WEIGHTED gates are first lowered by
 * {@link ThresholdDecomposition#toAndOrXor}.
 */
public final class BenchWriter {
    private BenchWriter() {}

    public static void write(Circuit circuit, OutputStream out) throws IOException {
        Circuit c = ThresholdDecomposition.toAndOrXor(circuit);
        NetNames names = new NetNames(c, BenchWriter::legal, true);
        TextOut t = new TextOut(out);
        t.str("# written by tc0: ")
                .num(c.numInputs())
                .str(" inputs, ")
                .num(c.numOutputs())
                .str(" outputs, ")
                .num(c.numGates())
                .str(" gates\n");
        for (int i = 0; i < c.numInputs(); i++)
            t.str("INPUT(").str(names.node[1 + i]).str(")\n");
        for (int o = 0; o < c.numOutputs(); o++)
            t.str("OUTPUT(").str(names.output[o]).str(")\n");
        Nets nets = new Nets(c, names, t);
        for (int g = 0; g < c.numGates(); g++) {
            int k = c.fanIn(g);
            String y = names.node[c.gateNode(g)];
            int negs = 0;
            for (int i = 0; i < k; i++) negs += c.operand(g, i) & 1;
            GateKind kind = c.kind(g);
            boolean allNeg = k > 0 && negs == k;
            String type;
            boolean useNeg = false; // operands as written (negations through NOT nets) or their positive nodes
            switch (kind) {
                case AND -> {
                    type = allNeg ? "NOR" : "AND";
                    useNeg = !allNeg;
                }
                case OR -> {
                    type = allNeg ? "NAND" : "OR";
                    useNeg = !allNeg;
                }
                case XOR -> type = negs % 2 == 0 ? "XOR" : "XNOR";
                default -> throw new AssertionError(kind + " gates are lowered before this point");
            }
            if (k == 1 && kind != GateKind.XOR) {
                // a one-operand AND/OR is its operand
                type = allNeg ? "NOT" : "BUFF";
                useNeg = false;
            } else if (k == 1) {
                type = negs == 0 ? "BUFF" : "NOT";
            }
            String[] ops = new String[k];
            for (int i = 0; i < k; i++) {
                int lit = c.operand(g, i);
                ops[i] = useNeg ? nets.of(lit) : nets.of(lit & ~1);
            }
            t.str(y).str(" = ").str(type).ch('(');
            for (int i = 0; i < k; i++) t.str(i == 0 ? "" : ", ").str(ops[i]);
            t.str(")\n");
        }
        for (int o = 0; o < c.numOutputs(); o++) {
            if (names.direct[o]) continue;
            int lit = c.output(o);
            if (lit >>> 1 == 0) {
                t.str(names.output[o]).str(" = ").str(nets.constant(lit == 1)).nl();
            } else {
                t.str(names.output[o])
                        .str(" = ")
                        .str((lit & 1) == 0 ? "BUFF(" : "NOT(")
                        .str(names.node[lit >>> 1])
                        .str(")\n");
            }
        }
        t.flush();
    }

    /** Nets for literals: node names, NOT nets made on first use, constant nets. */
    private static final class Nets {
        private final Circuit c;
        private final NetNames names;
        private final TextOut t;
        private final String[] negated;
        private String zero, one;

        Nets(Circuit c, NetNames names, TextOut t) {
            this.c = c;
            this.names = names;
            this.t = t;
            negated = new String[c.numNodes()];
        }

        String of(int lit) throws IOException {
            int v = lit >>> 1;
            if (v == 0) return constantNet(lit == 1);
            if ((lit & 1) == 0) return names.node[v];
            if (negated[v] == null) {
                negated[v] = names.fresh(names.node[v] + "_n");
                t.str(negated[v]).str(" = NOT(").str(names.node[v]).str(")\n");
            }
            return negated[v];
        }

        private String constantNet(boolean value) throws IOException {
            if (value ? one != null : zero != null) return value ? one : zero;
            String n = names.fresh(value ? "const1" : "const0");
            t.str(n).str(" = ").str(constant(value)).nl();
            if (value) one = n;
            else zero = n;
            return n;
        }

        /** The right-hand side of a constant. */
        String constant(boolean value) {
            if (c.numInputs() == 0) return value ? "AND()" : "OR()";
            String x = names.node[1];
            return (value ? "XNOR(" : "XOR(") + x + ", " + x + ")";
        }
    }

    /** Bench names may not hold blanks or the punctuation of the statements. */
    static String legal(String s) {
        return NetNames.replace(
                s, ch -> ch <= ' ' || ch == '(' || ch == ')' || ch == ',' || ch == '=' || ch == '#' || ch == 0x7f);
    }
}
