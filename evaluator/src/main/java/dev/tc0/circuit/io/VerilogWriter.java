package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.ThresholdDecomposition;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Writes a circuit as a structural Verilog-2001 module: one port per input and output, one wire
 * and one {@code assign} per gate with {@code &}, {@code |}, {@code ^} and {@code ~}. THRESHOLD and
 * WEIGHTED gates are first lowered by {@link ThresholdDecomposition#toAndOrXor}. Names that are not simple
 * identifiers (such as {@code a[0]}) or that are keywords are written as escaped identifiers
 * ({@code \a[0] }). Ports must be distinct, so an output that names an input or repeats another
 * output's name gets a fresh name. Write-only: tc0 reads no Verilog.
 */
public final class VerilogWriter {
    private static final Set<String> KEYWORDS = Set.of(
            "always",
            "and",
            "assign",
            "automatic",
            "begin",
            "buf",
            "bufif0",
            "bufif1",
            "case",
            "casex",
            "casez",
            "cell",
            "cmos",
            "config",
            "deassign",
            "default",
            "defparam",
            "design",
            "disable",
            "edge",
            "else",
            "end",
            "endcase",
            "endconfig",
            "endfunction",
            "endgenerate",
            "endmodule",
            "endprimitive",
            "endspecify",
            "endtable",
            "endtask",
            "event",
            "for",
            "force",
            "forever",
            "fork",
            "function",
            "generate",
            "genvar",
            "highz0",
            "highz1",
            "if",
            "ifnone",
            "incdir",
            "include",
            "initial",
            "inout",
            "input",
            "instance",
            "integer",
            "join",
            "large",
            "liblist",
            "library",
            "localparam",
            "macromodule",
            "medium",
            "module",
            "nand",
            "negedge",
            "nmos",
            "nor",
            "noshowcancelled",
            "not",
            "notif0",
            "notif1",
            "or",
            "output",
            "parameter",
            "pmos",
            "posedge",
            "primitive",
            "pull0",
            "pull1",
            "pulldown",
            "pullup",
            "pulsestyle_onevent",
            "pulsestyle_ondetect",
            "rcmos",
            "real",
            "realtime",
            "reg",
            "release",
            "repeat",
            "rnmos",
            "rpmos",
            "rtran",
            "rtranif0",
            "rtranif1",
            "scalared",
            "showcancelled",
            "signed",
            "small",
            "specify",
            "specparam",
            "strong0",
            "strong1",
            "supply0",
            "supply1",
            "table",
            "task",
            "time",
            "tran",
            "tranif0",
            "tranif1",
            "tri",
            "tri0",
            "tri1",
            "triand",
            "trior",
            "trireg",
            "unsigned",
            "use",
            "uwire",
            "vectored",
            "wait",
            "wand",
            "weak0",
            "weak1",
            "while",
            "wire",
            "wor",
            "xnor",
            "xor");

    private VerilogWriter() {}

    public static void write(Circuit circuit, OutputStream out, String module) throws IOException {
        Circuit c = ThresholdDecomposition.toAndOrXor(circuit);
        NetNames names = new NetNames(c, VerilogWriter::printable, false);
        TextOut t = new TextOut(out);
        t.str("// written by tc0\nmodule ")
                .str(id(module == null ? "top" : printable(module)))
                .ch('(');
        String sep = "";
        for (int i = 0; i < c.numInputs(); i++) {
            t.str(sep).str(id(names.node[1 + i]));
            sep = ", ";
        }
        for (int o = 0; o < c.numOutputs(); o++) {
            t.str(sep).str(id(names.output[o]));
            sep = ", ";
        }
        t.str(");\n");
        for (int i = 0; i < c.numInputs(); i++)
            t.str("  input ").str(id(names.node[1 + i])).str(";\n");
        for (int o = 0; o < c.numOutputs(); o++)
            t.str("  output ").str(id(names.output[o])).str(";\n");
        boolean[] isOutput = new boolean[c.numNodes()];
        for (int o = 0; o < c.numOutputs(); o++) if (names.direct[o]) isOutput[c.output(o) >>> 1] = true;
        for (int g = 0; g < c.numGates(); g++) {
            int v = c.gateNode(g);
            if (!isOutput[v]) t.str("  wire ").str(id(names.node[v])).str(";\n");
        }
        for (int g = 0; g < c.numGates(); g++) {
            int k = c.fanIn(g);
            GateKind kind = c.kind(g);
            String op = switch (kind) {
                case AND -> " & ";
                case OR -> " | ";
                case XOR -> " ^ ";
                default -> throw new AssertionError(kind + " gates are lowered before this point");
            };
            t.str("  assign ").str(id(names.node[c.gateNode(g)])).str(" = ");
            if (k == 0) t.str(kind == GateKind.AND ? "1'b1" : "1'b0");
            for (int i = 0; i < k; i++) {
                if (i > 0) t.str(op);
                t.str(lit(names, c.operand(g, i)));
            }
            t.str(";\n");
        }
        for (int o = 0; o < c.numOutputs(); o++) {
            if (!names.direct[o])
                t.str("  assign ")
                        .str(id(names.output[o]))
                        .str(" = ")
                        .str(lit(names, c.output(o)))
                        .str(";\n");
        }
        t.str("endmodule\n");
        t.flush();
    }

    private static String lit(NetNames names, int lit) {
        int v = lit >>> 1;
        if (v == 0) return lit == 0 ? "1'b0" : "1'b1";
        return ((lit & 1) != 0 ? "~" : "") + id(names.node[v]);
    }

    /** A simple identifier when the name is one, otherwise an escaped identifier. */
    static String id(String name) {
        boolean simple = !name.isEmpty()
                && !KEYWORDS.contains(name)
                && (Character.isLetter(name.charAt(0)) && name.charAt(0) < 0x80 || name.charAt(0) == '_');
        for (int i = 1; i < name.length() && simple; i++) {
            char ch = name.charAt(i);
            simple = ch < 0x80 && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$');
        }
        return simple ? name : "\\" + name + " ";
    }

    /** Escaped identifiers hold printable ASCII other than blanks. */
    static String printable(String s) {
        return NetNames.replace(s, ch -> ch <= ' ' || ch >= 0x7f);
    }
}
