package dev.tc0.bench.report;

import dev.tc0.bench.LengthBenchmark;
import dev.tc0.bench.LengthLadder;
import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.study.plot.Chart;
import dev.tc0.compile.study.plot.Panel;
import dev.tc0.compile.study.plot.Panel.Scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * LengthBenchmark: per family and n, depth and gates (rebuilt here: the JSON holds only times),
 * time per batch, per level and per gate, TC0 families beside their sequential constructions.
 */
final class LengthSection implements Section {
    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        List<JmhResult> rs = results.stream().filter(r -> r.benchmark().equals("LengthBenchmark.evaluate")).toList();
        if (rs.isEmpty()) return "";
        Map<String, Map<String, Double>> byRung = new LinkedHashMap<>();   // rung -> threads -> time
        TreeSet<String> threads = new TreeSet<>();
        for (String rung : LengthLadder.rungs()) {
            for (JmhResult r : rs) {
                if (!r.param("rung").equals(rung)) continue;
                byRung.computeIfAbsent(rung, k -> new HashMap<>()).put(r.param("threads"), r.medianNanos());
                threads.add(r.param("threads"));
            }
        }
        String one = threads.first();
        double patterns = LengthBenchmark.PATTERNS;

        StringBuilder md = new StringBuilder("## Time against input length n\n\n");
        md.append("One batch of ").append((long) patterns).append(" random patterns per rung, the engine choosing its mode. ")
                .append("Per level = time / depth, per gate = time / gates / patterns, both at x").append(one)
                .append(". TC0 families keep their depth as n grows; their sequential twins compute the same function ")
                .append("with depth growing in n. Compiled transformers are timed by `TransformerBenchmark` ")
                .append("(src/docs/results/transformers.md).\n\n");
        Markdown t = new Markdown(header(threads));
        Charts.Lines tc0 = new Charts.Lines(), sequential = new Charts.Lines();
        for (var e : byRung.entrySet()) {
            String rung = e.getKey();
            CircuitFamily f = LengthLadder.familyOf(rung);
            int n = LengthLadder.n(rung);
            Circuit c = LengthLadder.circuit(rung);
            int depth = c.depth();
            double t1 = e.getValue().getOrDefault(one, Double.NaN);
            Object[] row = new Object[6 + threads.size() + 3];
            int i = 0;
            row[i++] = f.name();
            row[i++] = f.regime().label();
            row[i++] = n;
            row[i++] = c.numInputs();
            row[i++] = depth;
            row[i++] = c.numGates();
            for (String th : threads) row[i++] = Markdown.time(e.getValue().getOrDefault(th, Double.NaN));
            row[i++] = Markdown.time(t1 / depth);
            row[i++] = Markdown.num(t1 / c.numGates() / patterns * 1e3, 2);
            row[i] = Markdown.rate(c.numGates() * patterns / (t1 * 1e-9));
            t.row(row);
            (f.constantDepth() ? tc0 : sequential).add(f.name(), n, t1 / 1e6);
        }
        md.append(t).append('\n');
        md.append("Where a ladder stops before n = ").append(LengthLadder.N[LengthLadder.N.length - 1]).append(":\n\n");
        LengthLadder.CAPS.forEach((f, cap) -> {
            if (cap.maxN() < LengthLadder.N[LengthLadder.N.length - 1]) {
                md.append("- `").append(f).append("` up to n = ").append(cap.maxN()).append(" (").append(cap.reason()).append(")\n");
            }
        });
        md.append('\n');
        Chart chart = new Chart("Time per batch against n (x" + one + ")", List.of(
                new Panel("constant-depth TC0", "n", "time per batch (ms)", Scale.LOG, Scale.LOG, tc0.series()),
                new Panel("sequential constructions", "n", "time per batch (ms)", Scale.LOG, Scale.LOG, sequential.series())));
        md.append(Charts.write(chart, dir, "length")).append('\n');
        return md.toString();
    }

    private static String[] header(TreeSet<String> threads) {
        List<String> h = new java.util.ArrayList<>(List.of("family", "regime", "n", "inputs", "depth", "gates"));
        for (String th : threads) h.add("batch x" + th);
        h.addAll(List.of("per level", "ps per gate-pattern", "gate evals/s"));
        return h.toArray(String[]::new);
    }
}
