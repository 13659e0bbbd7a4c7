package dev.tc0.compile.study;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitStats;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.eval.Evaluator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Builds a family's circuits over a ladder of n, checks each against the reference on random
 * inputs, and records shape (depth, gates, edges, fan-in), build time and evaluation speed.
 */
public final class ScalingStudy {
    private ScalingStudy() {}

    /**
     * @param patterns random patterns per circuit (one batch)
     * @param repeats timed evaluations of the batch; the median is reported
     * @param seed makes the random inputs reproducible
     */
    public record Options(int patterns, int repeats, long seed) {
        public static final Options DEFAULT = new Options(4096, 5, 1);

        public Options {
            if (patterns < 1 || repeats < 1) throw new IllegalArgumentException("patterns and repeats must be positive");
        }
    }

    /** Largest input count the default ladder goes to; keeps every rung to seconds here. */
    public static final int DEFAULT_MAX_INPUTS = 8192;

    /** Powers of two from 4 to 64 that the family accepts with at most {@link #DEFAULT_MAX_INPUTS} inputs. */
    public static int[] defaultLadder(CircuitFamily family) {
        return IntStream.of(4, 8, 16, 32, 64)
                .filter(n -> n >= family.minSize() && family.numInputs(n) <= DEFAULT_MAX_INPUTS)
                .toArray();
    }

    public static List<StudyRow> run(List<CircuitFamily> families, Function<CircuitFamily, int[]> ladder, Options options) {
        List<StudyRow> rows = new ArrayList<>();
        for (CircuitFamily f : families) rows.addAll(run(f, ladder.apply(f), options));
        return rows;
    }

    public static List<StudyRow> run(CircuitFamily family, int[] ladder, Options options) {
        List<StudyRow> rows = new ArrayList<>(ladder.length);
        for (int n : ladder) rows.add(measure(family, n, options));
        return rows;
    }

    public static StudyRow measure(CircuitFamily family, int n, Options options) {
        long t0 = System.nanoTime();
        Circuit c = family.build(n);
        double buildMillis = (System.nanoTime() - t0) / 1e6;
        CircuitStats stats = CircuitStats.of(c);

        Batch batch = Batch.random(family, n, options.patterns(), new SplittableRandom(options.seed() * 31 + n));
        long[][] out = Evaluator.evaluate(c, batch.planes());   // also the warm-up run
        ReferenceCheck.Result check = ReferenceCheck.compare(family, n, batch, out);

        long[] times = new long[options.repeats()];
        for (int r = 0; r < times.length; r++) {
            long s = System.nanoTime();
            Evaluator.evaluate(c, batch.planes());
            times[r] = System.nanoTime() - s;
        }
        Arrays.sort(times);
        double medianMicros = Math.max(1, times[times.length / 2]) / 1e3;
        double gateEvals = (double) stats.gates() * options.patterns() / (medianMicros / 1e6);

        return new StudyRow(family.name(), family.regime().name(), n, c.numInputs(), c.numOutputs(), stats.depth(),
                stats.gates(), stats.edges(), stats.maxFanIn(), buildMillis, check.patterns(), check.mismatches(),
                medianMicros, gateEvals, check.firstMismatch() == null ? "" : check.firstMismatch());
    }
}
