package dev.tc0.spark;

import dev.tc0.eval.InputSource;

import java.io.IOException;

/**
 * Patterns {@code range.first() ..} of a random-access source, renumbered from 0, so that a task
 * runs tc0's engine on its share alone. The range starts on a word, so pattern {@code p} of this
 * source is pattern {@code range.first() + p} of the whole, bit for bit.
 */
public final class RangeSource implements InputSource {
    private final InputSource whole;
    private final PatternRange range;

    public RangeSource(InputSource whole, PatternRange range) {
        if (!whole.randomAccess()) throw new IllegalArgumentException("a range needs a random-access source");
        if (whole.count() >= 0 && range.first() + range.count() > whole.count()) {
            throw new IllegalArgumentException("range " + range + " passes the source's " + whole.count() + " patterns");
        }
        this.whole = whole;
        this.range = range;
    }

    @Override public int numInputs() { return whole.numInputs(); }

    @Override public long count() { return range.count(); }

    @Override public boolean randomAccess() { return true; }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) throws IOException {
        int got = whole.fill(range.first() + first, words, dst, offset);
        int n = (int) Math.max(0, Math.min(got, range.count() - first));
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
