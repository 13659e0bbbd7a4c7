package dev.tc0.eval;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * The accepted set: the indices of the patterns whose first output is 1, as a RoaringBitmap
 * (so at most 2^32 patterns). Tiles arrive in order, so indices are appended in order.
 */
public final class AcceptedSink implements OutputSink {
    private final RoaringBitmapWriter<RoaringBitmap> writer =
            RoaringBitmapWriter.writer().runCompress(true).get();

    @Override
    public void accept(long first, int count, long[] tile, int words) {
        if (first + count > (1L << 32)) {
            throw new IllegalArgumentException("the accepted set holds at most 2^32 pattern indices");
        }
        for (int w = 0; w * 64 < count; w++) {
            long bits = tile[w] & InputSource.lowBits(count - 64 * w);
            int base = (int) (first + 64L * w);
            while (bits != 0) {
                writer.add(base + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
            }
        }
    }

    public RoaringBitmap accepted() {
        return writer.get();
    }
}
