package dev.tc0.eval;

/** All 2^k patterns in counting order: pattern {@code x} sets input {@code j} to bit {@code j} of x. */
public final class ExhaustiveSource implements InputSource {
    /** Input j < 6 repeats every word: bit b of the word is bit j of b. */
    private static final long[] LOW = {
        0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
        0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L,
    };

    public static final int MAX_INPUTS = 40;

    private final int inputs;

    public ExhaustiveSource(int inputs) {
        if (inputs < 0 || inputs > MAX_INPUTS) {
            throw new IllegalArgumentException(
                    "exhaustive evaluation supports 0.." + MAX_INPUTS + " inputs, not " + inputs);
        }
        this.inputs = inputs;
    }

    @Override
    public int numInputs() {
        return inputs;
    }

    @Override
    public long count() {
        return 1L << inputs;
    }

    @Override
    public boolean randomAccess() {
        return true;
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) {
        long count = count();
        int n = (int) Math.min(Math.max(0, count - first), 64L * words);
        long w0 = first >>> 6;
        for (int j = 0; j < inputs; j++) {
            int o = offset[j];
            if (o < 0) continue;
            for (int w = 0; w < words; w++) {
                int valid = n - 64 * w;
                long word = j < 6 ? LOW[j] : (((w0 + w) >>> (j - 6)) & 1) != 0 ? -1L : 0L;
                dst[o + w] = valid <= 0 ? 0 : word & InputSource.lowBits(valid);
            }
        }
        return n;
    }
}
