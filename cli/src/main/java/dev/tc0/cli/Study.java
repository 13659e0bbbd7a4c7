package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitStats;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.RandomSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scaling study over a ladder of n: build the family's circuit, check it against the reference,
 * evaluate a batch of random inputs, and record size, depth and throughput. Used by {@code scale}
 * and {@code demo}; prints a table, writes CSV and plots.
 */
final class Study {
    record Row(String family, int n, int inputs, int outputs, int gates, long edges, int depth, int maxFanIn,
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

    static Row measure(FamilyCatalog.Family f, int n, long samples, long patterns, Engine.Options opts) {
        long t0 = System.nanoTime();
        Circuit c = FamilyCatalog.build(f, n);
        long build = System.nanoTime() - t0;
        CircuitStats s = CircuitStats.of(c);
        Checker.Result check = samples > 0 ? Checker.check(c, x -> f.reference(n, x), samples, 12345, opts)
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
        return new Row(f.name(), n, c.numInputs(), c.numOutputs(), c.numGates(), c.numEdges(), s.depth(), s.maxFanIn(),
                build, check.checked(), check.exhaustive(), check.mismatch(), patterns, evalNanos, mode);
    }

    static final String HEADER = String.format(Locale.ROOT, "%-10s %6s %7s %10s %11s %5s %7s %9s %-14s %16s",
            "family", "n", "outputs", "gates", "edges", "depth", "fan-in", "build", "checked", "gate-evals/s");

    static String line(Row r) {
        return String.format(Locale.ROOT, "%-10s %6d %7d %10d %11d %5d %7d %7.1fms %-14s %16s",
                r.family(), r.n(), r.outputs(), r.gates(), r.edges(), r.depth(), r.maxFanIn(), r.buildNanos() * 1e-6,
                r.verdict(), r.evalNanos() == 0 ? "-" : Base.sci(r.gateEvalsPerSecond()));
    }

    static void writeCsv(Path file, List<Row> rows) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserException(file + ": directory " + dir + " does not exist");
        StringBuilder b = new StringBuilder(
                "family,n,inputs,outputs,gates,edges,depth,max_fan_in,build_ms,checked,exhaustive,ok,patterns,eval_s,gate_evals_per_s\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%.3f,%d,%b,%b,%d,%.6f,%.4e%n", r.family(), r.n(),
                    r.inputs(), r.outputs(), r.gates(), r.edges(), r.depth(), r.maxFanIn(), r.buildNanos() * 1e-6,
                    r.checked(), r.exhaustive(), r.mismatch() == null, r.patterns(), r.evalNanos() * 1e-9,
                    r.gateEvalsPerSecond()));
        }
        Path tmp = OutputFiles.temp(file);
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gates, depth and (when measured) throughput against n, one series per family. */
    static void plot(Path file, String title, List<Row> rows) throws IOException {
        List<String> fams = rows.stream().map(Row::family).distinct().toList();
        List<Plot.Series> gates = new ArrayList<>(), depth = new ArrayList<>(), speed = new ArrayList<>();
        boolean measured = rows.stream().anyMatch(r -> r.evalNanos() > 0);
        for (String f : fams) {
            List<Row> rs = rows.stream().filter(r -> r.family().equals(f)).toList();
            double[] x = rs.stream().mapToDouble(Row::n).toArray();
            gates.add(new Plot.Series(f, x, rs.stream().mapToDouble(r -> r.gates()).toArray()));
            depth.add(new Plot.Series(f, x, rs.stream().mapToDouble(r -> r.depth()).toArray()));
            speed.add(new Plot.Series(f, x, rs.stream().mapToDouble(r -> r.evalNanos() > 0 ? r.gateEvalsPerSecond()
                    : Double.NaN).toArray()));
        }
        List<Plot.Panel> panels = new ArrayList<>();
        panels.add(new Plot.Panel("size (gates)", "n (input length)", gates));
        panels.add(new Plot.Panel("depth (constant in n for TC0)", "n (input length)", depth));
        if (measured) panels.add(new Plot.Panel("throughput (gate-evals/s)", "n (input length)", speed));
        Plot.write(file, title, panels);
    }

    static void printTable(PrintWriter out, List<Row> rows) {
        out.println(HEADER);
        for (Row r : rows) out.println(line(r));
        out.flush();
    }
}
