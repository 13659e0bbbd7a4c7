package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * tc0's own binary circuit format ({@code .tc0}): the {@link Circuit}'s arrays as they are, so
 * loading is one read, a checksum, bulk copies and {@link Circuit#of}'s validation. All numbers are
 * little-endian. A file whose gates read the constant node (tc0 writes none) is read with its
 * constants folded ({@link CircuitBuilder#foldConstants}).
 *
 * <pre>
 * offset  size        field
 *      0  8           magic 89 54 43 30 0D 0A 1A 0A ("\x89TC0\r\n\x1a\n": binary, catches text-mode mangling)
 *      8  4           version (1)
 *     12  4           flags: bit 0 set when weights are present
 *     16  4           I  inputs
 *     20  4           G  gates
 *     24  4           O  outputs
 *     28  4           E  operand edges
 *     32  4           N  bytes of the name table
 *     36  4           reserved, 0
 *     40  G           gate kinds (GateKind ordinals)
 *         4 (G + 1)   operand offsets: gate g's operands are [start[g], start[g+1])
 *         4 E         operand literals
 *         8 E         weights (only when flag bit 0 is set)
 *         8 G         thresholds
 *         4 O         output literals
 *         N           names: I input names then O output names, each a 4-byte length and UTF-8 bytes
 *         4           CRC-32 of every byte before it
 * </pre>
 * The counts determine the file size exactly; a file whose size differs is refused before anything
 * is allocated, so a forged header cannot ask for more memory than the file itself holds.
 */
public final class Tc0Binary {
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'C', '0', '\r', '\n', 0x1a, '\n'};
    static final int VERSION = 1;
    static final int HEADER = 40;
    private static final int FLAG_WEIGHTS = 1;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Tc0Binary() {}

    static boolean hasMagic(byte[] d) {
        if (d.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) if (d[i] != MAGIC[i]) return false;
        return true;
    }

    public static Circuit read(byte[] d, String file) throws CircuitFormatException {
        if (!hasMagic(d))
            throw CircuitFormatException.atOffset(
                    file, 0, "not a tc0 circuit file: expected the magic bytes \\x89TC0\\r\\n\\x1a\\n");
        if (d.length < HEADER + 4) {
            throw CircuitFormatException.atOffset(file, d.length, "file ends inside the " + HEADER + "-byte header");
        }
        MemorySegment seg = MemorySegment.ofArray(d);
        int version = seg.get(I32, 8);
        if (version != VERSION) {
            throw CircuitFormatException.atOffset(
                    file,
                    8,
                    "unsupported tc0 format version " + Integer.toUnsignedString(version)
                            + " (this reader knows version " + VERSION + ")");
        }
        int flags = seg.get(I32, 12);
        if ((flags & ~FLAG_WEIGHTS) != 0)
            throw CircuitFormatException.atOffset(file, 12, "unknown flags 0x" + Integer.toHexString(flags));
        long in = Integer.toUnsignedLong(seg.get(I32, 16));
        long gates = Integer.toUnsignedLong(seg.get(I32, 20));
        long outs = Integer.toUnsignedLong(seg.get(I32, 24));
        long edges = Integer.toUnsignedLong(seg.get(I32, 28));
        long nameBytes = Integer.toUnsignedLong(seg.get(I32, 32));
        if (seg.get(I32, 36) != 0) throw CircuitFormatException.atOffset(file, 36, "reserved header field is not 0");
        boolean weights = (flags & FLAG_WEIGHTS) != 0;
        long expected = HEADER
                + gates
                + 4 * (gates + 1)
                + 4 * edges
                + (weights ? 8 * edges : 0)
                + 8 * gates
                + 4 * outs
                + nameBytes
                + 4;
        if (expected != d.length) {
            throw CircuitFormatException.atOffset(
                    file,
                    16,
                    "header counts (" + in + " inputs, " + gates + " gates, " + outs
                            + " outputs, " + edges + " edges, " + nameBytes + " name bytes) need a file of " + expected
                            + " bytes, but it has " + d.length);
        }
        if (4 * (in + outs) > nameBytes) {
            throw CircuitFormatException.atOffset(
                    file, 32, "name table of " + nameBytes + " bytes cannot hold " + (in + outs) + " names");
        }
        CRC32 crc = new CRC32();
        crc.update(d, 0, d.length - 4);
        int stored = seg.get(I32, d.length - 4);
        if ((int) crc.getValue() != stored) {
            throw CircuitFormatException.atOffset(file, d.length - 4, "checksum mismatch: the file is damaged");
        }
        int g = (int) gates, e = (int) edges;
        long p = HEADER;
        byte[] kind = new byte[g];
        System.arraycopy(d, (int) p, kind, 0, g);
        p += g;
        int[] start = new int[g + 1];
        MemorySegment.copy(seg, I32, p, start, 0, g + 1);
        p += 4L * (g + 1);
        // Circuit.of reads a gate's operands before it checks that the next offset does not fall,
        // so offsets past the operand array must be refused here.
        for (int k = 0; k < g; k++) {
            if (start[k + 1] < start[k] || Integer.toUnsignedLong(start[k + 1]) > e) {
                throw CircuitFormatException.atOffset(
                        file,
                        p - 4L * (g + 1) + 4L * (k + 1),
                        "gate " + k + ": operand offsets " + start[k] + ".." + start[k + 1] + " do not rise within the "
                                + e + " operands");
            }
        }
        int[] operand = new int[e];
        MemorySegment.copy(seg, I32, p, operand, 0, e);
        p += 4L * e;
        long[] weight = null;
        if (weights) {
            weight = new long[e];
            MemorySegment.copy(seg, I64, p, weight, 0, e);
            p += 8L * e;
        }
        long[] threshold = new long[g];
        MemorySegment.copy(seg, I64, p, threshold, 0, g);
        p += 8L * g;
        int[] outputs = new int[(int) outs];
        MemorySegment.copy(seg, I32, p, outputs, 0, (int) outs);
        p += 4L * outs;
        String[] inNames = new String[(int) in];
        String[] outNames = new String[(int) outs];
        long end = d.length - 4;
        for (int i = 0; i < in + outs; i++) {
            if (p + 4 > end) throw CircuitFormatException.atOffset(file, p, "name table ends early");
            long n = Integer.toUnsignedLong(seg.get(I32, p));
            if (p + 4 + n > end)
                throw CircuitFormatException.atOffset(file, p, "name of " + n + " bytes runs past the name table");
            String s = new String(d, (int) p + 4, (int) n, StandardCharsets.UTF_8);
            if (i < in) inNames[i] = s;
            else outNames[(int) (i - in)] = s;
            p += 4 + n;
        }
        if (p != end) throw CircuitFormatException.atOffset(file, p, (end - p) + " unused bytes after the names");
        try {
            // A gate reading the constant node is folded here, where the circuit is made, as the
            // other readers fold it: a plan has no slot for the constant.
            return CircuitBuilder.foldConstants(
                    Circuit.of((int) in, kind, start, operand, weight, threshold, outputs, inNames, outNames));
        } catch (IllegalArgumentException ex) {
            throw CircuitFormatException.of(file, "not a valid circuit: " + ex.getMessage());
        }
    }

    public static void write(Circuit c, OutputStream out) throws IOException {
        Out o = new Out(out);
        int g = c.numGates();
        long e = c.numEdges();
        byte[][] names = new byte[c.numInputs() + c.numOutputs()][];
        long nameBytes = 0;
        for (int i = 0; i < names.length; i++) {
            String s = i < c.numInputs() ? c.inputName(i) : c.outputName(i - c.numInputs());
            names[i] = s.getBytes(StandardCharsets.UTF_8);
            nameBytes += 4 + names[i].length;
        }
        if (nameBytes > Integer.MAX_VALUE) throw new IOException("names take more than 2 GiB");
        for (byte b : MAGIC) o.b(b);
        o.i(VERSION);
        o.i(c.hasWeights() ? FLAG_WEIGHTS : 0);
        o.i(c.numInputs());
        o.i(g);
        o.i(c.numOutputs());
        o.i((int) e);
        o.i((int) nameBytes);
        o.i(0);
        for (int k = 0; k < g; k++) o.b((byte) c.kindCode(k));
        for (int k = 0; k < g; k++) o.i(c.operandStart(k));
        o.i((int) e);
        for (int k = 0; k < g; k++) for (int i = 0; i < c.fanIn(k); i++) o.i(c.operand(k, i));
        if (c.hasWeights()) for (int k = 0; k < g; k++) for (int i = 0; i < c.fanIn(k); i++) o.l(c.weight(k, i));
        for (int k = 0; k < g; k++) o.l(c.threshold(k));
        for (int k = 0; k < c.numOutputs(); k++) o.i(c.output(k));
        for (byte[] n : names) {
            o.i(n.length);
            for (byte b : n) o.b(b);
        }
        o.finish();
    }

    /** A little-endian writer that keeps the CRC-32 of everything written. */
    private static final class Out {
        private final OutputStream out;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32 crc = new CRC32();

        Out(OutputStream out) {
            this.out = out;
        }

        void b(byte v) throws IOException {
            room(1);
            buf.put(v);
        }

        void i(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void l(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) drain();
        }

        private void drain() throws IOException {
            crc.update(buf.array(), 0, buf.position());
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }

        void finish() throws IOException {
            drain();
            buf.putInt((int) crc.getValue());
            out.write(buf.array(), 0, 4);
            buf.clear();
            out.flush();
        }
    }
}
