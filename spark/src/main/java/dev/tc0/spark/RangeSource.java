package dev.tc0.spark;

import dev.tc0.eval.InputSource;
import java.io.IOException;

/**
 * The patterns of one range, renumbered from 0, so that a task runs tc0's engine on its share
 * alone: either a range of a random-access source ({@link #of}), where the range starts on a word
 * so pattern {@code p} here is pattern {@code range.first() + p} of the whole, bit for bit; or the
 * first {@code count} patterns of a stream already positioned at the range's first pattern
 * ({@link #prefix}). Bits past the range's last pattern are cleared.
 */
public final class RangeSource implements InputSource {
    private final InputSource whole;
    private final long start; // the index in {@code whole} of this source's pattern 0
    private final long count;

    private RangeSource(InputSource whole, long start, long count) {
        this.whole = whole;
        this.start = start;
        this.count = count;
    }

    /** Patterns {@code range.first() ..} of a random-access source. */
    public static RangeSource of(InputSource whole, PatternRange range) {
        if (!whole.randomAccess()) throw new IllegalArgumentException("a range needs a random-access source");
        if (whole.count() >= 0 && range.first() + range.count() > whole.count()) {
            throw new IllegalArgumentException(
                    "range " + range + " passes the source's " + whole.count() + " patterns");
        }
        return new RangeSource(whole, range.first(), range.count());
    }

    /** The first {@code count} patterns of a source (a stream opened at a range's first row). */
    public static RangeSource prefix(InputSource stream, long count) {
        return new RangeSource(stream, 0, count);
    }

    @Override
    public int numInputs() {
        return whole.numInputs();
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public boolean randomAccess() {
        return whole.randomAccess();
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) throws IOException {
        int got = whole.fill(start + first, words, dst, offset);
        int n = (int) Math.max(0, Math.min(got, count - first));
        if (n < got) {
            // the whole source goes on past this range: clear the bits past its last pattern
            for (int o : offset) {
                if (o < 0) continue;
                for (int w = 0; w < words; w++) {
                    int valid = n - 64 * w;
                    dst[o + w] &= valid <= 0 ? 0 : InputSource.lowBits(valid);
                }
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        whole.close();
    }
}
