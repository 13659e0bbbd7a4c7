package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row counts and offsets against the rows written, with comments, blank lines and CRLF between them. */
class RowIndexTest {
    @Test
    void findsEveryRowWhereItWasWritten(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(4);
        StringBuilder text = new StringBuilder();
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            switch (r.nextInt(5)) {
                case 0 -> text.append("# a comment 0101\n");
                case 1 -> text.append(r.nextBoolean() ? "\n" : "\r\n");
                default -> {}
            }
            written.add((long) text.toString().getBytes(StandardCharsets.US_ASCII).length);
            text.append(r.nextBoolean() ? "0110" : "1 0 0 1").append(r.nextBoolean() ? "\r\n" : "\n");
        }
        text.append("1111"); // the last row without a newline
        written.add((long) text.toString().getBytes(StandardCharsets.US_ASCII).length - 4);
        Path f = dir.resolve("rows.txt");
        Files.writeString(f, text, StandardCharsets.US_ASCII);

        assertEquals(written.size(), RowIndex.count(f));
        long[] rows = {0, 1, 64, 65, 200, 499, 500};
        long[] want = new long[rows.length];
        for (int k = 0; k < rows.length; k++) want[k] = written.get((int) rows[k]);
        assertArrayEquals(want, RowIndex.offsets(f, rows));
        assertThrows(IOException.class, () -> RowIndex.offsets(f, new long[] {501}));
    }

    @Test
    void anEmptyFileHasNoRows(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("empty.txt");
        Files.writeString(f, "# only a comment\n\n\r\n");
        assertEquals(0, RowIndex.count(f));
    }
}
