package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.ThresholdDecomposition;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a circuit as BLIF with one {@code .names} per gate: AND as one on-set cube, OR as one
 * off-set cube (output column 0), XOR as a chain of two-input covers; THRESHOLD and WEIGHTED gates
 * are first lowered by {@link ThresholdDecomposition#toAndOrXor}. Negated operands are 0 columns,
 * so no inverters appear except where an output is a negated literal.
 */
public final class BlifWriter {
    private BlifWriter() {}

    public static void write(Circuit circuit, OutputStream out, String model) throws IOException {
        Circuit c = ThresholdDecomposition.toAndOrXor(circuit);
        NetNames names = new NetNames(c, BlifWriter::legal, true);
        TextOut t = new TextOut(out);
        t.str("# written by tc0\n.model ")
                .str(legal(model == null ? "top" : model))
                .nl();
        String[] in = new String[c.numInputs()];
        for (int i = 0; i < in.length; i++) in[i] = names.node[1 + i];
        list(t, ".inputs", in);
        list(t, ".outputs", names.output);
        String[] node = names.node;
        // The constant node gets a net only if something reads it.
        boolean needConst = false;
        for (int g = 0; g < c.numGates() && !needConst; g++) {
            for (int i = 0; i < c.fanIn(g); i++) needConst |= c.operand(g, i) >>> 1 == 0;
        }
        if (needConst) {
            node[0] = names.fresh("const0");
            t.str(".names ").str(node[0]).nl();
        }
        for (int g = 0; g < c.numGates(); g++) {
            int k = c.fanIn(g);
            String y = node[c.gateNode(g)];
            GateKind kind = c.kind(g);
            if (kind == GateKind.XOR && k > 2) {
                xorChain(t, c, g, y, names);
                continue;
            }
            t.str(".names");
            for (int i = 0; i < k; i++) t.ch(' ').str(node[c.operand(g, i) >>> 1]);
            t.ch(' ').str(y).nl();
            switch (kind) {
                case AND -> {
                    for (int i = 0; i < k; i++) t.ch((c.operand(g, i) & 1) == 0 ? '1' : '0');
                    t.str(k == 0 ? "1\n" : " 1\n");
                }
                case OR -> {
                    // NOR of the operands is the single off-set cube; OR() has no cubes: constant 0
                    if (k > 0) {
                        for (int i = 0; i < k; i++) t.ch((c.operand(g, i) & 1) == 0 ? '0' : '1');
                        t.str(" 0\n");
                    }
                }
                case XOR -> xorRows(t, c, g, k);
                default -> throw new AssertionError(kind + " gates are lowered before this point");
            }
        }
        for (int o = 0; o < c.numOutputs(); o++) {
            if (names.direct[o]) continue;
            int lit = c.output(o);
            if (lit >>> 1 == 0) {
                t.str(".names ").str(names.output[o]).nl();
                if (lit == 1) t.str("1\n");
            } else {
                t.str(".names ")
                        .str(node[lit >>> 1])
                        .ch(' ')
                        .str(names.output[o])
                        .nl();
                t.str((lit & 1) == 0 ? "1 1\n" : "0 1\n");
            }
        }
        t.str(".end\n");
        t.flush();
    }

    /** XOR of up to two operands: the odd rows (with negations, the even ones). */
    private static void xorRows(TextOut t, Circuit c, int g, int k) throws IOException {
        int flip = 0;
        for (int i = 0; i < k; i++) flip ^= c.operand(g, i) & 1;
        if (k == 0) return; // XOR() = 0: no cubes
        if (k == 1) {
            t.str(flip == 0 ? "1 1\n" : "0 1\n");
            return;
        }
        t.str(flip == 0 ? "01 1\n10 1\n" : "00 1\n11 1\n");
    }

    private static void xorChain(TextOut t, Circuit c, int g, String y, NetNames names) throws IOException {
        int k = c.fanIn(g);
        String acc = names.node[c.operand(g, 0) >>> 1];
        int accFlip = c.operand(g, 0) & 1;
        for (int i = 1; i < k; i++) {
            int lit = c.operand(g, i);
            String out = i == k - 1 ? y : names.fresh(y + "_x" + i);
            int flip = accFlip ^ (lit & 1);
            t.str(".names ")
                    .str(acc)
                    .ch(' ')
                    .str(names.node[lit >>> 1])
                    .ch(' ')
                    .str(out)
                    .nl();
            t.str(flip == 0 ? "01 1\n10 1\n" : "00 1\n11 1\n");
            acc = out;
            accFlip = 0;
        }
    }

    private static void list(TextOut t, String cmd, String[] names) throws IOException {
        t.str(cmd);
        int col = cmd.length();
        for (String n : names) {
            if (col + n.length() > 78 && col > cmd.length()) {
                t.str(" \\\n");
                col = 0;
            }
            t.ch(' ').str(n);
            col += n.length() + 1;
        }
        t.nl();
    }

    /** BLIF names are runs of non-blank characters; '#' starts a comment and '.' a command. */
    static String legal(String s) {
        String r = NetNames.replace(s, ch -> ch <= ' ' || ch == '#' || ch == 0x7f || ch == '\\');
        return r.charAt(0) == '.' ? "_" + r : r;
    }
}
