package dev.tc0.bench.report;

import dev.tc0.bench.DepthBenchmark;
import dev.tc0.circuit.Circuit;
import dev.tc0.report.plot.Chart;
import dev.tc0.report.plot.Panel;
import dev.tc0.report.plot.Panel.Scale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** DepthBenchmark: time against depth at a fixed gate count, per engine, for the small and the large batch. */
final class DepthSection implements Section {
    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        List<JmhResult> rs = results.stream()
                .filter(r -> r.benchmark().equals("DepthBenchmark.evaluate"))
                .toList();
        if (rs.isEmpty()) return "";
        TreeSet<Long> batches = new TreeSet<>();
        TreeSet<Integer> depths = new TreeSet<>();
        TreeSet<String> engines = new TreeSet<>();
        Map<String, Double> time = new HashMap<>();
        for (JmhResult r : rs) {
            long p = Long.parseLong(r.param("patterns"));
            int d = r.intParam("depth");
            String engine = engine(r);
            batches.add(p);
            depths.add(d);
            engines.add(engine);
            time.put(p + "|" + d + "|" + engine, r.medianNanos());
        }
        Map<Integer, Circuit> circuits = new HashMap<>();
        for (int d : depths) circuits.put(d, DepthBenchmark.circuit(d));

        StringBuilder md = new StringBuilder("## Time against depth\n\n");
        md.append("Layered random AND circuits, ")
                .append(DepthBenchmark.GATES)
                .append(" gates generated as depth D x width ")
                .append(DepthBenchmark.GATES)
                .append("/D (the builder drops the gates no upper level reads; the table gives what is left). ")
                .append(
                        "LEVELS: the level-parallel engine on the levelized plan; TILES: the tile-parallel engine on the depth-first plan; ")
                .append("xN: threads. Per level = time / D.\n\n");
        List<Panel> panels = new ArrayList<>();
        for (long p : batches) {
            List<String> header = new ArrayList<>(List.of("D", "width", "gates"));
            for (String e : engines) header.add(e);
            for (String e : engines) header.add(e + " per level");
            Markdown t = new Markdown(header.toArray(String[]::new));
            Charts.Lines lines = new Charts.Lines();
            for (int d : depths) {
                Circuit c = circuits.get(d);
                List<Object> row = new ArrayList<>(List.of(d, DepthBenchmark.GATES / d, c.numGates()));
                for (String e : engines) row.add(Markdown.time(time.getOrDefault(p + "|" + d + "|" + e, Double.NaN)));
                for (String e : engines)
                    row.add(Markdown.time(time.getOrDefault(p + "|" + d + "|" + e, Double.NaN) / d));
                t.row(row.toArray());
                for (String e : engines) lines.add(e, d, time.getOrDefault(p + "|" + d + "|" + e, Double.NaN) / 1e3);
            }
            md.append("### ").append(batchName(p)).append("\n\n").append(t).append('\n');
            panels.add(new Panel(batchName(p), "depth D", "time per batch (us)", Scale.LOG, Scale.LOG, lines.series()));
        }
        md.append(Charts.write(new Chart("Time against depth, same gate count", panels), dir, "depth"))
                .append('\n');
        return md.toString();
    }

    private static String engine(JmhResult r) {
        return r.param("mode") + " x" + r.param("threads");
    }

    static String batchName(long patterns) {
        String size =
                Long.bitCount(patterns) == 1 ? "2^" + Long.numberOfTrailingZeros(patterns) : String.valueOf(patterns);
        return (patterns <= 4096 ? "latency, " : "throughput, ") + size + " patterns";
    }
}
