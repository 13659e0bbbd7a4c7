package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A range of a source gives, bit for bit, the same patterns as the whole source at those indices. */
class RangeSourceTest {
    /** Pattern {@code p}'s bit of input {@code i}, read through a one-word fill of the whole source. */
    private static boolean bit(InputSource s, int i, long p) throws IOException {
        int n = s.numInputs();
        long[] dst = new long[n];
        int[] off = new int[n];
        for (int k = 0; k < n; k++) off[k] = k;
        s.fill(p & ~63L, 1, dst, off);
        return (dst[i] >>> (p & 63) & 1) != 0;
    }

    private static void check(Supplier<InputSource> whole, long first, long count, int words) throws IOException {
        InputSource ref = whole.get();
        RangeSource r = RangeSource.of(whole.get(), new PatternRange(first, count));
        int n = r.numInputs();
        long[] dst = new long[n * words];
        int[] off = new int[n];
        for (int k = 0; k < n; k++) off[k] = k * words;
        long seen = 0;
        for (long at = 0; ; at += 64L * words) {
            java.util.Arrays.fill(dst, 0x5555L); // stale bits must be overwritten or cleared
            int got = r.fill(at, words, dst, off);
            for (int i = 0; i < n; i++) {
                for (int b = 0; b < 64 * words; b++) {
                    boolean have = (dst[i * words + b / 64] >>> (b & 63) & 1) != 0;
                    boolean want = b < got && bit(ref, i, first + at + b);
                    assertEquals(
                            want, have, "input " + i + ", pattern " + (at + b) + " of range " + first + "+" + count);
                }
            }
            seen += got;
            if (got < 64 * words) break;
        }
        assertEquals(count, seen);
    }

    @Test
    void randomRangesMatchTheWholeStream() throws IOException {
        long total = 10_000;
        for (long[] fc : new long[][] {{0, 100}, {64, 640}, {128, 1000}, {9984, 16}, {4096, 5904}, {640, 0}}) {
            check(() -> new RandomSource(5, total, 42), fc[0], fc[1], 8);
        }
        // far into a 2^62-pattern batch: the words are hashes of their index, no stream to skip
        check(() -> new RandomSource(3, 1L << 62, 7), (1L << 61) + 64 * 1000, 200, 8);
    }

    @Test
    void exhaustiveRangesMatchCountingOrder() throws IOException {
        check(() -> new ExhaustiveSource(10), 256, 300, 8);
        check(() -> new ExhaustiveSource(10), 960, 64, 16);
        check(() -> new ExhaustiveSource(8), 0, 256, 8);
    }
}
