package dev.tc0.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tc0.compile.family.Families;
import dev.tc0.compile.study.ScalingStudy;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.eval.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCsvTest {
    static final ScalingStudy.Options SMALL = new ScalingStudy.Options(256, 4096, Engine.Options.defaults());

    @Test
    void oneLinePerRowWithTheMeasuredValues(@TempDir Path dir) throws Exception {
        List<StudyRow> rows = ScalingStudy.run(
                List.of(Families.byName("count"), Families.byName("formula")), List.of(4, 8, 16), SMALL, r -> {});
        Path file = dir.resolve("study.csv");
        StudyCsv.write(rows, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + rows.size(), lines.size());
        assertEquals(StudyCsv.HEADER, lines.getFirst());
        for (int i = 0; i < rows.size(); i++) {
            StudyRow r = rows.get(i);
            String[] f = lines.get(i + 1).split(",", -1); // no field here has a comma
            assertEquals(18, f.length);
            assertEquals(r.family(), f[0]);
            assertEquals(r.regime(), f[1]);
            assertEquals(r.n(), Integer.parseInt(f[2]));
            assertEquals(r.inputs(), Integer.parseInt(f[3]));
            assertEquals(r.depth(), Integer.parseInt(f[5]));
            assertEquals(r.gates(), Integer.parseInt(f[6]));
            assertEquals(r.edges(), Long.parseLong(f[7]));
            assertEquals(r.maxFanIn(), Integer.parseInt(f[8]));
            assertEquals(r.buildNanos() / 1e6, Double.parseDouble(f[9]), 0.0005);
            assertEquals(r.checked(), Long.parseLong(f[10]));
            assertEquals("0", f[11]);
            assertEquals(r.evalNanos() / 1e3, Double.parseDouble(f[12]), 0.0005);
            assertEquals(r.gateEvalsPerSecond(), Double.parseDouble(f[13]), 1e-3 * r.gateEvalsPerSecond());
            assertEquals("", f[14]);
            assertEquals(Boolean.toString(r.exhaustive()), f[15]);
            assertEquals(r.patterns(), Long.parseLong(f[16]));
            assertEquals(r.mode(), f[17]);
        }
        List<StudyRow> back = StudyCsv.parse(Files.readString(file));
        assertEquals(StudyCsv.format(rows), StudyCsv.format(back));
        for (int i = 0; i < rows.size(); i++) {
            // the CSV keeps build times to the microsecond, batch times to the nanosecond
            StudyRow r = rows.get(i);
            assertEquals(withBuildNanos(r, Math.round(r.buildNanos() / 1e3) * 1000), back.get(i));
        }
    }

    @Test
    void theColumnsBeforeTheAddedOnesAreTheCommandsEarlierCsv() {
        // the 15 columns `tc0 scale` wrote before the study had one row type, then the three it dropped
        StudyRow r = new StudyRow(
                "parity", "TC0", 8, 8, 1, 9, 72, 2, 8, 32_317_000, 256, true, null, 65536, 152_355, "vector");
        assertEquals(
                "family,regime,n,inputs,outputs,depth,gates,edges,max_fan_in,build_ms,patterns,mismatches,batch_us,"
                        + "gate_evals_per_s,first_mismatch,exhaustive,timed_patterns,mode\n"
                        + "parity,TC0,8,8,1,2,9,72,8,32.317,256,0,152.355,3.871e+09,,true,65536,vector\n",
                StudyCsv.format(List.of(r)));
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksSurviveARoundTrip() {
        StudyRow r = new StudyRow(
                "x,\"y\"",
                "TC0",
                3,
                3,
                1,
                4,
                12,
                2,
                3,
                500_000,
                8,
                true,
                "input 101: \"a\", b\nsecond line\r\nthird",
                64,
                10_000,
                "-");
        String csv = StudyCsv.format(List.of(r, r));
        assertEquals(List.of(r, r), StudyCsv.parse(csv));
    }

    @Test
    void badInputIsOneLineNamingWhere() {
        String good =
                StudyCsv.format(List.of(new StudyRow("p", "TC0", 3, 3, 1, 4, 12, 2, 3, 0, 8, true, null, 0, 0, "-")));
        assertEquals(
                "not a study CSV: the first line is not " + StudyCsv.HEADER,
                assertThrows(IllegalArgumentException.class, () -> StudyCsv.parse("a,b\n1,2\n"))
                        .getMessage());
        assertEquals(
                "study CSV line 3: 2 fields, expected 18",
                assertThrows(IllegalArgumentException.class, () -> StudyCsv.parse(good + "1,2\n"))
                        .getMessage());
        assertEquals(
                "study CSV line 2, edges: 'many' is not a non-negative integer",
                assertThrows(IllegalArgumentException.class, () -> StudyCsv.parse(good.replace(",12,", ",many,")))
                        .getMessage());
        assertEquals(
                "study CSV line 2, mismatches: '7' is not 0 or 1",
                assertThrows(IllegalArgumentException.class, () -> StudyCsv.parse(good.replace(",8,0,", ",8,7,")))
                        .getMessage());
        String unterminated = assertThrows(IllegalArgumentException.class, () -> StudyCsv.parse(good + "\"open,2\n"))
                .getMessage();
        assertEquals("study CSV line 4: ", unterminated.substring(0, "study CSV line 4: ".length()), unterminated);
    }

    private static StudyRow withBuildNanos(StudyRow r, long nanos) {
        return new StudyRow(
                r.family(),
                r.regime(),
                r.n(),
                r.inputs(),
                r.outputs(),
                r.gates(),
                r.edges(),
                r.depth(),
                r.maxFanIn(),
                nanos,
                r.checked(),
                r.exhaustive(),
                r.mismatch(),
                r.patterns(),
                r.evalNanos(),
                r.mode());
    }
}
