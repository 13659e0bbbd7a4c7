package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.nio.charset.StandardCharsets;

/**
 * Reads the combinational part of AIGER 1.9, ASCII ({@code aag}) and binary ({@code aig}): the
 * header {@code M I L O A} with optional {@code B C J F}, inputs, outputs, AND gates (binary:
 * delta-encoded, in order), the symbol table ({@code i<k> name}, {@code o<k> name}) and the
 * comment section. Latches and bad/constraint/justice/fairness properties are refused.
 *
 * <p>Every count in the header is checked against what the file can hold before anything is
 * allocated for it. Binary inputs take no bytes at all, so their count has its own bound,
 * {@link #maxImplicitInputs(long)}.
 */
public final class AigerReader {
    /** The largest variable index: literals must stay below 2^30, the model's node limit. */
    static final long MAX_VARIABLE = (1L << 29) - 2;

    private final byte[] d;
    private final String file;
    private int pos;
    private int line = 1;
    private boolean binarySection; // errors in the AND section report byte offsets

    private AigerReader(byte[] data, String file) {
        this.d = data;
        this.file = file;
    }

    public static Circuit read(byte[] data, String file) throws CircuitFormatException {
        return new AigerReader(data, file).parse();
    }

    /**
     * Inputs of a binary file occupy no bytes, so the file size does not bound their number. tc0
     * accepts 2^20 inputs plus 2 per byte of file: more than any real circuit uses (an input
     * that is used costs at least a byte somewhere), and few enough that a forged header fails at
     * once instead of exhausting memory.
     */
    static long maxImplicitInputs(long fileSize) {
        return (1L << 20) + 2L * fileSize;
    }

    private Circuit parse() throws CircuitFormatException {
        boolean binary;
        if (startsWith("aag")) binary = false;
        else if (startsWith("aig")) binary = true;
        else throw error("expected the AIGER header 'aag' or 'aig'");
        pos = 3;
        long[] h = new long[9];
        int counts = 0;
        while (counts < 9 && pos < d.length && d[pos] == ' ') {
            skipBlanks();
            if (pos < d.length && d[pos] == '\n') break;
            h[counts++] = number("a header count");
        }
        if (counts < 5) throw error("the header needs the five counts M I L O A, found " + counts);
        long m = h[0], in = h[1], latches = h[2], out = h[3], ands = h[4];
        if (latches > 0)
            throw error("latches are not supported (L = " + latches + "): tc0 reads combinational AIGER only");
        String[] extra = {
            "bad-state properties (B", "invariant constraints (C", "justice properties (J", "fairness constraints (F"
        };
        for (int i = 5; i < counts; i++) {
            if (h[i] > 0)
                throw error(extra[i - 5] + " = " + h[i] + ") are not supported: tc0 reads combinational AIGER only");
        }
        if (m > MAX_VARIABLE) throw error("M = " + m + " exceeds tc0's limit of " + MAX_VARIABLE + " variables");
        if (in + ands > m) throw error("header: I + A = " + (in + ands) + " exceeds M = " + m);
        long remaining = d.length - pos;
        if (binary) {
            if (m != in + ands)
                throw error("binary AIGER needs M = I + L + A, but M = " + m + " and I + L + A = " + (in + ands));
            if (in > maxImplicitInputs(d.length)) {
                throw error("I = " + in + " inputs is implausible for a file of " + d.length
                        + " bytes (tc0 accepts at most " + maxImplicitInputs(d.length) + ")");
            }
            if (2 * (out + ands) > remaining) {
                throw error("header promises " + out + " outputs and " + ands + " AND gates, needing at least "
                        + 2 * (out + ands) + " more bytes, but only " + remaining + " remain");
            }
        } else if (2 * (in + out + ands) > remaining) {
            throw error("header promises " + (in + out + ands)
                    + " lines of inputs, outputs and AND gates, needing at least " + 2 * (in + out + ands)
                    + " more bytes, but only " + remaining + " remain");
        }
        newline("after the header");
        int ni = (int) in, no = (int) out, na = (int) ands;
        int maxLit = (int) (2 * m + 1);

        // Definitions: AIGER variable -> dense index (inputs 0..ni-1, ANDs ni..ni+na-1).
        int[] inputLit = new int[ni];
        int[] outputLit = new int[no];
        int[] rhs = new int[2 * na];
        int[] lhs = new int[na];
        Int2IntOpenHashMap varIndex = null; // ASCII only: variables may be numbered freely
        if (binary) {
            for (int i = 0; i < ni; i++) inputLit[i] = 2 * (i + 1);
        } else {
            varIndex = new Int2IntOpenHashMap(ni + na);
            varIndex.defaultReturnValue(-1);
            for (int i = 0; i < ni; i++) {
                int lit = literal(maxLit, "an input literal");
                if ((lit & 1) != 0 || lit < 2) throw error("input literal " + lit + " must be even and at least 2");
                define(varIndex, lit, i);
                inputLit[i] = lit;
                newline("after the input literal");
            }
        }
        for (int o = 0; o < no; o++) {
            outputLit[o] = literal(maxLit, "an output literal");
            newline("after the output literal");
        }
        if (binary) {
            binarySection = true;
            for (int a = 0; a < na; a++) {
                long l = 2L * (ni + 1 + a);
                int at = pos;
                long d0 = varint(), d1 = varint();
                long r0 = l - d0, r1 = r0 - d1;
                if (d0 == 0 || r0 < 0 || r1 < 0) {
                    throw CircuitFormatException.atOffset(
                            file,
                            at,
                            "AND gate " + a + " (literal " + l + "): deltas " + d0 + " and " + d1 + " give operands "
                                    + r0 + " and " + r1 + ", but AIGER needs lhs > rhs0 >= rhs1 >= 0");
                }
                lhs[a] = (int) l;
                rhs[2 * a] = (int) r0;
                rhs[2 * a + 1] = (int) r1;
            }
            binarySection = false;
        } else {
            for (int a = 0; a < na; a++) {
                int l = literal(maxLit, "an AND gate's output literal");
                if ((l & 1) != 0 || l < 2) throw error("AND gate output literal " + l + " must be even and at least 2");
                define(varIndex, l, ni + a);
                lhs[a] = l;
                blanks("between AND gate literals");
                rhs[2 * a] = literal(maxLit, "an AND operand literal");
                blanks("between AND gate literals");
                rhs[2 * a + 1] = literal(maxLit, "an AND operand literal");
                newline("after the AND gate");
            }
        }
        String[] inNames = new String[ni];
        String[] outNames = new String[no];
        symbols(inNames, outNames);
        try {
            return build(binary, ni, no, na, inputLit, outputLit, lhs, rhs, varIndex, inNames, outNames);
        } catch (IllegalArgumentException | IllegalStateException e) { // the builder's limits
            throw CircuitFormatException.of(file, e.getMessage());
        }
    }

