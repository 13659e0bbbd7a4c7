package dev.tc0.eval;

/**
 * Seeded random patterns. Each word is a hash of (seed, input, word index), so any tile can be
 * generated independently and the patterns do not depend on the tile size or thread count.
 */
public final class RandomSource implements InputSource {
    private final int inputs;
    private final long count;
    private final long seed;

    public RandomSource(int inputs, long count, long seed) {
        if (count < 0) throw new IllegalArgumentException("negative pattern count " + count);
        this.inputs = inputs;
        this.count = count;
        this.seed = seed;
    }

    @Override
    public int numInputs() {
        return inputs;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public boolean randomAccess() {
        return true;
    }

    /** The word of input {@code i} holding patterns {@code 64*w .. 64*w+63}. */
    public static long word(long seed, int i, long w) {
        long z = seed + i * 0x9E3779B97F4A7C15L + w * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        // a second round so that neighbouring (i, w) pairs are unrelated
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        return z ^ (z >>> 33);
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) {
        long left = Math.max(0, count - first);
        int n = (int) Math.min(left, 64L * words);
        long w0 = first >>> 6;
        for (int i = 0; i < inputs; i++) {
            int o = offset[i];
            if (o < 0) continue;
            for (int w = 0; w < words; w++) {
                int valid = n - 64 * w;
                dst[o + w] = valid <= 0 ? 0 : word(seed, i, w0 + w) & InputSource.lowBits(valid);
            }
        }
        return n;
    }

    /** All planes in memory, for tests and small batches. */
    public long[][] planes() {
        int words = Math.toIntExact((count + 63) >>> 6);
        long[][] p = new long[inputs][words];
        int[] off = new int[inputs];
        long[] flat = new long[inputs * words];
        for (int i = 0; i < inputs; i++) off[i] = i * words;
        fill(0, words, flat, off);
        for (int i = 0; i < inputs; i++) System.arraycopy(flat, i * words, p[i], 0, words);
        return p;
    }
}
