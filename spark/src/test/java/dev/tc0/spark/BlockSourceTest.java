package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.eval.InputSource;
import dev.tc0.eval.PlaneArraySource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A range read from blocks and pieces of words equals the same range of the planes they were cut
 * from, bit for bit; a word given twice or missing is an error naming the pattern.
 */
class BlockSourceTest {
    private static final int INPUTS = 5;

    private static long[] fillAll(InputSource s, int words) throws IOException {
        long[] dst = new long[INPUTS * words];
        int[] offset = new int[INPUTS];
        for (int i = 0; i < INPUTS; i++) offset[i] = i * words;
        // in uneven tiles, as the engine may ask
        long[] tile = new long[INPUTS * 7];
        int[] tileOffset = new int[INPUTS];
        for (int i = 0; i < INPUTS; i++) tileOffset[i] = i * 7;
        for (int w = 0; w < words; w += 7) {
            int n = Math.min(7, words - w);
            s.fill(64L * w, 7, tile, tileOffset);
            for (int i = 0; i < INPUTS; i++) System.arraycopy(tile, i * 7, dst, offset[i] + w, n);
        }
        return dst;
    }

    /** Words {@code from .. from + n - 1} of {@code planes}, as one block; {@code mask} for a piece of one word. */
    private static Block block(long[][] planes, long from, int n, long mask) {
        long[] p = new long[INPUTS * n];
        for (int i = 0; i < INPUTS; i++) for (int w = 0; w < n; w++) p[i * n + w] = planes[i][(int) from + w] & mask;
        return new Block(from, n, p, mask);
    }

    @Test
    void blocksAndPiecesGiveTheRangeOfThePlanes() throws IOException {
        SplittableRandom r = new SplittableRandom(6);
        long total = 64 * 40 + 37; // the batch ends inside word 40
        long[][] planes = new long[INPUTS][41];
        for (long[] p : planes) for (int w = 0; w < 41; w++) p[w] = r.nextLong();
        for (long[] p : planes) p[40] &= InputSource.lowBits(37);
        PatternRange range = new PatternRange(64 * 10, total - 64 * 10); // the last range: words 10 .. 40
        List<Block> in = new ArrayList<>();
        for (long w = 10; w < 41; ) {
            if (r.nextBoolean()) { // a word in pieces of random bits, as rows packed by several scan tasks
                long valid = InputSource.lowBits((int) Math.min(64, total - 64 * w));
                long a = r.nextLong() & valid, b = r.nextLong() & valid & ~a;
                for (long m : new long[] {a, b, valid & ~a & ~b}) if (m != 0) in.add(block(planes, w, 1, m));
                w++;
            } else {
                int n = (int) Math.min(40 - w, 1 + r.nextInt(5));
                if (n == 0) continue;
                in.add(block(planes, w, n, Block.WHOLE));
                w += n;
            }
        }
        assertTrue(in.stream().anyMatch(b -> !b.whole()) && in.stream().anyMatch(b -> b.words() > 1));
        long[] want = fillAll(RangeSource.of(new PlaneArraySource(planes, total), range), 31);
        long[] got = fillAll(new BlockSource("t", INPUTS, range, total, in.iterator()), 31);
        assertArrayEquals(want, got);
    }

    @Test
    void aWordTwiceOrMissingIsAnError() {
        long[][] planes = new long[INPUTS][4];
        PatternRange range = new PatternRange(0, 256);
        List<List<Block>> bad = List.of(
                List.of(block(planes, 0, 2, Block.WHOLE), block(planes, 1, 3, Block.WHOLE)),
                List.of(block(planes, 0, 2, Block.WHOLE), block(planes, 3, 1, Block.WHOLE)),
                List.of(block(planes, 0, 3, Block.WHOLE), block(planes, 3, 1, 0xff), block(planes, 3, 1, 0x1ff)),
                List.of(block(planes, 0, 3, Block.WHOLE), block(planes, 3, 1, 0xffff)),
                List.of(block(planes, 0, 3, Block.WHOLE)));
        String[] says = {
            "pattern 64 is given twice (blocks overlap)",
            "patterns 128 to 191 are missing",
            "pattern 192 is given twice",
            "pattern 208 is missing",
            "no data for patterns from 192 on"
        };
        for (int k = 0; k < bad.size(); k++) {
            BlockSource s =
                    new BlockSource("in.parquet", INPUTS, range, 256, bad.get(k).iterator());
            IOException e = assertThrows(IOException.class, () -> fillAll(s, 4));
            assertEquals("in.parquet: " + says[k], e.getMessage());
        }
    }
}
