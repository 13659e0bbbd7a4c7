package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.PlaneArraySink;
import dev.tc0.eval.RandomSource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Checks a circuit, as the engine evaluates it, against a reference function on many inputs. */
final class Checker {
    /** Circuits with at most this many inputs are checked on every input. */
    static final int EXHAUSTIVE_MAX_INPUTS = 16;
    private static final int BATCH = 1 << 14;

    @FunctionalInterface
    interface Reference { boolean[] apply(boolean[] x); }

    /** What a check found: inputs tried, whether all were, and the first disagreement (or null). */
    record Result(long checked, boolean exhaustive, String mismatch) {
        boolean ok() { return mismatch == null; }
    }

    private Checker() {}

    /** Draws one random input; families with rare interesting inputs have better ones than uniform bits. */
    @FunctionalInterface
    interface Sampler { boolean[] draw(java.util.random.RandomGenerator rnd); }

    /** Checks family f's circuit c at n against its reference, with the family's own random inputs. */
    static Result check(dev.tc0.compile.family.CircuitFamily f, int n, Circuit c, long samples, long seed, Engine.Options opts) {
        return check(c, x -> f.reference(n, x), rnd -> f.randomInput(n, rnd), samples, seed, opts);
    }

    static Result check(Circuit c, Reference ref, long samples, long seed, Engine.Options opts) {
        return check(c, ref, null, samples, seed, opts);
    }

    /** With a null sampler, random inputs are uniform bits (RandomSource). */
    static Result check(Circuit c, Reference ref, Sampler sampler, long samples, long seed, Engine.Options opts) {
        boolean exhaustive = c.numInputs() <= EXHAUSTIVE_MAX_INPUTS;
        long total = exhaustive ? 1L << c.numInputs() : samples;
        EvalPlan plan = EvalPlan.of(c);
        try (Engine e = new Engine(plan, opts)) {
            for (long first = 0; first < total; first += BATCH) {
                int n = (int) Math.min(BATCH, total - first);
                long[][] in;
                if (exhaustive || sampler == null) {
                    InputSource src = exhaustive ? new ExhaustiveSource(c.numInputs())
                            : new RandomSource(c.numInputs(), total, seed);
                    in = slice(src, c.numInputs(), first, n);
                } else {
                    in = sampled(sampler, c.numInputs(), n, new java.util.SplittableRandom(seed + first));
                }
                PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), n);
                e.run(new dev.tc0.eval.PlaneArraySource(in, n), sink);
                long[][] out = sink.planes();
                boolean[] x = new boolean[c.numInputs()];
                for (int p = 0; p < n; p++) {
                    for (int i = 0; i < x.length; i++) x[i] = (in[i][p >>> 6] >>> (p & 63) & 1) != 0;
                    boolean[] want = ref.apply(x);
                    if (want.length != c.numOutputs()) {
                        return new Result(first + p, exhaustive, "the reference gives " + want.length
                                + " outputs, the circuit " + c.numOutputs());
                    }
                    for (int o = 0; o < want.length; o++) {
                        boolean got = (out[o][p >>> 6] >>> (p & 63) & 1) != 0;
                        if (got != want[o]) {
                            return new Result(first + p, exhaustive, "on input " + bits(x) + " output " + o + " ("
                                    + c.outputName(o) + ") is " + (got ? 1 : 0) + ", the reference says " + (want[o] ? 1 : 0));
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Result(total, exhaustive, null);
    }

    private static long[][] sampled(Sampler sampler, int inputs, int n, java.util.random.RandomGenerator rnd) {
        long[][] planes = new long[inputs][(n + 63) >>> 6];
        for (int p = 0; p < n; p++) {
            boolean[] x = sampler.draw(rnd);
            if (x.length != inputs) throw new IllegalStateException("sampler gave " + x.length + " bits for " + inputs + " inputs");
            for (int i = 0; i < inputs; i++) if (x[i]) planes[i][p >>> 6] |= 1L << (p & 63);
        }
        return planes;
    }

    /** Patterns first .. first+n-1 of a random-access source, as planes of their own. */
    private static long[][] slice(InputSource src, int inputs, long first, int n) {
        int words = (n + 63) >>> 6;
        int padded = (words + 7) & ~7;
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
            if ((n & 63) != 0) planes[i][words - 1] &= (1L << (n & 63)) - 1;
        }
        return planes;
    }

    static String bits(boolean[] x) {
        if (x.length > 128) return x.length + "-bit input (too long to print)";
        StringBuilder b = new StringBuilder(x.length);
        for (boolean v : x) b.append(v ? '1' : '0');
        return b.toString();
    }
}
