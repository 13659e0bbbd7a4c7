package dev.tc0.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One benchmark-and-parameters entry of a JMH JSON result file, reduced to what the report uses:
 * the SampleTime median (the 50th percentile) in nanoseconds, and the sample count.
 *
 * @param benchmark class and method without the package, e.g. {@code DepthBenchmark.evaluate}
 */
public record JmhResult(String benchmark, Map<String, String> params, double medianNanos, long samples,
                        String jdk, String vm, String settings) {

    public String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalArgumentException(benchmark + " has no parameter " + name);
        return v;
    }

    public int intParam(String name) { return Integer.parseInt(param(name)); }

    /** The class part of {@link #benchmark}. */
    public String benchmarkClass() { return benchmark.substring(0, benchmark.indexOf('.')); }

    public static List<JmhResult> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static List<JmhResult> parse(String json) {
        List<JmhResult> out = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> e = (Map<String, Object>) o;
            String full = (String) e.get("benchmark");
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, Object> metric = (Map<String, Object>) e.get("primaryMetric");
            Map<String, Object> pct = (Map<String, Object>) metric.get("scorePercentiles");
            Object p50 = pct == null ? null : pct.get("50.0");
            double median = ((Double) (p50 != null ? p50 : metric.get("score"))) * nanosPer((String) metric.get("scoreUnit"));
            long samples = countSamples(metric.get("rawDataHistogram"));
            Map<String, String> params = new java.util.LinkedHashMap<>();
            Optional.ofNullable((Map<String, Object>) e.get("params")).ifPresent(m -> m.forEach((k, v) -> params.put(k, String.valueOf(v))));
            out.add(new JmhResult(name, Map.copyOf(params), median, samples,
                    String.valueOf(e.get("jdkVersion")), e.get("vmName") + " " + e.get("vmVersion"), settings(e)));
        }
        return out;
    }

    /** Forks, warm-up and measurement as JMH ran them, e.g. {@code 1 fork, warm-up 3 x 1 s, measurement 5 x 2 s}. */
    private static String settings(Map<String, Object> e) {
        return String.format(java.util.Locale.ROOT, "%d fork(s), warm-up %d x %s, measurement %d x %s, JVM args %s",
                ((Double) e.get("forks")).intValue(), ((Double) e.get("warmupIterations")).intValue(), e.get("warmupTime"),
                ((Double) e.get("measurementIterations")).intValue(), e.get("measurementTime"), e.get("jvmArgs"));
    }

    /** JMH's sample histogram: per fork, per iteration, a list of [value, count] pairs. */
    @SuppressWarnings("unchecked")
    private static long countSamples(Object histogram) {
        if (!(histogram instanceof List<?> forks)) return 0;
        long n = 0;
        for (Object fork : forks) {
            for (Object iter : (List<Object>) fork) {
                for (Object pair : (List<Object>) iter) n += ((Double) ((List<Object>) pair).get(1)).longValue();
            }
        }
        return n;
    }

    static double nanosPer(String unit) {
        return switch (unit.substring(0, unit.indexOf('/'))) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }
}
