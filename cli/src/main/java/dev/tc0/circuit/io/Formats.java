package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.GateKind;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * TEMPORARY SHIM in module cli until the formats module lands on main; delete after merging.
 * Reads and writes ASCII AIGER (.aag) and a stand-in binary .tc0, with the real API's names.
 */
public final class Formats {
    private Formats() {}

    public static Circuit read(Path file) throws IOException, CircuitFormatException {
        String name = file.getFileName().toString();
        if (name.endsWith(".aag")) return readAag(file);
        if (name.endsWith(".tc0")) return readTc0(file);
        throw new CircuitFormatException(file + ": unknown circuit format (expected .aag or .tc0)");
    }

    public static void write(Circuit c, Path file) throws IOException, CircuitFormatException {
        String name = file.getFileName().toString();
        Path tmp = file.toAbsolutePath().resolveSibling("." + name + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            if (name.endsWith(".aag")) writeAag(c, file, tmp);
            else if (name.endsWith(".tc0")) writeTc0(c, tmp);
            else throw new CircuitFormatException(file + ": unknown circuit format (expected .aag or .tc0)");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Circuit readAag(Path file) throws IOException, CircuitFormatException {
        try {
            return parseAag(file);
        } catch (RuntimeException e) {
            throw new CircuitFormatException(file + ": malformed ASCII AIGER (" + e + ")");
        }
    }

    private static Circuit parseAag(Path file) throws IOException, CircuitFormatException {
        var lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String[] h = lines.get(0).trim().split("\\s+");
        if (h.length < 6 || !h[0].equals("aag")) throw new CircuitFormatException(file + ":1: not an ASCII AIGER header");
        int m = Integer.parseInt(h[1]), i = Integer.parseInt(h[2]), l = Integer.parseInt(h[3]);
        int o = Integer.parseInt(h[4]), a = Integer.parseInt(h[5]);
        if (l != 0) throw new CircuitFormatException(file + ":1: latches are not supported");
        CircuitBuilder b = new CircuitBuilder();
        int[] map = new int[2 * (m + 1)];
        map[0] = 0; map[1] = 1;
        for (int k = 0; k < i; k++) {
            int lit = Integer.parseInt(lines.get(1 + k).trim());
            int in = b.input("x" + k);
            map[lit] = in; map[lit ^ 1] = in ^ 1;
        }
        int[] outs = new int[o];
        for (int k = 0; k < o; k++) outs[k] = Integer.parseInt(lines.get(1 + i + k).trim());
        for (int k = 0; k < a; k++) {
            int ln = 1 + i + o + k;
            String[] t = lines.get(ln).trim().split("\\s+");
            int lhs = Integer.parseInt(t[0]), x = Integer.parseInt(t[1]), y = Integer.parseInt(t[2]);
            if (x >= lhs || y >= lhs) throw new CircuitFormatException(file + ":" + (ln + 1) + ": operands not below the gate");
            int g = b.and(map[x], map[y]);
            map[lhs] = g; map[lhs ^ 1] = g ^ 1;
        }
        for (int k = 0; k < o; k++) b.output("y" + k, map[outs[k]]);
        return b.build();
    }

    private static void writeAag(Circuit c, Path file, Path tmp) throws IOException, CircuitFormatException {
        for (int g = 0; g < c.numGates(); g++) {
            if (c.kind(g) != GateKind.AND || c.fanIn(g) != 2) {
                throw new CircuitFormatException(file + ": AIGER holds only two-input AND gates, gate " + g + " is "
                        + c.kind(g) + " of fan-in " + c.fanIn(g));
            }
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            int m = c.numInputs() + c.numGates();
            w.write("aag " + m + " " + c.numInputs() + " 0 " + c.numOutputs() + " " + c.numGates() + "\n");
            for (int i = 0; i < c.numInputs(); i++) w.write(2 * (i + 1) + "\n");
            for (int o = 0; o < c.numOutputs(); o++) w.write(c.output(o) + "\n");
            for (int g = 0; g < c.numGates(); g++) {
                w.write(2 * c.gateNode(g) + " " + c.operand(g, 0) + " " + c.operand(g, 1) + "\n");
            }
        }
    }

    private static void writeTc0(Circuit c, Path tmp) throws IOException {
        try (DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            d.writeInt(0x54433053);
            d.writeInt(c.numInputs());
            d.writeInt(c.numGates());
            d.writeInt(c.numOutputs());
            d.writeBoolean(c.hasWeights());
            for (int i = 0; i < c.numInputs(); i++) d.writeUTF(c.inputName(i));
            for (int o = 0; o < c.numOutputs(); o++) { d.writeInt(c.output(o)); d.writeUTF(c.outputName(o)); }
            for (int g = 0; g < c.numGates(); g++) {
                d.writeByte(c.kindCode(g));
                d.writeLong(c.threshold(g));
                d.writeInt(c.fanIn(g));
                for (int k = 0; k < c.fanIn(g); k++) {
                    d.writeInt(c.operand(g, k));
                    if (c.hasWeights()) d.writeLong(c.kind(g) == GateKind.WEIGHTED ? c.weight(g, k) : 1);
                }
            }
        }
    }

    private static Circuit readTc0(Path file) throws IOException, CircuitFormatException {
        try (DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (d.readInt() != 0x54433053) throw new CircuitFormatException(file + ": not a tc0 circuit file (bad magic)");
            int inputs = d.readInt(), gates = d.readInt(), outs = d.readInt();
            boolean weighted = d.readBoolean();
            String[] in = new String[inputs];
            for (int i = 0; i < inputs; i++) in[i] = d.readUTF();
            int[] out = new int[outs];
            String[] on = new String[outs];
            for (int o = 0; o < outs; o++) { out[o] = d.readInt(); on[o] = d.readUTF(); }
            byte[] kind = new byte[gates];
            long[] thr = new long[gates];
            int[] start = new int[gates + 1];
            var ops = new java.util.ArrayList<Integer>();
            var ws = new java.util.ArrayList<Long>();
            for (int g = 0; g < gates; g++) {
                kind[g] = d.readByte();
                thr[g] = d.readLong();
                int k = d.readInt();
                for (int e = 0; e < k; e++) {
                    ops.add(d.readInt());
                    if (weighted) ws.add(d.readLong());
                }
                start[g + 1] = ops.size();
            }
            int[] op = ops.stream().mapToInt(Integer::intValue).toArray();
            long[] w = weighted ? ws.stream().mapToLong(Long::longValue).toArray() : null;
            return Circuit.of(inputs, kind, start, op, w, thr, out, in, on);
        } catch (EOFException e) {
            throw new CircuitFormatException(file + ": truncated tc0 circuit file");
        } catch (IllegalArgumentException e) {
            throw new CircuitFormatException(file + ": " + e.getMessage());
        }
    }
}
