package dev.tc0.bench.report;

import dev.tc0.bench.LengthBenchmark;
import dev.tc0.bench.LengthLadder;
import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.report.plot.Chart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * LengthBenchmark: per family and n, depth and gates (rebuilt here: the JSON holds only times),
 * time per batch, per level and per gate, TC0 families beside their sequential constructions.
 */
final class LengthSection implements Section {
    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        RungTimes times = new RungTimes(results, "LengthBenchmark.evaluate", List.copyOf(LengthLadder.CAPS.keySet()));
        if (times.isEmpty()) return "";
        int one = times.one();
        double patterns = LengthBenchmark.PATTERNS;

        StringBuilder md = new StringBuilder("## Time against input length n\n\n");
        md.append("One batch of ")
                .append((long) patterns)
                .append(" random patterns per rung, the engine choosing its mode. ")
                .append("Per level = time / depth, per gate = time / gates / patterns, both at x")
                .append(one)
                .append(". TC0 families keep their depth as n grows; their sequential twins compute the same function ")
                .append("with depth growing in n. Compiled transformers are timed by `TransformerBenchmark` ")
                .append("(their own section when the run includes it; src/docs/results/transformers/).\n\n");
        List<String> header = new ArrayList<>(List.of("family", "regime", "n", "inputs", "depth", "gates"));
        header.addAll(times.batchHeaders());
        header.addAll(List.of("per level", "ps per gate-pattern", "gate evals/s"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        for (String rung : times.rungs()) {
            CircuitFamily f = LengthLadder.familyOf(rung);
            Circuit c = LengthLadder.circuit(rung);
            int depth = c.depth();
            double t1 = times.time(rung, one);
            List<Object> row = new ArrayList<>(
                    List.of(f.name(), f.regime().label(), LengthLadder.n(rung), c.numInputs(), depth, c.numGates()));
            row.addAll(times.batchCells(rung));
            row.add(Markdown.time(t1 / depth));
            row.add(Markdown.num(t1 / c.numGates() / patterns * 1e3, 2));
            row.add(Markdown.rate(c.numGates() * patterns / (t1 * 1e-9)));
            t.row(row.toArray());
        }
        md.append(t).append('\n');
        md.append("Where a ladder stops before n = ")
                .append(LengthLadder.N[LengthLadder.N.length - 1])
                .append(":\n\n");
        LengthLadder.CAPS.forEach((f, cap) -> {
            if (cap.maxN() < LengthLadder.N[LengthLadder.N.length - 1]) {
                md.append("- `")
                        .append(f)
                        .append("` up to n = ")
                        .append(cap.maxN())
                        .append(" (")
                        .append(cap.reason())
                        .append(")\n");
            }
        });
        md.append('\n');
        Chart chart = new Chart(
                "Time per batch against n (x" + one + ")",
                List.of(
                        times.panel(
                                "constant-depth TC0",
                                r -> LengthLadder.familyOf(r).constantDepth(),
                                one),
                        times.panel(
                                "sequential constructions",
                                r -> !LengthLadder.familyOf(r).constantDepth(),
                                one)));
        md.append(Charts.write(chart, dir, "length")).append('\n');
        return md.toString();
    }
}
