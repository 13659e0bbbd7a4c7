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
 *
 * <p>Tiles are gathered into a band of consecutive words per output ({@link #BAND_BYTES} for all
 * outputs together) and each output's part of the band is written with one call: written tile
 * by tile, a 64-word tile of the multiplier's 128 outputs was 128 writes of 512 bytes, and on
 * 2^24 patterns those writes took longer than evaluating (0.4-0.7 s against 0.3 s).
 */
public final class PlaneFileSink implements OutputSink {
    /** The band's size for all outputs together. */
    static final int BAND_BYTES = 4 << 20;

    private final AtomicOutput file;
    private final int outputs;
    private final long wordsPerPlane;
    /** Words per output in a band; a tile wider than this is written on its own. */
    private final int bandWords;
    /** Output o's band is {@code band[o * bandWords ..]}, {@code bandFill} words from word {@code bandStart}. */
    private final long[] band;

    private final ByteBuffer buf;
    private long bandStart;
    private int bandFill;

    public PlaneFileSink(Path file, int outputs, long count) throws IOException {
        if (count < 0) throw new IOException(file + ": plane output needs a known pattern count");
        this.outputs = outputs;
        this.wordsPerPlane = (count + 63) >>> 6;
        if (!AtomicOutput.seekable(file)) {
            throw new IOException(file + ": planes are written out of order and need a file that can seek, not a pipe"
                    + " (write rows instead: --output-format rows)");
        }
        this.bandWords = (int) Math.min(Math.max(1, wordsPerPlane), Math.max(8, BAND_BYTES / 8 / Math.max(1, outputs)));
        this.band = new long[Math.max(1, outputs) * bandWords];
        this.buf = ByteBuffer.allocateDirect(bandWords * 8).order(ByteOrder.LITTLE_ENDIAN);
        this.file = AtomicOutput.open(file);
    }

    /** Tiles arrive in pattern order (the sink's contract), so each extends the band. */
    @Override
    public void accept(long first, int count, long[] tile, int words) throws IOException {
        int have = (count + 63) >>> 6;
        if (have == 0) return;
        long w0 = first >>> 6;
        if (bandFill > 0 && (w0 != bandStart + bandFill || bandFill + have > bandWords)) flush();
        if (have > bandWords) { // wider than a band: straight to the file, output by output
            for (int o = 0; o < outputs; o++) write(tile, o * words, have, count, o * wordsPerPlane + w0);
            return;
        }
        if (bandFill == 0) bandStart = w0;
        for (int o = 0; o < outputs; o++) {
            int src = o * words, dst = o * bandWords + bandFill;
            System.arraycopy(tile, src, band, dst, have);
            band[dst + have - 1] &= InputSource.lowBits(count - 64 * (have - 1));
        }
        bandFill += have;
    }

    private void flush() throws IOException {
        for (int o = 0; o < outputs; o++)
            write(band, o * bandWords, bandFill, 64L * bandFill, o * wordsPerPlane + bandStart);
        bandStart += bandFill;
        bandFill = 0;
    }

    /** {@code n} words of {@code words} from {@code from}, bits past {@code count} cleared, at word {@code at} of the file. */
    private void write(long[] words, int from, int n, long count, long at) throws IOException {
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, bandWords);
            buf.clear();
            for (int w = 0; w < k; w++) {
                int i = done + w;
                buf.putLong(words[from + i] & InputSource.lowBits((int) Math.min(64, count - 64L * i)));
            }
            buf.flip();
            file.write(buf, (at + done) * 8);
            done += k;
        }
    }

    @Override
    public void finish() throws IOException {
        if (bandFill > 0) flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
