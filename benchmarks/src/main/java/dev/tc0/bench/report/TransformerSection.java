package dev.tc0.bench.report;

import dev.tc0.bench.TransformerBenchmark;
import dev.tc0.circuit.Circuit;
import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.report.plot.Chart;
import dev.tc0.report.plot.Panel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TransformerBenchmark: per compiled model and n, the circuit's gates, edges and depth (compiled
 * again here with the benchmark's own {@link TransformerBenchmark#compile}: the JSON holds only
 * times), time per batch per thread count, and time per pattern and per edge-pattern.
 */
final class TransformerSection implements Section {
    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        RungTimes times = new RungTimes(results, "TransformerBenchmark.evaluate", List.of());
        if (times.isEmpty()) return "";
        int one = times.one();
        double patterns = TransformerBenchmark.PATTERNS;

        StringBuilder md = new StringBuilder("## Compiled transformers against input length n\n\n");
        md.append(
                        "Each shipped model that compiles, at a ladder of n up to its max_seq_len and past it (the model built for exactly n; rung `model/n`; a model named `+blocks` is compiled with block sums, as `tc0 compile --block-sums`), on one batch of ")
                .append((long) patterns)
                .append(" valid inputs (random token sequences, one-hot encoded, repeated from ")
                .append(TransformerBenchmark.DISTINCT)
                .append(" distinct ones), the engine choosing mode and tile. ")
                .append("p: the precision the compiler chose; gates, edges and depth of the compiled circuit. ")
                .append("Per pattern and per edge-pattern at x")
                .append(one)
                .append(". Every circuit is checked bit for bit ")
                .append("against the p-precision forward pass by `BenchmarkWorkloadsTest`.\n\n");
        List<String> header = new ArrayList<>(List.of("model", "n", "p", "inputs", "gates", "edges", "depth"));
        header.addAll(times.batchHeaders());
        header.addAll(List.of("ns per pattern", "ps per edge-pattern"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        for (String rung : times.rungs()) {
            CompiledModel cm = TransformerBenchmark.compile(rung);
            Circuit c = cm.circuit();
            double t1 = times.time(rung, one);
            List<Object> row = new ArrayList<>(List.of(
                    RungTimes.name(rung),
                    cm.n(),
                    cm.precisionBits(),
                    c.numInputs(),
                    c.numGates(),
                    c.numEdges(),
                    c.depth()));
            row.addAll(times.batchCells(rung));
            row.add(Markdown.num(t1 / patterns, 2));
            row.add(Markdown.num(t1 / c.numEdges() / patterns * 1e3, 2));
            t.row(row.toArray());
        }
        md.append(t).append('\n');
        List<Panel> panels = new ArrayList<>();
        for (int th : times.threads()) panels.add(times.panel(th + (th == 1 ? " thread" : " threads"), r -> true, th));
        md.append(Charts.write(
                        new Chart("Compiled transformers: time per batch against n", panels), dir, "transformers"))
                .append('\n');
        return md.toString();
    }
}
