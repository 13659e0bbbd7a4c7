package dev.tc0.bench.report;

import dev.tc0.bench.GateSpec;
import dev.tc0.bench.KernelWorkloads;
import dev.tc0.report.plot.Chart;
import dev.tc0.report.plot.Panel;
import dev.tc0.report.plot.Panel.Scale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KernelBenchmark less KernelBaselineBenchmark: nanoseconds per gate per 64-bit word and
 * two-input bit operations per cycle, per gate kind and fan-in, scalar and vector, per tile width.
 */
final class KernelSection implements Section {
    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        Map<String, Double> baseline = new HashMap<>();
        List<JmhResult> gates = new ArrayList<>();
        for (JmhResult r : results) {
            if (r.benchmark().equals("KernelBaselineBenchmark.noGates")) {
                baseline.put(r.param("inputs") + "/" + r.param("words"), r.medianNanos());
            } else if (r.benchmark().equals("KernelBenchmark.gates")) {
                gates.add(r);
            }
        }
        if (gates.isEmpty() && baseline.isEmpty()) return "";

        Set<String> columns = new LinkedHashSet<>(), specs = new LinkedHashSet<>();
        Map<String, Double> nsPerGateWord = new HashMap<>(), bitOpsPerCycle = new HashMap<>();
        Charts.Lines scalar = new Charts.Lines(), vector = new Charts.Lines();
        int smallestWords =
                gates.stream().mapToInt(r -> r.intParam("words")).min().orElse(0);
        for (JmhResult r : gates) {
            GateSpec g = GateSpec.parse(r.param("gate"));
            int words = r.intParam("words");
            String column = r.param("kernels") + ", " + words + " words";
            columns.add(column);
            specs.add(g.toString());
            double base = baseline.getOrDefault(KernelWorkloads.inputs(g) + "/" + words, Double.NaN);
            double net = r.medianNanos() - base;
            if (!(net > 0)) continue; // within the noise of the baseline, or no baseline in this run
            double gateCount = KernelWorkloads.gates(g);
            double perGateWord = net / (gateCount * words);
            double bitOps = gateCount * g.bitOpsPerPattern() * 64.0 * words / (net * Machine.ASSUMED_GHZ);
            nsPerGateWord.put(g + "|" + column, perGateWord);
            bitOpsPerCycle.put(g + "|" + column, bitOps);
            if (words == smallestWords) {
                (r.param("kernels").equals("vector") ? vector : scalar)
                        .add(g.kind().name().toLowerCase(), g.fanIn(), bitOps);
            }
        }

        StringBuilder md = new StringBuilder("## Kernels\n\n");
        md.append("One tile through levels of ")
                .append(KernelWorkloads.WIDTH)
                .append(
                        " gates of one kind and fan-in, each level over the one below (one thread; cheap gates get more levels, ")
                .append(
                        "up to 16 k edges per pattern: and2 runs 32 levels, fan-in 64 and above one), less the same engine run with no gates ")
                .append(
                        "(input fill and output copy; table below). A fan-in-k gate counts k-1 two-input bit operations ")
                .append("per pattern; cycles assume ")
                .append(Machine.ASSUMED_GHZ)
                .append(" GHz (stated, not measured). Flat ns per gate-word along a row is the linearity control; ")
                .append(
                        "a rise at 4096 words is the arena leaving L2. A dash: the difference is within the baseline's noise.\n\n");
        md.append("### Nanoseconds per gate per 64-bit word\n\n")
                .append(table(specs, columns, nsPerGateWord, 3))
                .append('\n');
        md.append("### Two-input bit operations per cycle\n\n")
                .append(table(specs, columns, bitOpsPerCycle, 1))
                .append('\n');

        Markdown b = new Markdown("inputs", "words", "engine run without gates (median)");
        baseline.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] k = e.getKey().split("/");
            b.row(k[0], k[1], Markdown.time(e.getValue()));
        });
        md.append("### Baseline\n\n").append(b).append('\n');
        if (!gates.isEmpty()) {
            Chart chart = new Chart(
                    "Kernel throughput at " + smallestWords + " words per tile (" + Machine.ASSUMED_GHZ
                            + " GHz assumed)",
                    List.of(
                            new Panel("scalar", "fan-in", "bit-ops per cycle", Scale.LOG, Scale.LOG, scalar.series()),
                            new Panel("vector", "fan-in", "bit-ops per cycle", Scale.LOG, Scale.LOG, vector.series())));
            md.append(Charts.write(chart, dir, "kernels")).append('\n');
        }
        return md.toString();
    }

    private static Markdown table(Set<String> specs, Set<String> columns, Map<String, Double> values, int decimals) {
        List<String> header = new ArrayList<>();
        header.add("gate");
        header.addAll(columns);
        Markdown t = new Markdown(header.toArray(String[]::new));
        for (String s : specs) {
            List<Object> row = new ArrayList<>();
            row.add(s);
            for (String c : columns) row.add(Markdown.num(values.getOrDefault(s + "|" + c, Double.NaN), decimals));
            t.row(row.toArray());
        }
        return t;
    }
}
