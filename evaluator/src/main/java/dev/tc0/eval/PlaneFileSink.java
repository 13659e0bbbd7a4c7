package dev.tc0.eval;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes output planes in ABC's {@code &lnetsim} layout (plane-major, little-endian words) with
 * positional writes, so the pattern count must be known in advance. The file is one
 * {@link AtomicOutput}: complete after {@link #finish}, absent (or unchanged) otherwise.
 *
 * <p>Tiles are gathered into bands: band {@code b} holds words {@code b * bandWords ..} of every
 * output ({@link #BAND_BYTES} for all outputs together), and the band is written, each output's
 * part with one call, by the thread whose tile completes it. Written tile by tile, a 64-word tile
 * of the multiplier's 128 outputs was 128 writes of 512 bytes, and on 2^24 patterns those writes
 * took longer than evaluating (0.4-0.7 s against 0.3 s).
 *
 * <p>Tiles may come in any order and from several threads at once ({@link #anyOrder}): a tile
 * copies its words into the bands it covers, which no other tile touches, and counts them in;
 * only the map of open bands is shared. Workers take tiles in order, so the bands open at once
 * are about as many as the threads.
 */
public final class PlaneFileSink implements OutputSink {
    /** The band's size for all outputs together. */
    static final int BAND_BYTES = 4 << 20;

    private final AtomicOutput file;
    private final int outputs;
    private final long wordsPerPlane;
    /** Words per output in a band. */
    private final int bandWords;
    /** Bands with some of their words in and some not yet. */
    private final ConcurrentHashMap<Long, Band> open = new ConcurrentHashMap<>();
    /** One write buffer per thread, a band's part of one output long. */
    private final ThreadLocal<ByteBuffer> buffers;

    /** Band {@code index}: output o's words at {@code words[o * bandWords ..]}, {@code size} of them. */
    private final class Band {
        final long index;
        final int size;
        final long[] words;
        final AtomicInteger filled = new AtomicInteger();

        Band(long index) {
            this.index = index;
            this.size = (int) Math.min(bandWords, wordsPerPlane - index * bandWords);
            this.words = new long[outputs * bandWords];
        }
    }

    public PlaneFileSink(Path file, int outputs, long count) throws IOException {
        if (count < 0) throw new IOException(file + ": plane output needs a known pattern count");
        this.outputs = outputs;
        this.wordsPerPlane = (count + 63) >>> 6;
        if (!AtomicOutput.seekable(file)) {
            throw new IOException(file + ": planes are written out of order and need a file that can seek, not a pipe"
                    + " (write rows instead: --output-format rows)");
        }
        this.bandWords = (int) Math.min(Math.max(1, wordsPerPlane), Math.max(8, BAND_BYTES / 8 / Math.max(1, outputs)));
        int bufferBytes = bandWords * 8;
        this.buffers = ThreadLocal.withInitial(
                () -> ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN));
        this.file = AtomicOutput.open(file);
    }

    @Override
    public boolean anyOrder() {
        return true;
    }

    @Override
    public void accept(long first, int count, long[] tile, int words) throws IOException {
        int have = (count + 63) >>> 6;
        if (have == 0) return;
        long w0 = first >>> 6;
        if (w0 + have > wordsPerPlane)
            throw new IllegalArgumentException(
                    "tile of patterns " + first + ".. past the sink's " + wordsPerPlane + " words");
        long lastMask = InputSource.lowBits(count - 64 * (have - 1));
        for (int done = 0; done < have; ) { // the tile's part in each band it covers
            long w = w0 + done;
            long index = w / bandWords;
            int at = (int) (w - index * bandWords);
            int n = Math.min(have - done, bandWords - at);
            Band band = open.computeIfAbsent(index, Band::new);
            for (int o = 0; o < outputs; o++) {
                int dst = o * bandWords + at;
                System.arraycopy(tile, o * words + done, band.words, dst, n);
                if (done + n == have) band.words[dst + n - 1] &= lastMask;
            }
            if (band.filled.addAndGet(n) == band.size) {
                open.remove(index);
                write(band);
            }
            done += n;
        }
    }

    /** Each output's part of the band, in one positional write. */
    private void write(Band band) throws IOException {
        ByteBuffer buf = buffers.get();
        for (int o = 0; o < outputs; o++) {
            buf.clear();
            buf.asLongBuffer().put(band.words, o * bandWords, band.size);
            buf.limit(band.size * 8);
            file.write(buf, (o * wordsPerPlane + band.index * bandWords) * 8);
        }
    }

    /**
     * Writes the bands still open (a batch that ended before its count: their missing words are
     * zero, as the file's unwritten words would be) and puts the file in place.
     */
    @Override
    public void finish() throws IOException {
        for (Band band : open.values()) write(band);
        open.clear();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