    private Circuit build(
            boolean binary,
            int ni,
            int no,
            int na,
            int[] inputLit,
            int[] outputLit,
            int[] lhs,
            int[] rhs,
            Int2IntOpenHashMap varIndex,
            String[] inNames,
            String[] outNames)
            throws CircuitFormatException {
        // ASCII files may define ANDs in any order: sort them. Binary ANDs are in order by construction.
        int[] order;
        int[] denseRhs = new int[2 * na]; // operand as dense definition index * 2 + negation, or -2/-1 for constants
        for (int e = 0; e < 2 * na; e++) {
            int lit = rhs[e], v = lit >>> 1;
            int idx;
            if (v == 0) idx = -1;
            else if (binary) idx = v - 1;
            else {
                idx = varIndex.get(v);
                if (idx < 0) {
                    throw CircuitFormatException.atLine(
                            file,
                            andLine(ni, no, e / 2),
                            "AND gate " + lhs[e / 2] + " reads literal " + lit + ", whose variable " + v
                                    + " is neither an input nor an AND gate");
                }
            }
            denseRhs[e] = idx < 0 ? -2 + (lit & 1) : (idx << 1) | (lit & 1);
        }
        if (binary) {
            order = null;
        } else {
            int[] start = new int[na + 1];
            int[] fanin = new int[2 * na];
            for (int a = 0; a <= na; a++) start[a] = 2 * a;
            int[] defOf = new int[ni + na + 1]; // signal = dense index + 1; signal 0 is the constant
            defOf[0] = -1;
            for (int i = 0; i < ni; i++) defOf[1 + i] = -1;
            for (int a = 0; a < na; a++) defOf[1 + ni + a] = a;
            for (int e = 0; e < 2 * na; e++) fanin[e] = denseRhs[e] < 0 ? 0 : 1 + (denseRhs[e] >> 1);
            try {
                order = TopoSort.order(na, start, fanin, defOf);
            } catch (TopoSort.CycleException c) {
                throw CircuitFormatException.atLine(
                        file,
                        andLine(ni, no, c.definition),
                        "combinational cycle through AND gate " + lhs[c.definition]);
            }
        }
        CircuitBuilder b = new CircuitBuilder();
        int[] lit = new int[ni + na]; // dense index -> builder literal
        for (int i = 0; i < ni; i++) lit[i] = b.input(inNames[i]);
        for (int k = 0; k < na; k++) {
            int a = order == null ? k : order[k];
            lit[ni + a] = b.and(operand(lit, denseRhs[2 * a]), operand(lit, denseRhs[2 * a + 1]));
        }
        for (int o = 0; o < no; o++) {
            int l = outputLit[o], v = l >>> 1;
            int idx = v == 0 ? -1 : binary ? v - 1 : varIndex.get(v);
            if (v != 0 && idx < 0) {
                throw CircuitFormatException.atLine(
                        file,
                        2 + (binary ? 0 : ni) + o,
                        "output " + o + " is literal " + l + ", whose variable " + v
                                + " is neither an input nor an AND gate");
            }
            b.output(outNames[o], idx < 0 ? (l & 1) : lit[idx] ^ (l & 1));
        }
        return b.build();
    }

