package dev.tc0.eval;

/** Planes held in memory: {@code planes[i][w]}. */
public final class PlaneArraySource implements InputSource {
    private final long[][] planes;
    private final long count;

    public PlaneArraySource(long[][] planes, long count) {
        for (long[] p : planes) {
            if (p.length * 64L < count) throw new IllegalArgumentException("plane shorter than " + count + " patterns");
        }
        this.planes = planes;
        this.count = count;
    }

    /** Every bit of the planes is a pattern. */
    public PlaneArraySource(long[][] planes) {
        this(planes, planes.length == 0 ? 0 : planes[0].length * 64L);
    }

    @Override
    public int numInputs() {
        return planes.length;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public boolean randomAccess() {
        return true;
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) {
        int n = (int) Math.min(Math.max(0, count - first), 64L * words);
        int w0 = (int) (first >>> 6);
        for (int i = 0; i < planes.length; i++) {
            int o = offset[i];
            if (o < 0) continue;
            for (int w = 0; w < words; w++) {
                int valid = n - 64 * w;
                dst[o + w] = valid <= 0 ? 0 : planes[i][w0 + w] & InputSource.lowBits(valid);
            }
        }
        return n;
    }
}
