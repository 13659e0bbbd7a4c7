package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.CircuitFormatException.quote;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads combinational BLIF with one model: {@code .model}, {@code .inputs}, {@code .outputs},
 * {@code .names} with single-output covers, {@code .end}. A cover lists cubes over {@code 0 1 -}
 * with output value 1 (the on-set: the function is the OR of the cubes) or 0 (the off-set: its
 * complement); a cover without cubes is constant 0, {@code .names x} followed by {@code 1} is
 * constant 1. {@code \} continues a line, {@code #} starts a comment. Signals may be used before
 * they are defined. Latches, subcircuits, library gates and don't-care networks are refused;
 * SIS timing annotations are ignored.
 */
public final class BlifReader {
    private static final Set<String> UNSUPPORTED = Set.of(
            ".latch",
            ".subckt",
            ".gate",
            ".mlatch",
            ".exdc",
            ".clock",
            ".search",
            ".start_kiss",
            ".end_kiss",
            ".fsm",
            ".blackbox",
            ".conn");
    /** Annotations that do not change the function. */
    private static final Set<String> IGNORED = Set.of(
            ".area",
            ".delay",
            ".wire_load_slope",
            ".wire",
            ".input_arrival",
            ".output_required",
            ".default_input_arrival",
            ".default_output_required",
            ".input_drive",
            ".default_input_drive",
            ".output_load",
            ".default_output_load",
            ".max_input_load",
            ".default_max_input_load",
            ".cname",
            ".attr",
            ".param");

    private final byte[] d;
    private final String file;
    private int pos;
    private int physLine = 1;
    private int line; // first physical line of the current logical line
    private final IntArrayList tok = new IntArrayList(); // start, end pairs of the current line

    // Covers: definition d has rows[d] cubes of fanIn(d) characters from cubeStart[d] in cubes.
    private final ByteArrayList cubes = new ByteArrayList();
    private final IntArrayList cubeStart = new IntArrayList();
    private final IntArrayList rows = new IntArrayList();
    private final ByteArrayList outValue = new ByteArrayList(); // -1 until the first cube

    private BlifReader(byte[] data, String file) {
        this.d = data;
        this.file = file;
    }

    public static Circuit read(byte[] data, String file) throws CircuitFormatException {
        return new BlifReader(data, file).parse();
    }

    private Circuit parse() throws CircuitFormatException {
        NamedNetlist net = new NamedNetlist(file, ".names");
        boolean model = false;
        int def = -1; // the .names whose cover rows follow
        while (nextLine()) {
            int t0 = tok.getInt(0);
            if (d[t0] == '.') {
                String cmd = token(0);
                def = -1;
                switch (cmd) {
                    case ".model" -> {
                        if (model) throw error("a second .model: tc0 reads BLIF files with one model only");
                        model = true;
                    }
                    case ".inputs" -> {
                        for (int i = 1; i < count(); i++) net.addInput(token(i), line);
                    }
                    case ".outputs" -> {
                        for (int i = 1; i < count(); i++) net.addOutput(token(i), line);
                    }
                    case ".names" -> {
                        if (count() < 2) throw error(".names needs at least an output signal");
                        def = net.addDefinition(token(count() - 1), line);
                        for (int i = 1; i < count() - 1; i++) net.addFanin(token(i));
                        cubeStart.add(cubes.size());
                        rows.add(0);
                        outValue.add((byte) -1);
                    }
                    case ".end" -> {
                        return build(net);
                    }
                    default -> {
                        if (UNSUPPORTED.contains(cmd)) {
                            throw error(
                                    quote(cmd) + " is not supported: tc0 reads combinational BLIF (.model, .inputs, "
                                            + ".outputs, .names, .end)");
                        }
                        if (!IGNORED.contains(cmd)) throw error("unknown BLIF command " + quote(cmd));
                    }
                }
            } else {
                if (def < 0) throw error("cover row " + quote(token(0)) + " outside a .names");
                coverRow(net, def);
            }
        }
        return build(net); // .end is optional at the end of the file
    }

    private void coverRow(NamedNetlist net, int def) throws CircuitFormatException {
        int n = net.fanIn(def);
        int last = count() - 1;
        int os = tok.getInt(2 * last), oe = tok.getInt(2 * last + 1);
        if (oe - os != 1 || (d[os] != '0' && d[os] != '1')) {
            throw error("expected the output value 0 or 1 at the end of the cover row, found " + quote(token(last)));
        }
        int chars = 0;
        for (int i = 0; i < last; i++) {
            int s = tok.getInt(2 * i), e = tok.getInt(2 * i + 1);
            for (int p = s; p < e; p++) {
                byte c = d[p];
                if (c != '0' && c != '1' && c != '-') {
                    throw error("cover row for " + quote(net.definedName(def)) + ": expected 0, 1 or -, found "
                            + quote(String.valueOf((char) (c & 0xff))));
                }
                cubes.add(c);
                chars++;
            }
        }
        if (chars != n) {
            cubes.size(cubes.size() - chars);
            throw error(
                    "cover row for " + quote(net.definedName(def)) + " has " + chars + " input columns, expected " + n);
        }
        byte v = (byte) (d[os] - '0');
        byte prev = outValue.getByte(def);
        if (prev >= 0 && prev != v) {
            throw error("cover of " + quote(net.definedName(def)) + " mixes on-set (1) and off-set (0) rows");
        }
        outValue.set(def, v);
        rows.set(def, rows.getInt(def) + 1);
    }

    private Circuit build(NamedNetlist net) throws CircuitFormatException {
        byte[] cube = cubes.elements();
        return net.build((CircuitBuilder b, int def, int[] in) -> {
            int n = in.length, r = rows.getInt(def), base = cubeStart.getInt(def);
            if (r == 0) return Literal.FALSE;
            int[] terms = new int[r];
            int[] lits = new int[n];
            for (int k = 0; k < r; k++) {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    byte c = cube[base + k * n + i];
                    if (c == '1') lits[m++] = in[i];
                    else if (c == '0') lits[m++] = CircuitBuilder.not(in[i]);
                }
                terms[k] = b.and(java.util.Arrays.copyOf(lits, m));
            }
            int f = b.or(terms);
            return outValue.getByte(def) == 1 ? f : CircuitBuilder.not(f);
        });
    }

    // ---- lexing: logical lines of whitespace-separated tokens ----

    /** Reads the next non-empty logical line into {@link #tok}; false at the end of the file. */
    private boolean nextLine() throws CircuitFormatException {
        tok.clear();
        line = physLine;
        int n = d.length;
        while (pos < n) {
            byte c = d[pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
                continue;
            }
            if (c == '\n') {
                pos++;
                physLine++;
                if (!tok.isEmpty()) return true;
                line = physLine;
                continue;
            }
            if (c == '#') {
                while (pos < n && d[pos] != '\n') pos++;
                continue;
            }
            if (c == '\\' && continuation(pos + 1)) continue;
            int s = pos, e = -1;
            while (pos < n) {
                c = d[pos];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '#') break;
                if (c == '\\') {
                    int at = pos;
                    if (continuation(pos + 1)) {
                        e = at;
                        break;
                    }
                }
                if ((c >= 0 && c < 0x20) || c == 0x7f) {
                    throw CircuitFormatException.atLine(
                            file, physLine, String.format("unexpected byte 0x%02x", c & 0xff));
                }
                pos++;
            }
            if (e < 0) e = pos;
            if (e > s) {
                tok.add(s);
                tok.add(e);
            }
        }
        return !tok.isEmpty();
    }

    /**
     * If only blanks follow {@code p} up to the end of the line, skips past that line end (the
     * backslash before {@code p} joins the lines) and returns true.
     */
    private boolean continuation(int p) {
        while (p < d.length && (d[p] == ' ' || d[p] == '\t' || d[p] == '\r')) p++;
        if (p < d.length && d[p] != '\n') return false;
        pos = Math.min(p + 1, d.length);
        if (p < d.length) physLine++;
        return true;
    }

    private int count() {
        return tok.size() / 2;
    }

    private String token(int i) {
        int s = tok.getInt(2 * i);
        return new String(d, s, tok.getInt(2 * i + 1) - s, StandardCharsets.UTF_8);
    }

    private CircuitFormatException error(String msg) {
        return CircuitFormatException.atLine(file, line, msg);
    }
}
