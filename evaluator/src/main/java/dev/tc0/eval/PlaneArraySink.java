package dev.tc0.eval;

/** Collects output planes in memory: {@code planes()[o][w]}, bits past the count cleared. */
public final class PlaneArraySink implements OutputSink {
    private final long[][] planes;

    public PlaneArraySink(int outputs, long count) {
        planes = new long[outputs][Math.toIntExact((count + 63) >>> 6)];
    }

    @Override
    public void accept(long first, int count, long[] tile, int words) {
        int w0 = (int) (first >>> 6);
        for (int o = 0; o < planes.length; o++) {
            for (int w = 0; w * 64 < count; w++) {
                planes[o][w0 + w] = tile[o * words + w] & InputSource.lowBits(count - 64 * w);
            }
        }
    }

    /** Tiles write disjoint words of the planes: any order, any thread. */
    @Override
    public boolean anyOrder() {
        return true;
    }

    public long[][] planes() {
        return planes;
    }
}
