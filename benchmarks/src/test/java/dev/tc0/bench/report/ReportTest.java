package dev.tc0.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tc0.bench.LatencyBenchmark;
import dev.tc0.bench.LengthLadder;
import dev.tc0.bench.TransformerBenchmark;
import dev.tc0.circuit.Circuit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report generator on the checked-in sample of a real JMH run ({@link SampleRun}). No time is asserted. */
class ReportTest {
    static List<JmhResult> sample;

    @BeforeAll
    static void load() throws Exception {
        if (Boolean.getBoolean("tc0.regenerateSample")) SampleRun.write(SampleRun.CHECKED_IN);
        sample = JmhResult.read(SampleRun.CHECKED_IN);
    }

    @Test
    void readsEveryEntryWithItsParametersAndAMedian() {
        assertEquals(2 * 2 + 1 + 2 + 4, sample.size());
        for (JmhResult r : sample) {
            assertFalse(Double.isNaN(r.medianNanos()), r.benchmark());
            assertTrue(r.samples() > 0, r.benchmark());
            assertTrue(r.jdk().startsWith("25"), r.jdk());
        }
        JmhResult k = sample.stream()
                .filter(r -> r.benchmark().equals("KernelBenchmark.gates"))
                .findFirst()
                .orElseThrow();
        assertEquals(64, k.intParam("words"));
    }

