package dev.tc0.compile.study;

import dev.tc0.compile.family.CircuitFamily;

import java.util.random.RandomGenerator;

/**
 * A batch of input patterns as bit planes ({@code planes[i][w]} bit b is input i of pattern
 * {@code 64w + b}), the layout {@link dev.tc0.eval.Evaluator} takes.
 */
public record Batch(long[][] planes, int patterns) {

    /** {@code patterns} inputs drawn by the family's own sampler. */
    public static Batch random(CircuitFamily family, int n, int patterns, RandomGenerator rnd) {
        long[][] planes = new long[family.numInputs(n)][words(patterns)];
        for (int p = 0; p < patterns; p++) {
            boolean[] x = family.randomInput(n, rnd);
            for (int i = 0; i < x.length; i++) if (x[i]) planes[i][p >>> 6] |= 1L << (p & 63);
        }
        return new Batch(planes, patterns);
    }

    /** All {@code 2^inputs} patterns: pattern p has input i = bit i of p. */
    public static Batch exhaustive(int inputs) {
        if (inputs > 24) throw new IllegalArgumentException("2^" + inputs + " patterns are too many to enumerate");
        int patterns = 1 << inputs;
        long[][] planes = new long[inputs][words(patterns)];
        for (int i = 0; i < inputs; i++) {
            for (int p = 0; p < patterns; p++) if (((p >>> i) & 1) != 0) planes[i][p >>> 6] |= 1L << (p & 63);
        }
        return new Batch(planes, patterns);
    }

    /** Pattern p as a bit vector. */
    public boolean[] pattern(int p) {
        return column(planes, p);
    }

    /** Pattern p of any planes (inputs or outputs) as a bit vector. */
    public static boolean[] column(long[][] planes, int p) {
        boolean[] x = new boolean[planes.length];
        for (int i = 0; i < planes.length; i++) x[i] = ((planes[i][p >>> 6] >>> (p & 63)) & 1) != 0;
        return x;
    }

    static int words(int patterns) {
        return (patterns + 63) >>> 6;
    }
}
