package dev.tc0.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Finds rows in a rows text file by streaming it once, with the rule {@link dev.tc0.eval.RowSource}
 * reads by: a row is a line that is neither empty (a lone {@code \r} counts as empty) nor starts
 * with {@code #}. The driver uses it to count the rows and to find the byte where each task's first
 * row starts, so tasks read their rows and nothing before them.
 */
final class RowIndex {
    private RowIndex() {}

    /** The number of rows. */
    static long count(Path file) throws IOException {
        long[] n = {0};
        scan(file, offset -> n[0]++);
        return n[0];
    }

    /** The byte offset of row {@code rows[k]} for each k ({@code rows} ascending, each below the count). */
    static long[] offsets(Path file, long[] rows) throws IOException {
        long[] out = new long[rows.length];
        long[] state = {0, 0}; // rows seen, next wanted index
        scan(file, offset -> {
            while (state[1] < rows.length && rows[(int) state[1]] == state[0]) out[(int) state[1]++] = offset;
            state[0]++;
        });
        if (state[1] < rows.length)
            throw new IOException(file + ": has " + state[0] + " rows, not " + (rows[(int) state[1]] + 1));
        return out;
    }

    /** Calls {@code row} with the offset of each row's first byte, in order. */
    private static void scan(Path file, LongConsumer row) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            long pos = 0, lineStart = 0;
            int first = -1, second = -1; // the line's first two bytes, -1 when absent
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++, pos++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (isRow(first, second)) row.accept(lineStart);
                        lineStart = pos + 1;
                        first = second = -1;
                    } else if (first < 0) {
                        first = b;
                    } else if (second < 0) {
                        second = b;
                    }
                }
            }
            if (isRow(first, second)) row.accept(lineStart);
        }
    }

    private static boolean isRow(int first, int second) {
        if (first < 0 || first == '#') return false;
        return !(first == '\r' && second < 0);
    }
}
