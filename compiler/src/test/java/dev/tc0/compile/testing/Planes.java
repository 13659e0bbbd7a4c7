package dev.tc0.compile.testing;

import java.util.List;
import java.util.random.RandomGenerator;

/** Bit-plane packing for tests: plane i, word w, bit b holds input i of pattern 64w + b. */
public final class Planes {
    private Planes() {}

    /** All {@code 2^inputs} patterns; pattern p has input i = bit i of p. */
    public static long[][] exhaustive(int inputs) {
        if (inputs > 22) throw new IllegalArgumentException("2^" + inputs + " patterns is too many");
        int patterns = 1 << inputs;
        long[][] planes = new long[inputs][words(patterns)];
        for (int p = 0; p < patterns; p++) {
            for (int i = 0; i < inputs; i++) if (((p >>> i) & 1) != 0) planes[i][p >>> 6] |= 1L << (p & 63);
        }
        return planes;
    }

    /** Packs per-pattern bit vectors. */
    public static long[][] pack(List<boolean[]> patterns, int inputs) {
        long[][] planes = new long[inputs][words(patterns.size())];
        for (int p = 0; p < patterns.size(); p++) {
            boolean[] x = patterns.get(p);
            for (int i = 0; i < inputs; i++) if (x[i]) planes[i][p >>> 6] |= 1L << (p & 63);
        }
        return planes;
    }

    /** Uniformly random planes for {@code patterns} patterns (rounded up to whole words). */
    public static long[][] random(int inputs, int patterns, RandomGenerator rnd) {
        long[][] planes = new long[inputs][words(patterns)];
        for (long[] plane : planes) for (int w = 0; w < plane.length; w++) plane[w] = rnd.nextLong();
        return planes;
    }

    public static boolean bit(long[][] planes, int i, int p) {
        return ((planes[i][p >>> 6] >>> (p & 63)) & 1) != 0;
    }

    /** Pattern p across all planes. */
    public static boolean[] pattern(long[][] planes, int p) {
        boolean[] x = new boolean[planes.length];
        for (int i = 0; i < planes.length; i++) x[i] = bit(planes, i, p);
        return x;
    }

    public static int words(int patterns) {
        return (patterns + 63) >>> 6;
    }
}
