package dev.tc0.bench.report;

import dev.tc0.bench.LengthLadder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        JmhResult k = sample.stream().filter(r -> r.benchmark().equals("KernelBenchmark.gates")).findFirst().orElseThrow();
        assertEquals(64, k.intParam("words"));
    }

    @Test
    void writesEverySectionWithItsRowsAndCharts(@TempDir Path dir) throws IOException {
        Path readme = Report.write(sample, dir, "benchmarks/run.sh --test", true);
        String md = Files.readString(readme);
        for (String s : List.of("Smoke run", "Machine: ", "Command: `benchmarks/run.sh --test`", "## Kernels",
                "## Time against depth", "## Time against input length n", "| threshold15 |", "| and2 |")) {
            assertTrue(md.contains(s), "missing " + s + " in\n" + md);
        }
        assertFalse(md.contains("## Real circuits"), "no real-circuit entries in the sample");
        for (String rung : List.of("majority/16", "majority/64", "parity-chain/16", "parity-chain/64")) {
            String row = "| " + LengthLadder.family(rung) + " | ";
            assertTrue(md.lines().anyMatch(l -> l.startsWith(row) && l.contains(" | " + LengthLadder.n(rung) + " | ")), rung);
        }
        for (String chart : List.of("kernels", "depth", "length")) {
            byte[] png = Files.readAllBytes(dir.resolve(chart + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
            assertTrue(Files.readString(dir.resolve(chart + ".svg")).contains("<svg"), chart);
            assertTrue(md.contains("](" + chart + ".png)"), chart);
        }
    }

    @Test
    void marksOnlySmokeRunsAsSmoke(@TempDir Path dir) throws IOException {
        assertFalse(Files.readString(Report.write(sample, dir, "x", false)).contains("Smoke run"));
    }

    @Test
    void jsonReaderHandlesWhatJmhWrites() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse("{\"a\": [1, -2.5e3, NaN, \"x\\\"y\\u0041\"], \"b\": {}, \"c\": [], \"d\": null, \"e\": true}");
        assertEquals(List.of(1.0, -2500.0, Double.NaN, "x\"yA"), m.get("a"));
        assertEquals(Map.of(), m.get("b"));
        assertTrue(m.containsKey("d"));
        assertEquals(true, m.get("e"));
    }

    @Test
    void timeUnitsConvertToNanoseconds() {
        assertEquals(1e3, JmhResult.nanosPer("us/op"));
        assertEquals(1e6, JmhResult.nanosPer("ms/op"));
    }

    @Test
    void regenerationIsOptIn() {
        assumeTrue(Boolean.getBoolean("tc0.regenerateSample"), "the sample is regenerated only with -Dtc0.regenerateSample=true");
        assertTrue(Files.exists(SampleRun.CHECKED_IN));
    }
}
