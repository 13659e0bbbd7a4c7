package dev.tc0.cli;

import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitStats;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.RandomSource;

import dev.tc0.compile.study.StudyCsv;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.compile.study.plot.Chart;
import dev.tc0.compile.study.plot.ChartFiles;
import dev.tc0.compile.study.plot.Panel;
import dev.tc0.compile.study.plot.Panel.Scale;
import dev.tc0.compile.study.plot.Series;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scaling study over a ladder of n: build the family's circuit, check it against the reference,
 * evaluate a batch of random inputs, and record size, depth and throughput. Used by {@code scale}
 * and {@code demo}; prints a table, writes CSV and plots.
 */
final class Study {
    record Row(String family, String regime, int n, int inputs, int outputs, int gates, long edges, int depth, int maxFanIn,
               long buildNanos, long checked, boolean exhaustive, String mismatch, long patterns, long evalNanos,
               String mode) {
        double gateEvalsPerSecond() {
            return evalNanos == 0 ? 0 : gates * (double) patterns / (evalNanos * 1e-9);
        }

        String verdict() {
            if (mismatch != null) return "FAILED";
            if (checked == 0) return "-";
            return exhaustive ? "all " + checked : checked + " random";
        }
    }

    /** Inputs of the untimed warm-up run before each timed one. */
    static final long WARMUP = 1 << 16;

    private Study() {}

    static Row measure(CircuitFamily f, int n, long samples, long patterns, Engine.Options opts) {
        return measure(f, n, samples, patterns, opts, Long.MAX_VALUE);
    }

