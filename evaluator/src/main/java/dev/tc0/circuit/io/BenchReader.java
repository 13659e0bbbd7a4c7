package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.CircuitFormatException.quote;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import java.nio.charset.StandardCharsets;

/**
 * Reads ISCAS {@code .bench} netlists: {@code INPUT(x)}, {@code OUTPUT(y)} and
 * {@code y = GATE(a, b, ...)} with GATE one of AND, NAND, OR, NOR, XOR, XNOR (any fan-in), NOT,
 * BUFF or BUF (fan-in 1); keywords in any case, {@code #} comments, one statement per line.
 * Definitions may come in any order; cycles, duplicate definitions and undefined signals are
 * rejected. An OUTPUT may name an input, and a signal may be listed as output more than once.
 * AND/OR/XOR-type gates with no inputs are read as their constants (AND() is true), which tc0's
 * writer uses for constants in circuits without inputs. DFF is refused: tc0 is combinational.
 */
public final class BenchReader {
    static final String[] GATES = {"AND", "NAND", "OR", "NOR", "XOR", "XNOR", "NOT", "BUFF", "BUF"};
    private static final int AND = 0, NAND = 1, OR = 2, NOR = 3, XOR = 4, XNOR = 5, NOT = 6, BUFF = 7, BUF = 8;

    private final byte[] d;
    private final String file;
    private int line;
    private int pos; // cursor within the current line
    private int end; // end of the current line (exclusive, before '#' or '\n')

    private BenchReader(byte[] data, String file) {
        this.d = data;
        this.file = file;
    }

    public static Circuit read(byte[] data, String file) throws CircuitFormatException {
        return new BenchReader(data, file).parse();
    }

    private Circuit parse() throws CircuitFormatException {
        NamedNetlist net = new NamedNetlist(file, "gate");
        ByteArrayList types = new ByteArrayList();
        int p = 0;
        while (p < d.length) {
            line++;
            int nl = p;
            while (nl < d.length && d[nl] != '\n') nl++;
            pos = p;
            end = nl;
            for (int i = p; i < nl; i++) {
                if (d[i] == '#') {
                    end = i;
                    break;
                }
            }
            p = nl + 1;
            skipSpace();
            if (pos == end) continue;
            String first = name("a statement");
            skipSpace();
            if (peek() == '=') {
                pos++;
                skipSpace();
                String type = name("a gate type after '='");
                int t = gateType(type);
                expect('(');
                int def = net.addDefinition(first, line);
                types.add((byte) t);
                skipSpace();
                if (peek() != ')') {
                    while (true) {
                        net.addFanin(name("a signal name"));
                        skipSpace();
                        if (peek() == ',') {
                            pos++;
                            skipSpace();
                            continue;
                        }
                        break;
                    }
                }
                expect(')');
                int k = net.fanIn(def);
                if ((t == NOT || t == BUFF || t == BUF) && k != 1) {
                    throw error("gate " + quote(first) + ": " + GATES[t] + " takes exactly one input, found " + k);
                }
            } else if (first.equalsIgnoreCase("INPUT") || first.equalsIgnoreCase("OUTPUT")) {
                expect('(');
                String n = name("a signal name");
                expect(')');
                if (first.equalsIgnoreCase("INPUT")) net.addInput(n, line);
                else net.addOutput(n, line);
            } else {
                throw error("expected INPUT(name), OUTPUT(name) or name = GATE(inputs), found " + quote(first));
            }
            skipSpace();
            if (pos != end) throw error("unexpected " + describe(d[pos]) + " after the statement");
        }
        return net.build((CircuitBuilder b, int def, int[] in) -> switch (types.getByte(def)) {
            case AND -> b.and(in);
            case NAND -> CircuitBuilder.not(b.and(in));
            case OR -> b.or(in);
            case NOR -> CircuitBuilder.not(b.or(in));
            case XOR -> b.xor(in);
            case XNOR -> CircuitBuilder.not(b.xor(in));
            case NOT -> CircuitBuilder.not(in[0]);
            default -> in[0];
        });
    }

    private int gateType(String type) throws CircuitFormatException {
        for (int i = 0; i < GATES.length; i++) if (GATES[i].equalsIgnoreCase(type)) return i;
        if (type.equalsIgnoreCase("DFF")) {
            throw error("DFF is not supported: tc0 reads combinational circuits only");
        }
        throw error("unknown gate type " + quote(type) + " (expected AND, NAND, OR, NOR, XOR, XNOR, NOT, BUFF or BUF)");
    }

    private void skipSpace() {
        while (pos < end && (d[pos] == ' ' || d[pos] == '\t' || d[pos] == '\r')) pos++;
    }

    private int peek() {
        return pos < end ? d[pos] : -1;
    }

    private void expect(char c) throws CircuitFormatException {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "', found " + (pos < end ? describe(d[pos]) : "end of line"));
        }
        pos++;
        skipSpace();
    }

    private String name(String what) throws CircuitFormatException {
        int s = pos;
        while (pos < end) {
            byte c = d[pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '(' || c == ')' || c == ',' || c == '=') break;
            if ((c >= 0 && c < 0x20) || c == 0x7f) throw error("unexpected " + describe(c));
            pos++;
        }
        if (pos == s) throw error("expected " + what + ", found " + (pos < end ? describe(d[pos]) : "end of line"));
        return new String(d, s, pos - s, StandardCharsets.UTF_8);
    }

    private static String describe(byte c) {
        return c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c & 0xff);
    }

    private CircuitFormatException error(String msg) {
        return CircuitFormatException.atLine(file, line, msg);
    }
}
