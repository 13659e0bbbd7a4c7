package dev.tc0.compile.study;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitStats;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.LoweringLimitException;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.lowering.Verification;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneArraySource;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The scaling study, one circuit at a time: build a family's circuit (or compile a transformer) at
 * n, check it against the reference, evaluate a batch of inputs with the engine, and record size,
 * depth and throughput as a {@link StudyRow}. The {@code tc0 scale} and {@code tc0 demo} commands
 * and the tests all measure through here.
 */
public final class ScalingStudy {
    /** The suffix of a model compiled with block sums, in its row's name ({@code tf-dyck1+blocks}). */
    public static final String BLOCKS = "+blocks";

    /** Inputs of the untimed warm-up run before each timed one. */
    public static final long WARMUP = 1 << 16;
    /** Words checked exhaustively when a model has at most this many inputs of length n. */
    public static final int MODEL_EXHAUSTIVE = 4096;
    /** Distinct valid inputs generated for timing a model; the batch repeats them. */
    public static final int MODEL_TIMING_WORDS = 4096;
    /** Seed of the check's random inputs. */
    static final long CHECK_SEED = 12345;

    /**
     * @param samples random inputs to check against the reference (0: no check)
     * @param patterns inputs of the timed evaluation (0: not timed)
     * @param engine how the engine evaluates
     * @param maxEdges circuits with more edges are built but neither checked nor timed
     * @param limits the compiler's limits and routes for the models (block sums among them)
     */
    public record Options(
            long samples,
            long patterns,
            Engine.Options engine,
            long maxEdges,
            dev.tc0.compile.lowering.ScalarLowering.Limits limits) {
        public Options {
            if (samples < 0 || patterns < 0)
                throw new IllegalArgumentException("samples and patterns must not be negative");
        }

        public Options(long samples, long patterns, Engine.Options engine, long maxEdges) {
            this(samples, patterns, engine, maxEdges, dev.tc0.compile.lowering.ScalarLowering.Limits.DEFAULT);
        }

        public Options(long samples, long patterns, Engine.Options engine) {
            this(samples, patterns, engine, Long.MAX_VALUE);
        }

        /** The same study with models compiled under these limits (block sums among them). */
        public Options withLimits(dev.tc0.compile.lowering.ScalarLowering.Limits l) {
            return new Options(samples, patterns, engine, maxEdges, l);
        }
    }

    private ScalingStudy() {}

    /** Every family at every n, in that order; each row goes to {@code onRow} as soon as it is measured. */
    public static List<StudyRow> run(
            List<CircuitFamily> families, List<Integer> ns, Options options, Consumer<StudyRow> onRow) {
        List<StudyRow> rows = new ArrayList<>();
        for (CircuitFamily f : families) {
            for (int n : ns) {
                StudyRow r = measure(f, n, options);
                rows.add(r);
                onRow.accept(r);
            }
        }
        return rows;
    }

    /** Null when the circuit has more than {@code maxEdges} edges: built, but neither checked nor timed. */
    public static StudyRow measure(CircuitFamily f, int n, Options options) {
        long t0 = System.nanoTime();
        Circuit c = f.build(n);
        long build = System.nanoTime() - t0;
        if (c.numEdges() > options.maxEdges()) return null;
        ReferenceCheck.Result check = options.samples() > 0
                ? ReferenceCheck.check(f, n, c, options.samples(), CHECK_SEED, options.engine())
                : new ReferenceCheck.Result(0, false, null);
        Timing t = check.ok() && options.patterns() > 0
                ? time(
                        c,
                        new RandomSource(c.numInputs(), Math.min(options.patterns(), WARMUP), 7),
                        new RandomSource(c.numInputs(), options.patterns(), 42),
                        options.engine())
                : Timing.NONE;
        return row(f.name(), f.regime().name(), n, c, build, check, options.patterns(), t);
    }

    /**
     * A transformer at length n: compile it, check the circuit bit for bit against the exact
     * forward pass, and time a batch of valid one-hot inputs. Null when the compiler's size limit
     * or {@code maxEdges} stops it (the reason goes to {@code skipped}).
     */
    public static StudyRow measureModel(Transformer m, int n, Options options, List<String> skipped) {
        long t0 = System.nanoTime();
        CompiledModel cm;
        try {
            cm = TransformerLowering.compile(m, n, new TransformerLowering.Options(options.limits(), false));
        } catch (LoweringLimitException e) {
            skipped.add(m.name() + " from n=" + n + " (" + e.getMessage() + ")");
            return null;
        }
        if (cm.circuit().numEdges() > options.maxEdges()) {
            skipped.add("tf-" + m.name() + " from n=" + n + " (" + cm.circuit().numEdges() + " edges)");
            return null;
        }
        long build = System.nanoTime() - t0;
        Circuit c = cm.circuit();
        List<int[]> words = Verification.inputs(
                m.config(), n, MODEL_EXHAUSTIVE, (int) Math.min(options.samples(), 1_000_000), CHECK_SEED);
        boolean exhaustive = Verification.exhaustive(m.config(), n, MODEL_EXHAUSTIVE);
        Verification.Verdict verdict = Verification.check(cm, words);
        String mismatch = verdict.agrees() ? null : verdict.mismatch().message();
        Timing t = Timing.NONE;
        if (options.patterns() > 0 && mismatch == null && c.numInputs() > 0) {
            List<int[]> timing = Verification.inputs(m.config(), n, 0, MODEL_TIMING_WORDS, 99);
            PlaneArraySource src = new PlaneArraySource(cm.planes(timing, options.patterns()), options.patterns());
            t = time(c, src, src, options.engine());
        }
        // "tf-" keeps a model apart from the circuit family of the same name in tables and plots;
        // BLOCKS a compile with block sums apart from the default one
        return row(
                "tf-" + m.name() + (options.limits().blockSums() ? BLOCKS : ""),
                "TRANSFORMER",
                n,
                c,
                build,
                new ReferenceCheck.Result(words.size(), exhaustive, mismatch),
                options.patterns(),
                t);
    }

    private record Timing(long evalNanos, String mode) {
        static final Timing NONE = new Timing(0, "-");
    }

    /** One untimed run first, so the kernels are compiled before the clock starts; then the timed one. */
    private static Timing time(Circuit c, InputSource warmup, InputSource timed, Engine.Options opts) {
        try (Engine e = new Engine(EvalPlan.of(c), opts)) {
            e.run(warmup, OutputSink.discard());
            Engine.Report r = e.run(timed, OutputSink.discard());
            return new Timing(r.evalNanos(), r.mode().name().toLowerCase(Locale.ROOT));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static StudyRow row(
            String name,
            String regime,
            int n,
            Circuit c,
            long buildNanos,
            ReferenceCheck.Result check,
            long patterns,
            Timing t) {
        CircuitStats s = CircuitStats.of(c);
        return new StudyRow(
                name,
                regime,
                n,
                c.numInputs(),
                c.numOutputs(),
                c.numGates(),
                c.numEdges(),
                s.depth(),
                s.maxFanIn(),
                buildNanos,
                check.checked(),
                check.exhaustive(),
                check.mismatch(),
                patterns,
                t.evalNanos(),
                t.mode());
    }
}
