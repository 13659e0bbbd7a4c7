package dev.tc0.bench.report;

import dev.tc0.bench.LatencyBenchmark;
import dev.tc0.bench.LengthLadder;
import dev.tc0.circuit.Circuit;
import dev.tc0.report.plot.Chart;
import dev.tc0.report.plot.Panel;
import dev.tc0.report.plot.Panel.Scale;
import dev.tc0.report.study.ParallelTime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * LatencyBenchmark: per workload, thread count and batch, the circuit's work W (edges) and depth D
 * (rebuilt here: the JSON holds only times), the measured time, and the model T(P) = W / (P r) + D s
 * fitted over every entry ({@link ParallelTime}), its error per entry, and P*, the core count
 * from which the depth term would dominate.
 */
final class LatencySection implements Section {
    /** Entries whose model time is off by more than this share of the measured time are flagged. */
    static final double FLAG = 0.30;

    @Override
    public String write(List<JmhResult> results, Path dir) throws IOException {
        List<JmhResult> rs = results.stream()
                .filter(r -> r.benchmark().equals("LatencyBenchmark.evaluate"))
                .sorted(Comparator.comparingInt((JmhResult r) -> rank(r.param("workload")))
                        .thenComparingInt(r -> LengthLadder.n(r.param("workload")))
                        .thenComparingInt(r -> r.intParam("threads"))
                        .thenComparingLong(r -> Long.parseLong(r.param("patterns"))))
                .toList();
        if (rs.isEmpty()) return "";
        Map<String, Circuit> circuits = new LinkedHashMap<>();
        for (JmhResult r : rs) circuits.computeIfAbsent(r.param("workload"), LatencyBenchmark::circuit);
        List<ParallelTime.Point> points = new ArrayList<>();
        for (JmhResult r : rs) points.add(point(r, circuits.get(r.param("workload"))));
        ParallelTime fit;
        String noFit = null;
        try {
            fit = ParallelTime.fit(points);
        } catch (IllegalArgumentException e) {
            fit = null;
            noFit = e.getMessage();
        }

        StringBuilder md =
                new StringBuilder("## Latency against depth: compiled transformers and their sequential twins\n\n");
        md.append("One input (1 pattern) and 64 inputs (one 64-bit word per plane: the same single tile of the ")
                .append("engine's smallest width, 8 words) per call, on the level-parallel engine (mode LEVELS) with ")
                .append("P threads. Transformers are the shipped models compiled at n (bounded depth); their twins ")
                .append("are the sequential circuit families of depth growing with n (")
                .append(twinList())
                .append("; count-chain is the sequential counter, not the same function as hist or frac_prevs). ")
                .append("W: edges (gate operands); D: depth; per level = measured / D; widest level: the most edges ")
                .append(
                        "in one level. Model: T(P) = W / (P r) + D s, r edge evaluations per second per core, s seconds ")
                .append("per level, fitted by least squares on relative error over every entry below. ")
                .append("The engine splits a level across its threads only from 2^17 operand-words ")
                .append("(with one 8-word tile: 16384 edges in that level); a smaller level runs on one thread, so ")
                .append("at P = 2 the model's W / 2 is an assumption the measurement tests, not a given. Flag: ")
                .append("|error| > ")
                .append((int) (FLAG * 100))
                .append(" %.\n\n");

        Markdown t = new Markdown(
                "workload",
                "kind",
                "n",
                "P",
                "patterns",
                "W",
                "D",
                "widest level",
                "measured",
                "model",
                "error",
                "flag",
                "per level");
        for (int i = 0; i < rs.size(); i++) {
            JmhResult r = rs.get(i);
            String w = r.param("workload");
            ParallelTime.Point p = points.get(i);
            double model = fit == null ? Double.NaN : fit.predict(p) * 1e9;
            double error = fit == null ? Double.NaN : fit.relativeError(p);
            t.row(
                    LengthLadder.family(w),
                    kind(w),
                    LengthLadder.n(w),
                    p.cores(),
                    r.param("patterns"),
                    (long) p.work(),
                    (int) p.depth(),
                    widestLevel(circuits.get(w)),
                    Markdown.time(r.medianNanos()),
                    Markdown.time(model),
                    percent(error),
                    Math.abs(error) > FLAG ? "**off**" : "",
                    Markdown.time(r.medianNanos() / p.depth()));
        }
        md.append(t).append('\n');
        if (fit == null) {
            md.append("No fit: ").append(noFit).append(".\n\n");
            return md.toString();
        }
        md.append("Fit over every entry: ").append(summary(fit)).append(".\n\n");
        // the same model fitted to a subset: how far one r and one s serve both kinds of circuit, and
        // how well it describes one core alone, where W / P is not in question
        Map<String, ParallelTime> bySubset = new LinkedHashMap<>();
        md.append("The same model fitted to part of the entries:\n\n");
        Map<String, java.util.function.Predicate<JmhResult>> subsets = new LinkedHashMap<>();
        for (String k : List.of("transformer", "sequential"))
            subsets.put(k, r -> kind(r.param("workload")).equals(k));
        int one = rs.stream().mapToInt(r -> r.intParam("threads")).min().orElseThrow();
        subsets.put("P = " + one + " only", r -> r.intParam("threads") == one);
        for (Map.Entry<String, java.util.function.Predicate<JmhResult>> subset : subsets.entrySet()) {
            List<ParallelTime.Point> own = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) if (subset.getValue().test(rs.get(i))) own.add(points.get(i));
            if (own.isEmpty() || own.size() == points.size()) continue;
            md.append("- ").append(subset.getKey()).append(": ");
            try {
                ParallelTime sf = ParallelTime.fit(own);
                bySubset.put(subset.getKey(), sf);
                md.append(summary(sf)).append('\n');
            } catch (IllegalArgumentException e) {
                md.append("no fit: ").append(e.getMessage()).append('\n');
            }
        }
        md.append('\n');
        md.append(batchSpread(rs));