    @Test
    void writesEverySectionWithItsRowsAndCharts(@TempDir Path dir) throws IOException {
        Path readme = Report.write(sample, dir, "benchmarks/run.sh --test", true);
        String md = Files.readString(readme);
        for (String s : List.of(
                "Smoke run",
                "Machine: ",
                "Command: `benchmarks/run.sh --test`",
                "## Kernels",
                "## Time against depth",
                "## Time against input length n",
                "| threshold15 |",
                "| and2 |")) {
            assertTrue(md.contains(s), "missing " + s + " in\n" + md);
        }
        assertFalse(md.contains("## Real circuits"), "no real-circuit entries in the sample");
        assertFalse(md.contains("## Compiled transformers"), "no transformer entries in the sample");
        for (String rung : List.of("majority/16", "majority/64", "parity-chain/16", "parity-chain/64")) {
            String row = "| " + LengthLadder.family(rung) + " | ";
            assertTrue(
                    md.lines().anyMatch(l -> l.startsWith(row) && l.contains(" | " + LengthLadder.n(rung) + " | ")),
                    rung);
        }
        for (String chart : List.of("kernels", "depth", "length")) {
            byte[] png = Files.readAllBytes(dir.resolve(chart + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
            assertTrue(Files.readString(dir.resolve(chart + ".svg")).contains("<svg"), chart);
            assertTrue(md.contains("](" + chart + ".png)"), chart);
        }
    }

    /**
     * The transformer section on a synthetic JMH file: medians chosen here, gates, edges and depth
     * from the benchmark's own compile; rows by model then n whatever the file's order.
     */
    @Test
    void writesTheTransformerSectionFromItsEntries(@TempDir Path dir) throws IOException {
        String json = "["
                + String.join(
                        ",",
                        jmhEntry("TransformerBenchmark.evaluate", "majority/32", 1, 183.0),
                        jmhEntry("TransformerBenchmark.evaluate", "majority/16", 1, 50.0),
                        jmhEntry("TransformerBenchmark.evaluate", "majority/16", 2, 55.0),
                        jmhEntry("TransformerBenchmark.evaluate", "reverse/4", 1, 1130.0),
                        jmhEntry("TransformerBenchmark.evaluate", "reverse/4", 2, 1100.0),
                        jmhEntry("TransformerBenchmark.evaluate", "majority/32", 2, 185.0))
                + "]";
        List<JmhResult> results = JmhResult.parse(json);
        assertEquals(6, results.size());
        String md = Files.readString(Report.write(results, dir, "benchmarks/run.sh --test", false));

        assertTrue(md.contains("## Compiled transformers against input length n\n"), md);
        for (String absent :
                List.of("## Kernels", "## Time against depth", "## Time against input length n", "## Real circuits")) {
            assertFalse(md.contains(absent), absent);
        }
        assertTrue(
                md.contains(
                        "| model | n | p | inputs | gates | edges | depth | batch x1 | batch x2 | ns per pattern | ps per edge-pattern |"),
                md);
        List<String> rows = md.lines()
                .filter(l -> l.startsWith("| majority |") || l.startsWith("| reverse |"))
                .toList();
        assertEquals(3, rows.size(), md);
        assertEquals(row("majority/16", "50.0 us", "55.0 us", 50e3), rows.get(0));
        assertEquals(row("majority/32", "183.0 us", "185.0 us", 183e3), rows.get(1));
        assertEquals(row("reverse/4", "1.13 ms", "1.10 ms", 1130e3), rows.get(2));
        assertTrue(rows.get(0).contains(" | 0.76 | "), rows.get(0)); // 50 us / 65536 patterns

        byte[] png = Files.readAllBytes(dir.resolve("transformers.png"));
        assertTrue(png.length > 1000, "png of " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String svg = Files.readString(dir.resolve("transformers.svg"));
        for (String s : List.of("<svg", "1 thread", "2 threads", ">majority<", ">reverse<"))
            assertTrue(svg.contains(s), s);
        assertTrue(md.contains("](transformers.png) ([SVG](transformers.svg))"), md);
    }

    /** Latency entries whose medians follow T = W / (P r) + D s exactly, W and D from the benchmark's circuits. */
    static final double R = 2e9, S = 400e-9;

    private static String latencyEntry(String workload, int threads, long patterns, double factor) {
        Circuit c = LatencyBenchmark.circuit(workload);
        double us = (c.numEdges() / (threads * R) + c.depth() * S) * 1e6 * factor;
        return jmhEntry(
                "LatencyBenchmark.evaluate",
                "\"workload\": \"%s\", \"threads\": \"%d\", \"patterns\": \"%d\""
                        .formatted(workload, threads, patterns),
                us);
    }

    private static String latencyReport(Path dir, List<String> entries) throws IOException {
        return Files.readString(Report.write(
                JmhResult.parse("[" + String.join(",", entries) + "]"), dir, "benchmarks/run.sh --test", false));
    }

    private static List<String> latencyRows(String md) {
        return md.lines()
                .filter(l -> l.matches("\\| [a-z0-9_-]+ \\| (transformer|sequential) \\| \\d+ \\| \\d \\| \\d+ \\|.*"))
                .toList();
    }

    /** Times that follow the model exactly: the section recovers r and s, every error is 0 %, P* is the closed form. */
    @Test
    void writesTheLatencySectionWithTheFittedModel(@TempDir Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String w : List.of("dyck1-chain/16", "majority-chain/16", "dyck1/16")) { // not the table's order
            for (int p : new int[] {2, 1}) entries.add(latencyEntry(w, p, 1, 1));
        }
        entries.add(latencyEntry("dyck1/16", 1, 64, 1));
        String md = latencyReport(dir, entries);
        assertTrue(md.contains("## Latency against depth: compiled transformers and their sequential twins\n"), md);
        assertFalse(md.contains("## Compiled transformers"), md);
        assertTrue(
                md.contains(
                        "| workload | kind | n | P | patterns | W | D | widest level | measured | model | error | flag"
                                + " | per level |"),
                md);
        List<String> rows = latencyRows(md);
        assertEquals(7, rows.size(), md);
        Circuit dyck = LatencyBenchmark.circuit("dyck1/16"), chain = LatencyBenchmark.circuit("dyck1-chain/16");
        String dyckCells = " | " + dyck.numEdges() + " | " + dyck.depth() + " | ";
        assertTrue(rows.get(0).startsWith("| dyck1 | transformer | 16 | 1 | 1" + dyckCells), rows.get(0));
        assertTrue(rows.get(1).startsWith("| dyck1 | transformer | 16 | 1 | 64" + dyckCells), rows.get(1));
        assertTrue(rows.get(2).startsWith("| dyck1 | transformer | 16 | 2 | 1" + dyckCells), rows.get(2));
        assertTrue(
                rows.get(3)
                        .startsWith("| dyck1-chain | sequential | 16 | 1 | 1 | " + chain.numEdges() + " | "
                                + chain.depth() + " | "),
                rows.get(3));
        assertTrue(rows.get(6).startsWith("| majority-chain | sequential | 16 | 2 | 1 | "), rows.get(6));
        double chainNanos = (chain.numEdges() / R + chain.depth() * S) * 1e9;
        // measured and model agree; per level is the measured time over the depth
        assertTrue(
                rows.get(3).contains(" | " + Markdown.time(chainNanos) + " | " + Markdown.time(chainNanos) + " | "),
                rows.get(3));
        assertTrue(rows.get(3).endsWith(" |  | " + Markdown.time(chainNanos / chain.depth()) + " |"), rows.get(3));
        for (String row : rows) assertTrue(row.matches(".* \\| [+-]0 % \\|  \\| .*"), row);
        assertTrue(md.contains("Fit over every entry: r = 2.00e+09 edges/s per core"), md);
        assertTrue(md.contains(", s = 400 ns per level"), md);
        assertTrue(md.contains("0 of 7 entries flagged"), md);
        // each kind alone follows the same model: the same r and s
        assertTrue(md.contains("- transformer: r = 2.00e+09 edges/s per core"), md);
        assertTrue(md.contains("- sequential: r = 2.00e+09 edges/s per core"), md);
        assertTrue(md.contains("0 of 3 entries flagged"), md);
        assertTrue(md.contains("0 of 4 entries flagged"), md);
        assertTrue(md.contains("- P = 1 only: r = 2.00e+09 edges/s per core"), md);
        // the one pair of batches (dyck1 x1) has equal medians
        assertTrue(md.contains("differ by a factor of 1.00 (median over 1 pairs)"), md);
        String pStar = LatencySection.cores(dyck.numEdges() / (R * dyck.depth() * S));
        assertTrue(md.contains("| dyck1 | transformer | 16" + dyckCells + pStar + " | " + pStar + " |"), md);
        byte[] png = Files.readAllBytes(dir.resolve("latency.png"));
        assertEquals((byte) 0x89, png[0]);
        String svg = Files.readString(dir.resolve("latency.svg"));
        for (String s : List.of("measured, P = 1", "model, P = 1", "measured, P = 2", "model, P = 2", ">dyck1-chain<"))
            assertTrue(svg.contains(s), s);
        assertTrue(md.contains("](latency.png) ([SVG](latency.svg))"), md);
    }

    /** One entry three times slower than the model of the others is flagged, and the count says so. */
    @Test
    void flagsEntriesTheModelMissesByMoreThanThirtyPercent(@TempDir Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String w : List.of("dyck1/16", "dyck1-chain/16", "majority-chain/16", "count-chain/16")) {
            for (int p : new int[] {1, 2})
                entries.add(latencyEntry(w, p, 1, w.equals("dyck1-chain/16") && p == 2 ? 3 : 1));
        }
        String md = latencyReport(dir, entries);
        List<String> rows = latencyRows(md);
        assertEquals(8, rows.size(), md);
        String outlier = rows.stream()
                .filter(r -> r.startsWith("| dyck1-chain | sequential | 16 | 2 |"))
                .findFirst()
                .orElseThrow();
        assertTrue(outlier.contains(" | **off** | "), outlier);
        long flagged = rows.stream().filter(r -> r.contains(" | **off** | ")).count();
        assertTrue(md.contains(flagged + " of 8 entries flagged"), md);
    }

    /** A single entry cannot separate work from depth: the table stands, the fit says why it is missing. */
    @Test
    void oneLatencyEntryGivesTheTableAndNoFit(@TempDir Path dir) throws IOException {
        String md = latencyReport(dir, List.of(latencyEntry("dyck1-chain/16", 1, 1, 1)));
        assertEquals(1, latencyRows(md).size(), md);
        assertTrue(md.contains("No fit: fitting T = W/(P r) + D s needs at least 2 points, got 1.\n"), md);
        assertFalse(Files.exists(dir.resolve("latency.png")));
    }

    /** The row the section must write for a rung: the compiled circuit's figures and the given medians. */
    private static String row(String rung, String x1, String x2, double x1Nanos) {
        var cm = TransformerBenchmark.compile(rung);
        Circuit c = cm.circuit();
        double patterns = TransformerBenchmark.PATTERNS;
        return "| " + LengthLadder.family(rung) + " | " + LengthLadder.n(rung) + " | " + cm.precisionBits() + " | "
                + c.numInputs()
                + " | " + c.numGates() + " | " + c.numEdges() + " | " + c.depth() + " | " + x1 + " | " + x2
                + " | " + Markdown.num(x1Nanos / patterns, 2) + " | "
                + Markdown.num(x1Nanos / c.numEdges() / patterns * 1e3, 2) + " |";
    }

    /** One entry of a JMH JSON result file with the fields the reader uses; one sample, at {@code medianUs}. */
    private static String jmhEntry(String benchmark, String rung, int threads, double medianUs) {
        return jmhEntry(benchmark, "\"rung\": \"%s\", \"threads\": \"%d\"".formatted(rung, threads), medianUs);
    }

    /** The same with the parameters given as the inside of a JSON object. */
    private static String jmhEntry(String benchmark, String params, double medianUs) {
        return """
                {"jmhVersion": "1.37", "benchmark": "dev.tc0.bench.%s", "mode": "sample", "threads": 1, "forks": 1,
                 "jvmArgs": ["--add-modules=jdk.incubator.vector"], "jdkVersion": "25.0.3", "vmName": "OpenJDK 64-Bit Server VM",
                 "vmVersion": "25.0.3+9-LTS", "warmupIterations": 2, "warmupTime": "1 s", "measurementIterations": 3,
                 "measurementTime": "1 s", "params": {%s},
                 "primaryMetric": {"score": %s, "scorePercentiles": {"0.0": %3$s, "50.0": %3$s, "100.0": %3$s},
                                   "scoreUnit": "us/op", "rawDataHistogram": [[[[%3$s, 1]]]]}}
                """.formatted(benchmark, params, String.valueOf(medianUs));
    }

    /** The real-circuit table is the interpreter's on the default batch; other runs stay out of it. */
    @Test
    void theRealCircuitTableReadsTheDefaultKernelsAndBatchOnly(@TempDir Path dir) throws IOException {
        String entry =
                "\"circuit\": \"epfl/multiplier.aig\", \"threads\": \"1\", \"kernels\": \"%s\", \"log2Patterns\": \"%d\"";
        String others = String.join(
                ",",
                jmhEntry("RealCircuitBenchmark.evaluate", entry.formatted("native", 20), 9000.0),
                jmhEntry("RealCircuitBenchmark.evaluate", entry.formatted("auto", 24), 900000.0));
        String md = Files.readString(Report.write(JmhResult.parse("[" + others + "]"), dir, "x", false));
        assertFalse(md.contains("## Real circuits"), md);
        String all = "[" + others + ","
                + jmhEntry("RealCircuitBenchmark.evaluate", entry.formatted("auto", 20), 60000.0) + "]";
        md = Files.readString(Report.write(JmhResult.parse(all), dir, "x", false));
        assertTrue(md.contains("## Real circuits"), md);
        // One row, 60 ms on one thread: the native and 2^24 entries are not the row's. (Gates and
        // depth are "?" where the circuits directory is missing.)
        List<String> rows =
                md.lines().filter(l -> l.startsWith("| multiplier | ")).toList();
        assertEquals(1, rows.size(), md);
        assertTrue(rows.get(0).contains(" | 60.00 ms | – | "), rows.get(0));
    }

    @Test
    void marksOnlySmokeRunsAsSmoke(@TempDir Path dir) throws IOException {
        assertFalse(Files.readString(Report.write(sample, dir, "x", false)).contains("Smoke run"));
    }

    @Test
    void jmhResultsReadWhatJmhWrites() {
        String json = "["
                + jmhEntry("DepthBenchmark.evaluate", "a\\\"b\\u0041", 2, 1.5)
                        .replace("\"forks\": 1", "\"forks\": 2")
                        .replace("[[[[1.5, 1]]]]", "[[[[1.5, 3], [2.0, 4]], [[1.0, 5]]], [[[9.0, 1]]]]")
                + ","
                // JMH writes a score it could not compute as a bare NaN; without percentiles the score is the median
                + " {\"benchmark\": \"dev.tc0.bench.KernelBenchmark.run\", \"forks\": 1, \"warmupIterations\": 0,"
                + " \"measurementIterations\": 1, \"primaryMetric\": {\"score\": NaN, \"scoreUnit\": \"ms/op\"}}]";
        List<JmhResult> rs = JmhResult.parse(json);
        assertEquals(2, rs.size());
        JmhResult r = rs.getFirst();
        assertEquals("DepthBenchmark.evaluate", r.benchmark());
        assertEquals("DepthBenchmark", r.benchmarkClass());
        assertEquals(Map.of("rung", "a\"bA", "threads", "2"), r.params());
        assertEquals(2, r.intParam("threads"));
        assertEquals(1500.0, r.medianNanos());
        assertEquals(3 + 4 + 5 + 1, r.samples());
        assertEquals("25.0.3", r.jdk());
        assertEquals("OpenJDK 64-Bit Server VM 25.0.3+9-LTS", r.vm());
        assertEquals(
                "2 fork(s), warm-up 2 x 1 s, measurement 3 x 1 s, JVM args [--add-modules=jdk.incubator.vector]",
                r.settings());
        JmhResult nan = rs.get(1);
        assertTrue(Double.isNaN(nan.medianNanos()));
        assertEquals(0, nan.samples());
        assertEquals(Map.of(), nan.params());
        assertEquals("null", nan.jdk());
        assertEquals("1 fork(s), warm-up 0 x null, measurement 1 x null, JVM args null", nan.settings());
    }

    @Test
    void malformedJmhResultsAreOneLineNamingWhere() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JmhResult.parse("[\n {\"benchmark\": }]"));
        assertTrue(e.getMessage().startsWith("JMH result JSON at line 2, column "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(
                "JMH result JSON: not an array of results",
                assertThrows(IllegalArgumentException.class, () -> JmhResult.parse("{}"))
                        .getMessage());
    }

    @Test
    void timeUnitsConvertToNanoseconds() {
        assertEquals(1e3, JmhResult.nanosPer("us/op"));
        assertEquals(1e6, JmhResult.nanosPer("ms/op"));
    }

    @Test
    void regenerationIsOptIn() {
        assumeTrue(
                Boolean.getBoolean("tc0.regenerateSample"),
                "the sample is regenerated only with -Dtc0.regenerateSample=true");
        assertTrue(Files.exists(SampleRun.CHECKED_IN));
    }
}