    /** Null when the circuit has more than {@code maxEdges} edges: built, but neither checked nor timed. */
    static Row measure(CircuitFamily f, int n, long samples, long patterns, Engine.Options opts, long maxEdges) {
        long t0 = System.nanoTime();
        Circuit c = FamilyCatalog.build(f, n);
        long build = System.nanoTime() - t0;
        if (c.numEdges() > maxEdges) return null;
        CircuitStats s = CircuitStats.of(c);
        Checker.Result check = samples > 0 ? Checker.check(f, n, c, samples, 12345, opts)
                : new Checker.Result(0, false, null);
        long evalNanos = 0;
        String mode = "-";
        if (patterns > 0 && check.ok()) {
            try (Engine e = new Engine(EvalPlan.of(c), opts)) {
                // one untimed run first, so the kernels are compiled before the clock starts
                e.run(new RandomSource(c.numInputs(), Math.min(patterns, WARMUP), 7), OutputSink.discard());
                Engine.Report r = e.run(new RandomSource(c.numInputs(), patterns, 42), OutputSink.discard());
                evalNanos = r.evalNanos();
                mode = r.mode().name().toLowerCase(Locale.ROOT);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return new Row(f.name(), f.regime().name(), n, c.numInputs(), c.numOutputs(), c.numGates(), c.numEdges(), s.depth(), s.maxFanIn(),
                build, check.checked(), check.exhaustive(), check.mismatch(), patterns, evalNanos, mode);
    }

    static final String HEADER = String.format(Locale.ROOT, "%-10s %6s %7s %10s %11s %5s %7s %9s %-14s %16s",
            "family", "n", "outputs", "gates", "edges", "depth", "fan-in", "build", "checked", "gate-evals/s");

    static String line(Row r) {
        return String.format(Locale.ROOT, "%-10s %6d %7d %10d %11d %5d %7d %7.1fms %-14s %16s",
                r.family(), r.n(), r.outputs(), r.gates(), r.edges(), r.depth(), r.maxFanIn(), r.buildNanos() * 1e-6,
                r.verdict(), r.evalNanos() == 0 ? "-" : Base.sci(r.gateEvalsPerSecond()));
    }

    /** The row in the compiler's study form, so the CSV is the study's own (and parses back). */
    static StudyRow toStudyRow(Row r) {
        return new StudyRow(r.family(), r.regime(), r.n(), r.inputs(), r.outputs(), r.depth(), r.gates(), r.edges(),
                r.maxFanIn(), r.buildNanos() / 1e6, (int) Math.min(Integer.MAX_VALUE, r.checked()),
                r.mismatch() == null ? 0 : 1, r.evalNanos() / 1e3, r.gateEvalsPerSecond(),
                r.mismatch() == null ? "" : r.mismatch());
    }

    static void writeCsv(Path file, List<Row> rows) throws IOException {
        checkDir(file);
        OutputFiles.register(file);
        StudyCsv.write(rows.stream().map(Study::toStudyRow).toList(), file);
    }

    /** Depth, size and (when measured) throughput against n, one series per family; SVG or PNG by name. */
    /** Words checked exhaustively when a model has at most this many inputs of length n. */
    static final int MODEL_EXHAUSTIVE = 4096;
    /** Distinct valid inputs generated for timing; the batch repeats them. */
    static final int MODEL_TIMING_WORDS = 4096;

    /**
     * A transformer at length n: compile it, check the circuit bit for bit against the exact
     * forward pass, and time a batch of valid one-hot inputs. Null when the compiler's size limit
     * stops it (the reason goes to {@code skipped}).
     */
    static Row measureModel(dev.tc0.compile.transformer.Transformer m, int n, long samples, long patterns,
                            Engine.Options opts, List<String> skipped, long maxEdges) {
        long t0 = System.nanoTime();
        dev.tc0.compile.lowering.CompiledModel cm;
        try {
            cm = dev.tc0.compile.lowering.TransformerLowering.compile(m, n);
        } catch (dev.tc0.compile.lowering.LoweringLimitException e) {
            skipped.add(m.name() + " from n=" + n + " (" + e.getMessage() + ")");
            return null;
        }
        if (cm.circuit().numEdges() > maxEdges) {
            skipped.add("tf-" + m.name() + " from n=" + n + " (" + cm.circuit().numEdges() + " edges)");
            return null;
        }
        long build = System.nanoTime() - t0;
        Circuit c = cm.circuit();
        CircuitStats s = CircuitStats.of(c);
        List<int[]> words = dev.tc0.compile.lowering.Verification.inputs(m.config(), n, MODEL_EXHAUSTIVE,
                (int) Math.min(samples, 1_000_000), 12345);
        boolean exhaustive = dev.tc0.compile.lowering.Verification.exhaustive(m.config(), n, MODEL_EXHAUSTIVE);
        dev.tc0.compile.lowering.Verification.Verdict verdict = dev.tc0.compile.lowering.Verification.check(cm, words);
        String mismatch = verdict.agrees() ? null : verdict.mismatch().message();
        long evalNanos = 0;
        String mode = "-";
        if (patterns > 0 && mismatch == null && c.numInputs() > 0) {
            List<int[]> timing = dev.tc0.compile.lowering.Verification.inputs(m.config(), n, 0, MODEL_TIMING_WORDS, 99);
            long[][] planes = cm.planes(timing, patterns);
            try (Engine e = new Engine(EvalPlan.of(c), opts)) {
                dev.tc0.eval.PlaneArraySource src = new dev.tc0.eval.PlaneArraySource(planes, patterns);
                e.run(src, OutputSink.discard());   // untimed: compiles the kernels this circuit uses
                Engine.Report r = e.run(src, OutputSink.discard());
                evalNanos = r.evalNanos();
                mode = r.mode().name().toLowerCase(Locale.ROOT);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        // "tf-" keeps a model apart from the circuit family of the same name in tables and plots
        return new Row("tf-" + m.name(), "TRANSFORMER", n, c.numInputs(), c.numOutputs(), c.numGates(), c.numEdges(), s.depth(),
                s.maxFanIn(), build, words.size(), exhaustive, mismatch, patterns, evalNanos, mode);
    }

    static void plot(Path file, String title, List<Row> rows) throws IOException {
        checkPlotName(file);
        checkDir(file);
        List<String> fams = rows.stream().map(Row::family).distinct().toList();
        List<Series> gates = new ArrayList<>(), depth = new ArrayList<>(), speed = new ArrayList<>();
        for (String f : fams) {
            List<Row> rs = rows.stream().filter(r -> r.family().equals(f)).toList();
            double[] x = rs.stream().mapToDouble(Row::n).toArray();
            gates.add(new Series(f, x, rs.stream().mapToDouble(Row::gates).toArray()));
            depth.add(new Series(f, x, rs.stream().mapToDouble(Row::depth).toArray()));
            List<Row> timed = rs.stream().filter(r -> r.evalNanos() > 0).toList();
            speed.add(new Series(f, timed.stream().mapToDouble(Row::n).toArray(),
                    timed.stream().mapToDouble(Row::gateEvalsPerSecond).toArray()));
        }
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("depth", "n", "depth", Scale.LOG, Scale.LINEAR, depth));
        panels.add(new Panel("size", "n", "gates", Scale.LOG, Scale.LOG, gates));
        if (rows.stream().anyMatch(r -> r.evalNanos() > 0)) {
            panels.add(new Panel("evaluation speed", "n", "gate-evals/s", Scale.LOG, Scale.LOG, speed));
        }
        Chart chart = new Chart(title, panels);
        OutputFiles.register(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) ChartFiles.writePng(chart, file);
        else ChartFiles.writeSvg(chart, file);
    }

    static void checkPlotName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) throw new UserException(file + ": plots are written as .svg or .png");
    }

    private static void checkDir(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserException(file + ": directory " + dir + " does not exist");
    }

    static void printTable(PrintWriter out, List<Row> rows) {
        out.println(HEADER);
        for (Row r : rows) out.println(line(r));
        out.flush();
    }
}
