package dev.tc0.eval;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file access to plane files in ABC's {@code &lnetsim} layout: plane-major (all words of
 * input 0, then all words of input 1, ...), each word a little-endian uint64 whose bit {@code b}
 * is pattern {@code 64*w + b}. The streaming sources and sinks use the same layout.
 */
public final class PlaneFiles {
    private PlaneFiles() {}

    /** Reads {@code planes} planes; the file size must be a multiple of {@code planes * 8}. */
    public static long[][] read(Path file, int planes) throws IOException {
        long size = Files.size(file);
        if (planes <= 0) throw new IOException(file + ": need at least one plane");
        if (size % (8L * planes) != 0) {
            throw new IOException(
                    file + ": " + size + " bytes is not a whole number of words for " + planes + " planes");
        }
        long words = size / (8L * planes);
        if (words > Integer.MAX_VALUE - 8) throw new IOException(file + ": planes too long to hold in memory");
        long[][] out = new long[planes][(int) words];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            int p = 0, w = 0;
            while (p < planes) {
                buf.clear();
                while (buf.hasRemaining() && ch.read(buf) >= 0) {}
                buf.flip();
                if (buf.remaining() < 8) throw new IOException(file + ": truncated");
                while (buf.remaining() >= 8 && p < planes) {
                    out[p][w++] = buf.getLong();
                    if (w == words) {
                        w = 0;
                        p++;
                    }
                }
            }
        }
        return out;
    }

    /** Writes planes of equal length as one output ({@link AtomicOutput}: complete or not at all). */
    public static void write(Path file, long[][] planes) throws IOException {
        AtomicOutput.write(file, out -> {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (long[] plane : planes) {
                for (long word : plane) {
                    if (buf.remaining() < 8) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putLong(word);
                }
            }
            out.write(buf.array(), 0, buf.position());
        });
    }
}