    private static int operand(int[] lit, int dense) {
        return dense < 0 ? dense + 2 : lit[dense >> 1] ^ (dense & 1);
    }

    private static int andLine(int ni, int no, int and) {
        return 2 + ni + no + and;
    }

    private void define(Int2IntOpenHashMap varIndex, int lit, int index) throws CircuitFormatException {
        int v = lit >>> 1;
        if (varIndex.putIfAbsent(v, index) != -1)
            throw error("variable " + v + " (literal " + lit + ") is defined twice");
    }

    // ---- symbol table and comments ----

    private void symbols(String[] inNames, String[] outNames) throws CircuitFormatException {
        while (pos < d.length) {
            byte c = d[pos];
            if (c == 'c' && (pos + 1 == d.length || d[pos + 1] == '\n' || d[pos + 1] == '\r'))
                return; // comments follow
            if (c != 'i' && c != 'o' && c != 'l' && c != 'b' && c != 'c' && c != 'j' && c != 'f') {
                throw error("expected a symbol table entry (i<k> name, o<k> name) or 'c' for comments, found "
                        + describe(c));
            }
            pos++;
            long k = number("a symbol index");
            String[] target = c == 'i' ? inNames : c == 'o' ? outNames : null;
            if (target == null || k >= target.length) {
                String kind = c == 'i'
                        ? "input"
                        : c == 'o'
                                ? "output"
                                : c == 'l'
                                        ? "latch"
                                        : c == 'b'
                                                ? "bad-state property"
                                                : c == 'c'
                                                        ? "constraint"
                                                        : c == 'j' ? "justice property" : "fairness constraint";
                int have = target == null ? 0 : target.length;
                throw error("symbol for " + kind + " " + k + ", but the file has " + have + " " + kind
                        + (have == 1 ? "" : "s"));
            }
            if (pos >= d.length || d[pos] != ' ') throw error("expected a space between the symbol index and the name");
            int s = ++pos;
            while (pos < d.length && d[pos] != '\n') pos++;
            int e = pos;
            if (e > s && d[e - 1] == '\r') e--;
            if (target[(int) k] != null) throw error((c == 'i' ? "input " : "output ") + k + " is named twice");
            target[(int) k] = new String(d, s, e - s, StandardCharsets.UTF_8);
            if (pos < d.length) {
                pos++;
                line++;
            }
        }
    }

    // ---- lexing ----

    private boolean startsWith(String s) {
        if (d.length < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (d[i] != s.charAt(i)) return false;
        return true;
    }

    private void skipBlanks() {
        while (pos < d.length && (d[pos] == ' ' || d[pos] == '\t')) pos++;
    }

    private void blanks(String where) throws CircuitFormatException {
        int s = pos;
        skipBlanks();
        if (pos == s) throw error("expected a space " + where + ", found " + here());
    }

    private void newline(String where) throws CircuitFormatException {
        skipBlanks();
        if (pos < d.length && d[pos] == '\r') pos++;
        if (pos >= d.length || d[pos] != '\n')
            throw error("expected the end of the line " + where + ", found " + here());
        pos++;
        line++;
    }

    private long number(String what) throws CircuitFormatException {
        skipBlanks();
        int s = pos;
        long v = 0;
        while (pos < d.length && d[pos] >= '0' && d[pos] <= '9') {
            v = v * 10 + (d[pos++] - '0');
            if (v > Integer.MAX_VALUE) throw error(what + " is too large (more than " + Integer.MAX_VALUE + ")");
        }
        if (pos == s) throw error("expected " + what + ", found " + here());
        return v;
    }

    private int literal(int maxLit, String what) throws CircuitFormatException {
        long v = number(what);
        if (v > maxLit)
            throw error(
                    what.replaceFirst("^an? ", "") + " " + v + " exceeds the largest literal " + maxLit + " (2M + 1)");
        return (int) v;
    }

    /** AIGER's 7-bit little-endian variable-length number (the binary AND deltas). */
    private long varint() throws CircuitFormatException {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            if (pos >= d.length)
                throw CircuitFormatException.atOffset(file, pos, "file ends inside the binary AND gates");
            int b = d[pos++] & 0xff;
            if (shift > 28)
                throw CircuitFormatException.atOffset(file, pos - 1, "binary AND delta longer than 5 bytes");
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return v;
        }
    }

    private String here() {
        return pos >= d.length ? "the end of the file" : describe(d[pos]);
    }

    private static String describe(byte c) {
        return c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c & 0xff);
    }

    private CircuitFormatException error(String msg) {
        return binarySection
                ? CircuitFormatException.atOffset(file, pos, msg)
                : CircuitFormatException.atLine(file, line, msg);
    }
}
