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
 * Writes output planes in ABC's {@code &lnetsim} layout (plane-major, little-endian words) with
 * positional writes, so the pattern count must be known in advance. The file is written under a
 * temporary name and renamed by {@link #finish}.
 */
public final class PlaneFileSink implements OutputSink {
    private final Path file;
    private final Path tmp;
    private final int outputs;
    private final long wordsPerPlane;
    private final FileChannel channel;
    private boolean finished;

    public PlaneFileSink(Path file, int outputs, long count) throws IOException {
        if (count < 0) throw new IOException(file + ": plane output needs a known pattern count");
        this.file = file;
        this.outputs = outputs;
        this.wordsPerPlane = (count + 63) >>> 6;
        this.tmp = PlaneFiles.tempSibling(file);
        this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public void accept(long first, int count, long[] tile, int words) throws IOException {
        int have = (count + 63) >>> 6;
        ByteBuffer buf = ByteBuffer.allocate(have * 8).order(ByteOrder.LITTLE_ENDIAN);
        long w0 = first >>> 6;
        for (int o = 0; o < outputs; o++) {
            buf.clear();
            for (int w = 0; w < have; w++) buf.putLong(tile[o * words + w] & InputSource.lowBits(count - 64 * w));
            buf.flip();
            long pos = (o * wordsPerPlane + w0) * 8;
            while (buf.hasRemaining()) channel.write(buf, pos + buf.position());
        }
    }

    @Override
    public void finish() throws IOException {
        channel.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            channel.close();
            Files.deleteIfExists(tmp);
        }
    }
}
