package dev.tc0.bench.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One benchmark-and-parameters entry of a JMH JSON result file, reduced to what the report uses:
 * the SampleTime median (the 50th percentile) in nanoseconds, and the sample count.
 *
 * @param benchmark class and method without the package, e.g. {@code DepthBenchmark.evaluate}
 */
public record JmhResult(
        String benchmark,
        Map<String, String> params,
        double medianNanos,
        long samples,
        String jdk,
        String vm,
        String settings) {

    public String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalArgumentException(benchmark + " has no parameter " + name);
        return v;
    }

    /** The parameter's value, or {@code otherwise} when the benchmark has no such parameter. */
    public String param(String name, String otherwise) {
        return params.getOrDefault(name, otherwise);
    }

    public int intParam(String name) {
        return Integer.parseInt(param(name));
    }

    /** The class part of {@link #benchmark}. */
    public String benchmarkClass() {
        return benchmark.substring(0, benchmark.indexOf('.'));
    }

    public static List<JmhResult> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    // JMH writes NaN bare for scores it could not compute.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** The entries of a JMH JSON result file; malformed JSON is an error naming the line and column. */
    static List<JmhResult> parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(
                    "JMH result JSON"
                            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                            + e.getOriginalMessage(),
                    e);
        }
        if (root == null || !root.isArray())
            throw new IllegalArgumentException("JMH result JSON: not an array of results");
        List<JmhResult> out = new ArrayList<>();
        for (JsonNode e : root) {
            String[] parts = e.path("benchmark").asText().split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            JsonNode metric = e.path("primaryMetric");
            JsonNode p50 = metric.path("scorePercentiles").get("50.0");
            double median = (p50 != null ? p50 : metric.path("score")).asDouble()
                    * nanosPer(metric.path("scoreUnit").asText());
            Map<String, String> params = new java.util.LinkedHashMap<>();
            e.path("params")
                    .properties()
                    .forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            out.add(new JmhResult(
                    name,
                    Map.copyOf(params),
                    median,
                    countSamples(metric.path("rawDataHistogram")),
                    text(e, "jdkVersion"),
                    text(e, "vmName") + " " + text(e, "vmVersion"),
                    settings(e)));
        }
        return out;
    }

    /** A field as text, "null" when it is missing, as the report has always shown it. */
    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? "null" : v.asText();
    }

    /** Forks, warm-up and measurement as JMH ran them, e.g. {@code 1 fork, warm-up 3 x 1 s, measurement 5 x 2 s}. */
    private static String settings(JsonNode e) {
        List<String> jvmArgs = new ArrayList<>();
        e.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return String.format(
                java.util.Locale.ROOT,
                "%d fork(s), warm-up %d x %s, measurement %d x %s, JVM args %s",
                e.path("forks").asInt(),
                e.path("warmupIterations").asInt(),
                text(e, "warmupTime"),
                e.path("measurementIterations").asInt(),
                text(e, "measurementTime"),
                e.has("jvmArgs") ? jvmArgs.toString() : "null");
    }

    /** JMH's sample histogram: per fork, per iteration, a list of [value, count] pairs. */
    private static long countSamples(JsonNode histogram) {
        long n = 0;
        for (JsonNode fork : histogram) {
            for (JsonNode iter : fork) {
                for (JsonNode pair : iter) n += pair.path(1).asLong();
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