        md.append("P*: the core count from which the depth term D s would exceed the work term W / (P r) ")
                .append("(P* = W / (r D s)), under the fit over every entry and under the fit of the workload's kind; ")
                .append("below 1, depth dominates already on one core.\n\n");
        Markdown ps = new Markdown("workload", "kind", "n", "W", "D", "P* (all)", "P* (kind)");
        for (Map.Entry<String, Circuit> e : circuits.entrySet()) {
            Circuit c = e.getValue();
            ParallelTime kf = bySubset.get(kind(e.getKey()));
            ps.row(
                    LengthLadder.family(e.getKey()),
                    kind(e.getKey()),
                    LengthLadder.n(e.getKey()),
                    c.numEdges(),
                    c.depth(),
                    cores(fit.depthDominatesFrom(c.numEdges(), c.depth())),
                    kf == null ? "–" : cores(kf.depthDominatesFrom(c.numEdges(), c.depth())));
        }
        md.append(ps).append('\n');
        md.append(Charts.write(chart(rs, points, fit), dir, "latency")).append('\n');
        return md.toString();
    }

    /** The point the fit sees: W edges, depth D, P = the thread count, the median in seconds. */
    static ParallelTime.Point point(JmhResult r, Circuit c) {
        return new ParallelTime.Point(c.numEdges(), c.depth(), r.intParam("threads"), r.medianNanos() * 1e-9);
    }

    /** Row order: the models in {@link LatencyBenchmark#TWINS} order, then the twins; unknown names last. */
    private static int rank(String workload) {
        List<String> order = new ArrayList<>(LatencyBenchmark.TWINS.keySet());
        order.addAll(new LinkedHashSet<>(LatencyBenchmark.TWINS.values()));
        int i = order.indexOf(LengthLadder.family(workload));
        return i < 0 ? order.size() : i;
    }

    private static String kind(String workload) {
        return LatencyBenchmark.isModel(workload) ? "transformer" : "sequential";
    }

    /** "dyck1: dyck1-chain, majority: majority-chain, ...". */
    private static String twinList() {
        List<String> pairs = new ArrayList<>();
        LatencyBenchmark.TWINS.forEach((m, twin) -> pairs.add(m + ": " + twin));
        return String.join(", ", pairs);
    }

    /** The most edges (operands) among the gates of one level. */
    static long widestLevel(Circuit c) {
        int[] level = c.levels();
        long[] edges = new long[c.depth() + 2];
        for (int g = 0; g < c.numGates(); g++) {
            int l = level[c.gateNode(g)];
            if (l < edges.length) edges[l] += c.fanIn(g);
        }
        long max = 0;
        for (long e : edges) max = Math.max(max, e);
        return max;
    }

    static String percent(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%+.0f %%", x * 100);
    }

    /** P* to two significant digits; "∞" where the fit has no depth cost. */
    static String cores(double p) {
        if (Double.isInfinite(p)) return "∞";
        return p >= 100 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.2g", p);
    }

    /**
     * Measured and model side by side: per thread count, a panel of the measured medians and one
     * of the model's times against n, one series per workload, at the smallest batch of the run.
     */
    private static Chart chart(List<JmhResult> rs, List<ParallelTime.Point> points, ParallelTime fit) {
        long batch = rs.stream()
                .mapToLong(r -> Long.parseLong(r.param("patterns")))
                .min()
                .orElseThrow();
        TreeSet<Integer> threads = new TreeSet<>();
        for (JmhResult r : rs) threads.add(r.intParam("threads"));
        List<Panel> panels = new ArrayList<>();
        for (int th : threads) {
            Charts.Lines measured = new Charts.Lines(), model = new Charts.Lines();
            for (int i = 0; i < rs.size(); i++) {
                JmhResult r = rs.get(i);
                if (r.intParam("threads") != th || Long.parseLong(r.param("patterns")) != batch) continue;
                String w = r.param("workload");
                measured.add(LengthLadder.family(w), LengthLadder.n(w), r.medianNanos() / 1e3);
                model.add(LengthLadder.family(w), LengthLadder.n(w), fit.predict(points.get(i)) * 1e6);
            }
            panels.add(new Panel(
                    "measured, P = " + th, "n", "time per call (us)", Scale.LOG, Scale.LOG, measured.series()));
            panels.add(new Panel("model, P = " + th, "n", "time per call (us)", Scale.LOG, Scale.LOG, model.series()));
        }
        return new Chart(
                "Latency against n, " + batch + (batch == 1 ? " pattern" : " patterns") + ": measured and model",
                panels);
    }

    /** The fit, its largest error and how many of its points it misses by more than {@link #FLAG}. */
    private static String summary(ParallelTime fit) {
        long flagged = fit.points().stream()
                .filter(p -> Math.abs(fit.relativeError(p)) > FLAG)
                .count();
        return fit.describe() + "; largest |error| " + percent(fit.maxRelativeError()) + ", " + flagged + " of "
                + fit.points().size() + " entries flagged";
    }

    /**
     * How far apart the medians of one workload and thread count lie across the batches: the
     * benchmark's batches are one tile each, the same work, so the spread is this run's noise.
     */
    private static String batchSpread(List<JmhResult> rs) {
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        for (JmhResult r : rs)
            groups.computeIfAbsent(r.param("workload") + " x" + r.param("threads"), k -> new ArrayList<>())
                    .add(r.medianNanos());
        List<Double> spreads = new ArrayList<>();
        String worst = null;
        double max = 0;
        for (Map.Entry<String, List<Double>> g : groups.entrySet()) {
            if (g.getValue().size() < 2) continue;
            double hi = g.getValue().stream().mapToDouble(x -> x).max().orElseThrow();
            double lo = g.getValue().stream().mapToDouble(x -> x).min().orElseThrow();
            spreads.add(hi / lo);
            if (hi / lo > max) {
                max = hi / lo;
                worst = g.getKey();
            }
        }
        if (spreads.isEmpty()) return "";
        spreads.sort(null);
        double median = spreads.get(spreads.size() / 2);
        return String.format(
                Locale.ROOT,
                "Noise: the batches of one workload and thread count are the same work (one tile each), yet their "
                        + "medians differ by a factor of %.2f (median over %d pairs), %.1f at worst (%s).\n\n",
                median,
                spreads.size(),
                max,
                worst);
    }
}
