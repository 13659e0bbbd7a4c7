package dev.tc0.bench.report;

import dev.tc0.bench.LengthLadder;
import dev.tc0.report.plot.Panel;
import dev.tc0.report.plot.Panel.Scale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The medians of a benchmark over rungs {@code name/n} and thread counts (LengthBenchmark,
 * TransformerBenchmark): rungs ordered by name, then n ascending; the batch-time cells of their
 * tables; the log-log time-against-n panels of their charts, one series per name.
 */
final class RungTimes {
    private final Map<String, Map<Integer, Double>> byRung; // rung -> threads -> median ns, in row order
    private final TreeSet<Integer> threads = new TreeSet<>();

    /**
     * The entries of {@code benchmark} (e.g. {@code LengthBenchmark.evaluate}); names listed in
     * {@code nameOrder} come first in that order, any other name after them in the order the run met it.
     */
    RungTimes(List<JmhResult> results, String benchmark, List<String> nameOrder) {
        Map<String, Map<Integer, Double>> seen = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(nameOrder);
        for (JmhResult r : results) {
            if (!r.benchmark().equals(benchmark)) continue;
            String rung = r.param("rung");
            int th = r.intParam("threads");
            seen.computeIfAbsent(rung, k -> new HashMap<>()).put(th, r.medianNanos());
            threads.add(th);
            if (!names.contains(name(rung))) names.add(name(rung));
        }
        byRung = new LinkedHashMap<>();
        seen.keySet().stream()
                .sorted(Comparator.comparingInt((String rung) -> names.indexOf(name(rung)))
                        .thenComparingInt(RungTimes::n))
                .forEach(rung -> byRung.put(rung, seen.get(rung)));
    }

    boolean isEmpty() {
        return byRung.isEmpty();
    }

    List<String> rungs() {
        return List.copyOf(byRung.keySet());
    }

    /** The thread counts of the run, ascending. */
    List<Integer> threads() {
        return List.copyOf(threads);
    }

    /** The smallest thread count: the one per-level, per-gate and per-pattern figures use. */
    int one() {
        return threads.first();
    }

    /** Median time per batch in nanoseconds; NaN when the run lacks this rung at this thread count. */
    double time(String rung, int threads) {
        return byRung.getOrDefault(rung, Map.of()).getOrDefault(threads, Double.NaN);
    }

    /** Column headers {@code batch xN}, one per thread count. */
    List<String> batchHeaders() {
        return threads.stream().map(th -> "batch x" + th).toList();
    }

    /** The cells under {@link #batchHeaders()} for one rung. */
    List<String> batchCells(String rung) {
        return threads.stream().map(th -> Markdown.time(time(rung, th))).toList();
    }

    /** Time per batch (ms) against n, log-log, one series per name among the rungs {@code which} accepts. */
    Panel panel(String title, Predicate<String> which, int threads) {
        Charts.Lines lines = new Charts.Lines();
        for (String rung : byRung.keySet()) {
            if (which.test(rung)) lines.add(name(rung), n(rung), time(rung, threads) / 1e6);
        }
        return new Panel(title, "n", "time per batch (ms)", Scale.LOG, Scale.LOG, lines.series());
    }

    static String name(String rung) {
        return LengthLadder.family(rung);
    }

    static int n(String rung) {
        return LengthLadder.n(rung);
    }
}
