package dev.tc0.spark;

import dev.tc0.eval.InputSource;
import dev.tc0.eval.OutputSink;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The accepted set of one range: the batch-wide indices (range start plus the task's own index)
 * of the patterns whose first output is 1, in a 64-bit bitmap, so any pattern count up to 2^63
 * fits and the sets of disjoint ranges merge by union.
 */
final class AcceptedRangeSink implements OutputSink {
    private final long base;
    private final Roaring64NavigableMap accepted = new Roaring64NavigableMap();

    AcceptedRangeSink(long base) {
        this.base = base;
    }

    @Override
    public void accept(long first, int count, long[] tile, int words) {
        for (int w = 0; w * 64 < count; w++) {
            long bits = tile[w] & InputSource.lowBits(count - 64 * w);
            long at = base + first + 64L * w;
            while (bits != 0) {
                accepted.addLong(at + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
            }
        }
    }

    Roaring64NavigableMap accepted() {
        return accepted;
    }
}
