package dev.tc0.eval;

/** Counts, per output, the patterns for which it is 1. */
public final class CountSink implements OutputSink {
    private final long[] ones;
    private long patterns;

    public CountSink(int outputs) {
        ones = new long[outputs];
    }

    @Override
    public void accept(long first, int count, long[] tile, int words) {
        for (int o = 0; o < ones.length; o++) {
            long c = 0;
            for (int w = 0; w * 64 < count; w++) {
                c += Long.bitCount(tile[o * words + w] & InputSource.lowBits(count - 64 * w));
            }
            ones[o] += c;
        }
        patterns += count;
    }

    public long[] ones() {
        return ones.clone();
    }

    public long patterns() {
        return patterns;
    }
}
