package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternRangeTest {
    /** The ranges tile 0..total in order, start on words, and differ by at most one word. */
    private static void checkSplit(long total, int parts) {
        List<PatternRange> r = PatternRange.split(total, parts);
        long words = total / 64 + (total % 64 == 0 ? 0 : 1);
        assertEquals(Math.max(1, Math.min(parts, words)), r.size(), total + " / " + parts);
        long at = 0, min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < r.size(); i++) {
            PatternRange p = r.get(i);
            assertEquals(at, p.first(), "range " + i + " of " + total + " / " + parts);
            assertEquals(0, p.first() % 64);
            if (i < r.size() - 1) {
                assertEquals(0, p.count() % 64, "only the last range may end inside a word");
                min = Math.min(min, p.count() / 64);
                max = Math.max(max, p.count() / 64);
            }
            at += p.count();
        }
        assertEquals(total, at);
        if (r.size() > 2) assertTrue(max - min <= 1, "balanced: " + min + ".." + max + " words");
    }

    @Test
    void splitsCoverTheBatchOnWordBoundaries() {
        long[] totals = {0, 1, 63, 64, 65, 127, 128, 1000, 4096, 100_003, 1L << 32, (1L << 32) + 17};
        int[] parts = {1, 2, 3, 7, 64, 1000};
        for (long t : totals) for (int p : parts) checkSplit(t, p);
    }

    @Test
    void splitsCountsUpTo2To63() {
        checkSplit(Long.MAX_VALUE, 3);
        checkSplit(Long.MAX_VALUE, 100_000);
        checkSplit(Long.MAX_VALUE - 64, 99_991);
        List<PatternRange> r = PatternRange.split(Long.MAX_VALUE, 2);
        assertEquals(Long.MAX_VALUE, r.get(1).first() + r.get(1).count());
    }

    @Test
    void refusesUnalignedOrNegativeRanges() {
        assertThrows(IllegalArgumentException.class, () -> new PatternRange(32, 10));
        assertThrows(IllegalArgumentException.class, () -> new PatternRange(-64, 10));
        assertThrows(IllegalArgumentException.class, () -> PatternRange.split(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> PatternRange.split(10, 0));
    }
}
