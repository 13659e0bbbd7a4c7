package dev.tc0.compile.study;

import dev.tc0.eval.InputSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;

/**
 * A batch of input patterns as bit planes ({@code planes[i][w]} bit b is input i of pattern
 * {@code 64w + b}), the layout {@link dev.tc0.eval.PlaneArraySource} takes.
 */
public record Batch(long[][] planes, int patterns) {

    /** Draws one random input; families with rare interesting inputs have better ones than uniform bits. */
    @FunctionalInterface
    public interface Sampler {
        boolean[] draw(RandomGenerator rnd);
    }

    /** {@code patterns} inputs of {@code inputs} bits each, drawn by the sampler. */
    public static Batch sampled(Sampler sampler, int inputs, int patterns, RandomGenerator rnd) {
        long[][] planes = new long[inputs][words(patterns)];
        for (int p = 0; p < patterns; p++) {
            boolean[] x = sampler.draw(rnd);
            if (x.length != inputs)
                throw new IllegalStateException("sampler gave " + x.length + " bits for " + inputs + " inputs");
            for (int i = 0; i < inputs; i++) if (x[i]) planes[i][p >>> 6] |= 1L << (p & 63);
        }
        return new Batch(planes, patterns);
    }

    /** Patterns first .. first+patterns-1 of a random-access source, as planes of their own. */
    public static Batch slice(InputSource src, int inputs, long first, int patterns) {
        int words = words(patterns);
        int padded = (words + 7) & ~7; // sources fill whole tiles of 8 words
        long[] flat = new long[Math.max(1, inputs * padded)];
        int[] off = new int[inputs];
        for (int i = 0; i < inputs; i++) off[i] = i * padded;
        try {
            src.fill(first, padded, flat, off);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[][] planes = new long[inputs][words];
        for (int i = 0; i < inputs; i++) {
            System.arraycopy(flat, i * padded, planes[i], 0, words);
            if ((patterns & 63) != 0) planes[i][words - 1] &= (1L << (patterns & 63)) - 1;
        }
        return new Batch(planes, patterns);
    }

    /** Pattern p as a bit vector. */
    public boolean[] pattern(int p) {
        boolean[] x = new boolean[planes.length];
        for (int i = 0; i < planes.length; i++) x[i] = ((planes[i][p >>> 6] >>> (p & 63)) & 1) != 0;
        return x;
    }

    static int words(int patterns) {
        return (patterns + 63) >>> 6;
    }
}
