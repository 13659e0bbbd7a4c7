package dev.tc0.compile.study;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.PlaneArraySink;
import dev.tc0.eval.PlaneArraySource;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * Checks a circuit, as the engine evaluates it, against a reference function: on every input when
 * it has at most {@link #EXHAUSTIVE_MAX_INPUTS}, otherwise on random ones.
 */
public final class ReferenceCheck {
    /** Circuits with at most this many inputs are checked on every input. */
    public static final int EXHAUSTIVE_MAX_INPUTS = 16;

    private static final int BATCH = 1 << 14;

    @FunctionalInterface
    public interface Reference {
        boolean[] apply(boolean[] x);
    }

    /** What a check found: inputs tried, whether all were, and the first disagreement (or null). */
    public record Result(long checked, boolean exhaustive, String mismatch) {
        public boolean ok() {
            return mismatch == null;
        }
    }

    /** The first pattern of a batch on which circuit and reference disagree, and how. */
    public record Mismatch(int pattern, String message) {}

    private ReferenceCheck() {}

    /** Checks family f's circuit c at n against its reference, with the family's own random inputs. */
    public static Result check(CircuitFamily f, int n, Circuit c, long samples, long seed, Engine.Options opts) {
        if (c.numInputs() != f.numInputs(n)) {
            throw new IllegalStateException(f.name() + "(" + n + "): circuit has " + c.numInputs()
                    + " inputs, the family declares " + f.numInputs(n));
        }
        return check(c, x -> f.reference(n, x), rnd -> f.randomInput(n, rnd), samples, seed, opts);
    }

    /** With a null sampler, random inputs are uniform bits ({@link RandomSource}). */
    public static Result check(
            Circuit c, Reference ref, Batch.Sampler sampler, long samples, long seed, Engine.Options opts) {
        boolean exhaustive = c.numInputs() <= EXHAUSTIVE_MAX_INPUTS;
        long total = exhaustive ? 1L << c.numInputs() : samples;
        try (Engine e = new Engine(EvalPlan.of(c), opts)) {
            for (long first = 0; first < total; first += BATCH) {
                int n = (int) Math.min(BATCH, total - first);
                Batch in;
                if (exhaustive) in = Batch.slice(new ExhaustiveSource(c.numInputs()), c.numInputs(), first, n);
                else if (sampler == null)
                    in = Batch.slice(new RandomSource(c.numInputs(), total, seed), c.numInputs(), first, n);
                else in = Batch.sampled(sampler, c.numInputs(), n, new SplittableRandom(seed + first));
                PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), n);
                e.run(new PlaneArraySource(in.planes(), n), sink);
                Mismatch m = compare(c, ref, in, sink.planes());
                if (m != null) return new Result(first + m.pattern(), exhaustive, m.message());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Result(total, exhaustive, null);
    }

    /** Compares output planes that c gave on a batch with the reference; null when they agree. */
    public static Mismatch compare(Circuit c, Reference ref, Batch in, long[][] out) {
        for (int p = 0; p < in.patterns(); p++) {
            boolean[] x = in.pattern(p);
            boolean[] want = ref.apply(x);
            if (want.length != c.numOutputs()) {
                return new Mismatch(
                        p, "the reference gives " + want.length + " outputs, the circuit " + c.numOutputs());
            }
            for (int o = 0; o < want.length; o++) {
                boolean got = (out[o][p >>> 6] >>> (p & 63) & 1) != 0;
                if (got != want[o]) {
                    return new Mismatch(
                            p,
                            "on input " + bits(x) + " output " + o + " (" + c.outputName(o) + ") is " + (got ? 1 : 0)
                                    + ", the reference says " + (want[o] ? 1 : 0));
                }
            }
        }
        return null;
    }

    private static String bits(boolean[] x) {
        if (x.length > 128) return x.length + "-bit input (too long to print)";
        StringBuilder b = new StringBuilder(x.length);
        for (boolean v : x) b.append(v ? '1' : '0');
        return b.toString();
    }
}
