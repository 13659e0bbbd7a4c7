package dev.tc0.bench.report;

import dev.tc0.bench.CircuitFiles;
import dev.tc0.bench.RealCircuitBenchmark;
import dev.tc0.circuit.Circuit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RealCircuitBenchmark and AbcBenchmark of the same run: gate evaluations per second of tc0, and
 * ABC's {@code &lnetsim} time (less its start-up) on the same number of patterns. The speed-up is
 * ABC's time over tc0's on one thread: both on one core, so it is per core.
 */
final class RealCircuitSection implements Section {
    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        Map<String, Double> tc0 = new HashMap<>(), abc = new HashMap<>(), abcStart = new HashMap<>();
        Set<String> circuits = new LinkedHashSet<>();
        for (JmhResult r : results) {
            // The table is the interpreter's on the default batch: runs with other kernels or
            // batch sizes (-p kernels=native, -p log2Patterns=24) are read in their own reports.
            if (r.benchmark().startsWith("RealCircuitBenchmark.")
                    && (!r.param("kernels", "auto").equals("auto")
                            || Long.parseLong(r.param("log2Patterns", "20")) != 20)) continue;
            switch (r.benchmark()) {
                case "RealCircuitBenchmark.evaluate" ->
                    tc0.put(r.param("circuit") + "|" + r.param("threads"), r.medianNanos());
                case "AbcBenchmark.simulate" -> abc.put(r.param("circuit"), r.medianNanos());
                case "AbcBenchmark.startup" -> abcStart.put(r.param("circuit"), r.medianNanos());
                default -> {
                    continue;
                }
            }
            circuits.add(r.param("circuit"));
        }
        if (circuits.isEmpty()) return "";
        double patterns = RealCircuitBenchmark.PATTERNS;
        StringBuilder md = new StringBuilder("## Real circuits\n\n");
        md.append("ISCAS-85 and EPFL circuits on ")
                .append((long) patterns)
                .append(" random patterns. tc0: planes in memory, ")
                .append(
                        "outputs discarded; gates as tc0 reads them (multi-input .bench gates count once). ABC: `&lnetsim` on the same ")
                .append(
                        "number of patterns from a plane file (page cache), its time less the same command on 64 patterns ")
                .append("(start-up and reading the circuit). Speed-up = ABC net / tc0 x1, both on one core.\n\n");
        Markdown t = new Markdown(
                "circuit",
                "gates",
                "depth",
                "tc0 x1",
                "tc0 x2",
                "tc0 gate evals/s x1",
                "tc0 gate evals/s x2",
                "ABC",
                "ABC start-up",
                "ABC net",
                "tc0 speed-up per core");
        for (String name : circuits) {
            Circuit c = readOrNull(name);
            double gates = c == null ? Double.NaN : c.numGates();
            double t1 = tc0.getOrDefault(name + "|1", Double.NaN), t2 = tc0.getOrDefault(name + "|2", Double.NaN);
            double net = abc.getOrDefault(name, Double.NaN) - abcStart.getOrDefault(name, Double.NaN);
            t.row(
                    CircuitFiles.shortName(name),
                    c == null ? "?" : c.numGates(),
                    c == null ? "?" : c.depth(),
                    Markdown.time(t1),
                    Markdown.time(t2),
                    Markdown.rate(gates * patterns / (t1 * 1e-9)),
                    Markdown.rate(gates * patterns / (t2 * 1e-9)),
                    Markdown.time(abc.getOrDefault(name, Double.NaN)),
                    Markdown.time(abcStart.getOrDefault(name, Double.NaN)),
                    Markdown.time(net > 0 ? net : Double.NaN),
                    Markdown.num(net > 0 ? net / t1 : Double.NaN, 1));
        }
        md.append(t).append('\n');
        if (CircuitFiles.unavailable().isPresent()) {
            md.append("Gate counts missing: ")
                    .append(CircuitFiles.unavailable().get())
                    .append(".\n\n");
        }
        return md.toString();
    }

    private static Circuit readOrNull(String name) {
        if (CircuitFiles.unavailable().isPresent()) return null;
        try {
            return CircuitFiles.read(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
