package dev.tc0.eval;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes output planes in ABC's {@code &lnetsim} layout (plane-major, little-endian words) with
 * positional writes, so the pattern count must be known in advance. The file is one
 * {@link AtomicOutput}: complete after {@link #finish}, absent (or unchanged) otherwise.
 */
public final class PlaneFileSink implements OutputSink {
    private final AtomicOutput file;
    private final int outputs;
    private final long wordsPerPlane;

    public PlaneFileSink(Path file, int outputs, long count) throws IOException {
        if (count < 0) throw new IOException(file + ": plane output needs a known pattern count");
        this.outputs = outputs;
        this.wordsPerPlane = (count + 63) >>> 6;
        if (!AtomicOutput.seekable(file)) {
            throw new IOException(file + ": planes are written out of order and need a file that can seek, not a pipe"
                    + " (write rows instead: --output-format rows)");
        }
        this.file = AtomicOutput.open(file);
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
            file.write(buf, pos);
        }
    }

    @Override
    public void finish() throws IOException {
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
