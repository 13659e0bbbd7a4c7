package dev.tc0.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            throw new IOException(file + ": " + size + " bytes is not a whole number of words for " + planes + " planes");
        }
        long words = size / (8L * planes);
        if (words > Integer.MAX_VALUE - 8) throw new IOException(file + ": planes too long to hold in memory");
        long[][] out = new long[planes][(int) words];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            int p = 0, w = 0;
            while (p < planes) {
                buf.clear();
                while (buf.hasRemaining() && ch.read(buf) >= 0) { }
                buf.flip();
                if (buf.remaining() < 8) throw new IOException(file + ": truncated");
                while (buf.remaining() >= 8 && p < planes) {
                    out[p][w++] = buf.getLong();
                    if (w == words) { w = 0; p++; }
                }
            }
        }
        return out;
    }

    /** Writes planes of equal length, through a temporary file renamed into place. */
    public static void write(Path file, long[][] planes) throws IOException {
        Path tmp = tempSibling(file);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (long[] plane : planes) {
                for (long word : plane) {
                    if (buf.remaining() < 8) { buf.flip(); while (buf.hasRemaining()) ch.write(buf); buf.clear(); }
                    buf.putLong(word);
                }
            }
            buf.flip();
            while (buf.hasRemaining()) ch.write(buf);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A temporary name beside {@code file}, so the final rename stays on one file system. */
    public static Path tempSibling(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
    }
}
