package dev.tc0.compile.study;

import dev.tc0.compile.family.Families;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudyCsvTest {
    @Test
    void oneLinePerRowWithTheMeasuredValues(@TempDir Path dir) throws Exception {
        List<StudyRow> rows = ScalingStudy.run(List.of(Families.byName("count"), Families.byName("formula")),
                f -> new int[] {4, 8, 16}, ScalingStudyTest.SMALL);
        Path file = dir.resolve("study.csv");
        StudyCsv.write(rows, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + rows.size(), lines.size());
        assertEquals(StudyCsv.HEADER, lines.getFirst());
        for (int i = 0; i < rows.size(); i++) {
            StudyRow r = rows.get(i);
            String[] f = lines.get(i + 1).split(",", -1);
            assertEquals(r.family(), f[0]);
            assertEquals(r.regime(), f[1]);
            assertEquals(r.n(), Integer.parseInt(f[2]));
            assertEquals(r.depth(), Integer.parseInt(f[5]));
            assertEquals(r.gates(), Integer.parseInt(f[6]));
            assertEquals(r.edges(), Long.parseLong(f[7]));
            assertEquals(r.maxFanIn(), Integer.parseInt(f[8]));
            assertEquals("0", f[11]);
        }
        assertEquals(StudyCsv.format(rows), StudyCsv.format(StudyCsv.parse(Files.readString(file))));
    }

    @Test
    void fieldsWithCommasAndQuotesSurviveARoundTrip() {
        StudyRow r = new StudyRow("x", "TC0", 3, 3, 1, 2, 4, 12, 3, 0.5, 64, 1, 10.0, 1e9, "input 101: \"a\", b");
        StudyRow back = StudyCsv.parse(StudyCsv.format(List.of(r))).getFirst();
        assertEquals(r.firstMismatch(), back.firstMismatch());
        assertEquals(r.gates(), back.gates());
    }
}
