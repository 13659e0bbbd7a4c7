package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Reads the paper's prefix serialization of a circuit (Merrill and Sabharwal, section 3): a list
 * of nodes in topological order, each {@code X} (an input) or a gate in Polish notation whose
 * arguments {@code &1^j} are zero-indexed unary pointers to earlier nodes. Two gate grammars, which
 * may be mixed:
 * <ul>
 *   <li>threshold: {@code >= 1^k 0^(m-k) args} (at least k of the m arguments are true) and
 *       {@code <= 1^k 0^(m-k) args} (at most k); the unary NOT is {@code <= 0 &j}, and the paper's
 *       own example spelling {@code <= 00 &j} is accepted too;</li>
 *   <li>AND/OR/NOT: {@code AND args}, {@code OR args}, {@code NOT arg}.</li>
 * </ul>
 * Whitespace is for readability only and may appear anywhere or nowhere. The last node is the
 * output. As an extension (the convention of Merrill and Sabharwal, NeurIPS 2023, section 5.1), a
 * comment line {@code # outputs: K} makes the last K nodes the outputs, in order; other
 * {@code #} comments are ignored. Inputs are named {@code x0, x1, ...} in order of appearance,
 * outputs {@code y0, y1, ...}.
 */
public final class PrefixReader {
    private static final int INPUT = 0, GE = 1, LE = 2, AND = 3, OR = 4, NOT = 5;

    private final byte[] d;
    private final String file;
    private byte[] s; // the text without whitespace and comments
    private int[] at; // original offset of each byte of s
    private int len;
    private int p;
    private int outputs = 1;

    private PrefixReader(byte[] data, String file) {
        this.d = data;
        this.file = file;
    }

    public static Circuit read(byte[] data, String file) throws CircuitFormatException {
        return new PrefixReader(data, file).parse();
    }

    private Circuit parse() throws CircuitFormatException {
        compact();
        IntArrayList kind = new IntArrayList();
        IntArrayList k = new IntArrayList();
        IntArrayList argStart = new IntArrayList(new int[] {0});
        IntArrayList args = new IntArrayList();
        while (p < len) {
            int node = kind.size();
            int begin = p;
            byte c = s[p];
            int type;
            int kval = 0;
            if (c == 'X') {
                p++;
                type = INPUT;
            } else if (c == '<' || c == '>') {
                type = c == '<' ? LE : GE;
                p++;
                if (p >= len || s[p] != '=') throw error(p, "expected '=' after '" + (char) c + "'");
                p++;
                int ones = run('1'), zeros = run('0');
                int m = ones + zeros;
                int n = arguments(node, args);
                if (n != m) {
                    strayAfterArguments(node);
                    boolean papersNot = type == LE && ones == 0 && zeros == 2 && n == 1;
                    if (!papersNot) {
                        throw error(
                                begin,
                                "gate " + node + ": the unary threshold 1^" + ones + " 0^" + zeros + " announces " + m
                                        + " arguments, but " + n + " follow");
                    }
                }
                kval = ones;
            } else if (keyword("AND")) {
                type = AND;
                arguments(node, args);
            } else if (keyword("OR")) {
                type = OR;
                arguments(node, args);
            } else if (keyword("NOT")) {
                type = NOT;
                int n = arguments(node, args);
                if (n != 1) strayAfterArguments(node);
                if (n != 1) throw error(begin, "gate " + node + ": NOT takes one argument, found " + n);
            } else {
                throw error(p, "expected a node: X, >=, <=, AND, OR or NOT, found " + describe(at[p]));
            }
            kind.add(type);
            k.add(kval);
            argStart.add(args.size());
        }
        int nodes = kind.size();
        if (nodes == 0) throw CircuitFormatException.of(file, "no nodes: expected at least one X or gate");
        if (outputs > nodes) {
            throw CircuitFormatException.of(
                    file, "'# outputs: " + outputs + "' but the circuit has only " + nodes + " nodes");
        }
        try {
            return build(kind, k, argStart, args, nodes);
        } catch (IllegalArgumentException | IllegalStateException e) { // the builder's limits
            throw CircuitFormatException.of(file, e.getMessage());
        }
    }

    private Circuit build(IntArrayList kind, IntArrayList k, IntArrayList argStart, IntArrayList args, int nodes) {
        CircuitBuilder b = new CircuitBuilder();
        int[] lit = new int[nodes];
        int in = 0;
        for (int v = 0; v < nodes; v++) if (kind.getInt(v) == INPUT) lit[v] = b.input("x" + in++);
        for (int v = 0; v < nodes; v++) {
            int type = kind.getInt(v);
            if (type == INPUT) continue;
            int as = argStart.getInt(v), ae = argStart.getInt(v + 1), m = ae - as;
            int[] ops = new int[m];
            for (int i = 0; i < m; i++) ops[i] = lit[args.getInt(as + i)];
            lit[v] = switch (type) {
                case GE -> m == 0 ? Literal.TRUE : b.threshold(k.getInt(v), ops);
                case LE -> {
                    // at most k of m true  <=>  at least m - k of the negations true
                    if (m == 0) yield Literal.TRUE;
                    for (int i = 0; i < m; i++) ops[i] ^= 1;
                    yield b.threshold(Math.max(0, m - k.getInt(v)), ops);
                }
                case AND -> b.and(ops);
                case OR -> b.or(ops);
                default -> CircuitBuilder.not(ops[0]);
            };
        }
        for (int o = 0; o < outputs; o++) b.output("y" + o, lit[nodes - outputs + o]);
        return b.build();
    }

    /** Reads {@code &1^j} pointers while they follow; each must name an earlier node. */
    private int arguments(int node, IntArrayList args) throws CircuitFormatException {
        int n = 0;
        while (p < len && s[p] == '&') {
            int begin = p++;
            int j = run('1');
            if (j >= node) {
                throw error(
                        begin,
                        "gate " + node + ": argument &1^" + j + " points to node " + j + ", but only nodes 0.."
                                + (node - 1) + " come before it");
            }
            args.add(j);
            n++;
        }
        return n;
    }

    /**
     * When a gate's arguments stop short because of a byte that starts no node, that byte is the
     * fault, not the count: reports it where it is rather than at the gate.
     */
    private void strayAfterArguments(int node) throws CircuitFormatException {
        if (p < len && "X<>ANO01".indexOf(s[p]) < 0) { // 0 and 1: a malformed unary count, which the count reports
            throw error(
                    p, "gate " + node + ": expected an argument '&1...' or the next node, found " + describe(at[p]));
        }
    }

    private int run(char c) {
        int st = p;
        while (p < len && s[p] == c) p++;
        return p - st;
    }

    private boolean keyword(String w) {
        if (p + w.length() > len) return false;
        for (int i = 0; i < w.length(); i++) if (s[p + i] != w.charAt(i)) return false;
        p += w.length();
        return true;
    }

    /** Drops whitespace and comments, remembering where each kept byte came from. */
    private void compact() throws CircuitFormatException {
        s = new byte[d.length];
        at = new int[d.length];
        boolean directive = false;
        for (int i = 0; i < d.length; i++) {
            byte c = d[i];
            if (c == '#') {
                int e = i;
                while (e < d.length && d[e] != '\n') e++;
                directive |= directive(i + 1, e, directive);
                i = e;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') continue;
            s[len] = c;
            at[len++] = i;
        }
    }

    /** Parses {@code # outputs: K} between {@code from} and {@code to}; true if it was one. */
    private boolean directive(int from, int to, boolean seen) throws CircuitFormatException {
        int i = from;
        while (i < to && (d[i] == ' ' || d[i] == '\t')) i++;
        String key = "outputs:";
        if (to - i < key.length()) return false;
        for (int j = 0; j < key.length(); j++) if (d[i + j] != key.charAt(j)) return false;
        i += key.length();
        while (i < to && (d[i] == ' ' || d[i] == '\t')) i++;
        long v = 0;
        int st = i;
        while (i < to && d[i] >= '0' && d[i] <= '9' && v <= Integer.MAX_VALUE) v = v * 10 + (d[i++] - '0');
        while (i < to && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r')) i++;
        if (i == st || i != to || v < 1 || v > Integer.MAX_VALUE) {
            throw CircuitFormatException.atOffset(file, from - 1, "expected '# outputs: K' with a count K >= 1");
        }
        if (seen) throw CircuitFormatException.atOffset(file, from - 1, "'# outputs:' given twice");
        outputs = (int) v;
        return true;
    }

    /** The character at an offset of the file: itself if printable ASCII, its code point if UTF-8, else the byte. */
    private String describe(int off) {
        int c = d[off] & 0xff;
        if (c >= 0x21 && c < 0x7f) return "'" + (char) c + "'";
        int n = c >= 0xf8 ? 0 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
        if (c < 0x80 || n == 0 || off + n > d.length) return String.format("byte 0x%02x", c);
        var dec = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            String ch = dec.decode(java.nio.ByteBuffer.wrap(d, off, n)).toString();
            return String.format("'%s' (U+%04X)", ch, ch.codePointAt(0));
        } catch (java.nio.charset.CharacterCodingException e) {
            return String.format("byte 0x%02x", c);
        }
    }

    private CircuitFormatException error(int compactPos, String msg) {
        int off = compactPos < len ? at[compactPos] : d.length;
        return CircuitFormatException.atOffset(file, off, msg);
    }
}
