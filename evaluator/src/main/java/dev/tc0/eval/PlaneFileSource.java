package dev.tc0.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a plane file in ABC's {@code &lnetsim} layout (see {@link PlaneFiles}) tile by tile with
 * positional reads, so memory stays at one tile whatever the file size.
 */
public final class PlaneFileSource implements InputSource {
    private final Path file;
    private final int inputs;
    private final long wordsPerPlane;
    private final FileChannel channel;

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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
