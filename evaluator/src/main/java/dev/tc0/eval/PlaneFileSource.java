package dev.tc0.eval;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a plane file in ABC's {@code &lnetsim} layout (see {@link PlaneFiles}) tile by tile.
 * The file is mapped read-only and each tile copied out of the mapping: read with one positional
 * read per input and tile, a 32-word tile of hyp's 256 inputs was 256 reads of 256 bytes, and
 * filling took two thirds as long as the native kernels (0.51-0.57 s against 0.72-0.77 s on 2^22
 * patterns). Where the file cannot be mapped (a file system without it), it is read as before;
 * memory stays at one tile either way, whatever the file's size.
 */
public final class PlaneFileSource implements InputSource {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path file;
    private final int inputs;
    private final long wordsPerPlane;
    private final FileChannel channel;
    /** The mapping and its arena, or null when the file is read. */
    private final Arena arena;

    private final MemorySegment mapped;

    public PlaneFileSource(Path file, int inputs) throws IOException {
        this.file = file;
        this.inputs = inputs;
        long size = Files.size(file);
        if (inputs == 0) throw new IOException(file + ": a plane file needs a circuit with inputs");
        if (size % (8L * inputs) != 0) {
            throw new IOException(file + ": " + size + " bytes is not a whole number of 8-byte words for " + inputs
                    + " input planes");
        }
        this.wordsPerPlane = size / (8L * inputs);
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        Arena a = null;
        MemorySegment m = null;
        if (size > 0) {
            try {
                a = Arena.ofShared();
                m = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, a);
            } catch (IOException | UnsupportedOperationException e) {
                if (a != null) a.close(); // not mappable here: positional reads
                a = null;
                m = null;
            }
        }
        this.arena = a;
        this.mapped = m;
    }

    @Override
    public int numInputs() {
        return inputs;
    }

    @Override
    public long count() {
        return wordsPerPlane * 64;
    }

    @Override
    public boolean randomAccess() {
        return true;
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) throws IOException {
        long w0 = first >>> 6;
        int have = (int) Math.max(0, Math.min(words, wordsPerPlane - w0));
        if (mapped != null) return copy(w0, have, words, dst, offset);
        ByteBuffer buf = ByteBuffer.allocate(Math.max(8, have * 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < inputs; i++) {
            int o = offset[i];
            if (o < 0) continue;
            buf.clear().limit(have * 8);
            long pos = (i * wordsPerPlane + w0) * 8;
            while (buf.hasRemaining()) {
                int r = channel.read(buf, pos + buf.position());
                if (r < 0) throw new IOException(file + ": truncated at byte " + (pos + buf.position()));
            }
            buf.flip();
            for (int w = 0; w < have; w++) dst[o + w] = buf.getLong();
            for (int w = have; w < words; w++) dst[o + w] = 0;
        }
        return have * 64;
    }

    private int copy(long w0, int have, int words, long[] dst, int[] offset) throws IOException {
        try {
            for (int i = 0; i < inputs; i++) {
                int o = offset[i];
                if (o < 0) continue;
                MemorySegment.copy(mapped, WORD, (i * wordsPerPlane + w0) * 8, dst, o, have);
                java.util.Arrays.fill(dst, o + have, o + words, 0L);
            }
        } catch (InternalError e) {
            // the JVM's answer to a fault in a mapping: the file shrank under us
            throw new IOException(file + ": changed while being read (" + e.getMessage() + ")");
        }
        return have * 64;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (arena != null) arena.close();
        }
    }
}
