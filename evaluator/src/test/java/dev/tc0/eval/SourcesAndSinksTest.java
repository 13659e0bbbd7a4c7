package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

class SourcesAndSinksTest {

    @Test
    void transposeMatchesNaive() {
        SplittableRandom r = new SplittableRandom(3);
        long[] m = new long[64];
        for (int i = 0; i < 64; i++) m[i] = r.nextLong();
        long[] t = m.clone();
        BitTranspose.transpose64(t, 0);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) assertEquals(m[i] >>> j & 1, t[j] >>> i & 1);
        }
    }

    @Test
    void exhaustiveSourceCountsInOrder() {
        for (int k : new int[] {0, 1, 3, 6, 7, 11}) {
            ExhaustiveSource s = new ExhaustiveSource(k);
            int words = (int) Math.max(8, ((1L << k) + 63) / 64 + 7 & ~7);
            long[] dst = new long[Math.max(1, k) * words];
            int[] off = new int[k];
            for (int i = 0; i < k; i++) off[i] = i * words;
            assertEquals(1L << k, s.fill(0, words, dst, off));
            for (long x = 0; x < (1L << k); x++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(
                            x >>> j & 1,
                            dst[off[j] + (int) (x >>> 6)] >>> (x & 63) & 1,
                            "k=" + k + " x=" + x + " j=" + j);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ExhaustiveSource(41));
    }

    @Test
    void randomSourceDoesNotDependOnTileSize() {
        RandomSource s = new RandomSource(5, 1000, 42);
        long[] a = new long[5 * 16], b = new long[5 * 8];
        int[] offA = {0, 16, 32, 48, 64}, offB = {0, 8, 16, 24, 32};
        s.fill(0, 16, a, offA);
        s.fill(512, 8, b, offB);
        for (int i = 0; i < 5; i++) {
            for (int w = 0; w < 8; w++) assertEquals(a[offA[i] + 8 + w], b[offB[i] + w]);
        }
        // bits past the count are zero
        assertEquals(0, a[offA[0] + 15] >>> (1000 - 960));
    }

    @Test
    void rowsRoundTripThroughTheEngine() throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(70, 200, 67, 4, GateKind.values()), 5);
        SplittableRandom r = new SplittableRandom(9);
        int n = 1000;
        boolean[][] rows = new boolean[n][70];
        StringBuilder text = new StringBuilder("# a comment\n\n");
        for (boolean[] row : rows) {
            for (int i = 0; i < 70; i++) {
                row[i] = r.nextBoolean();
                text.append(row[i] ? '1' : '0');
            }
            text.append(r.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Engine e = new Engine(EvalPlan.of(c), Engine.Options.defaults().withThreads(2))) {
            Engine.Report rep = e.run(
                    new RowSource(
                            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)), "rows", 70),
                    new RowSink(out, c.numOutputs()));
            assertEquals(n, rep.patterns());
        }
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertEquals(n, lines.length);
        for (int p = 0; p < n; p++) {
            boolean[] want = c.evaluate(rows[p]);
            StringBuilder s = new StringBuilder();
            for (boolean b : want) s.append(b ? '1' : '0');
            assertEquals(s.toString(), lines[p], "pattern " + p);
        }
    }

    @Test
    void badRowsNameTheLine() {
        String text = "0101\n011\n";
        IOException e = assertThrows(
                IOException.class,
                () -> drain(new RowSource(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "in.txt", 4)));
        assertEquals("in.txt:2: expected 4 bits, got 3", e.getMessage());
        IOException e2 = assertThrows(
                IOException.class,
                () -> drain(new RowSource(
                        new ByteArrayInputStream("01x1\n".getBytes(StandardCharsets.US_ASCII)), "in.txt", 4)));
        assertTrue(e2.getMessage().startsWith("in.txt:1: unexpected character 'x'"), e2.getMessage());
    }

    private static void drain(InputSource s) throws IOException {
        long[] dst = new long[s.numInputs() * 8];
        int[] off = new int[s.numInputs()];
        for (int i = 0; i < off.length; i++) off[i] = i * 8;
        while (s.fill(0, 8, dst, off) == 512) {}
    }

    @Test
    void planeFilesStreamInAndOut(@TempDir Path dir) throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(20, 300, 9, 5, GateKind.values()), 11);
        long count = 100_000;
        long[][] in = new RandomSource(20, count, 5).planes();
        Path inFile = dir.resolve("in.bin"), outFile = dir.resolve("out.bin");
        PlaneFiles.write(inFile, in);
        // three workers on 8-word tiles: 196 tiles handed to the file sink as they finish, in any order
        try (Engine e = new Engine(
                        EvalPlan.of(c), Engine.Options.defaults().withThreads(3).withTileWords(8));
                PlaneFileSource src = new PlaneFileSource(inFile, 20);
                PlaneFileSink sink = new PlaneFileSink(outFile, c.numOutputs(), src.count())) {
            e.run(src, sink);
        }
        long[][] got = PlaneFiles.read(outFile, c.numOutputs());
        long[][] want = ReferenceEvaluator.evaluate(c, in);
        for (int o = 0; o < want.length; o++) assertArrayEquals(want[o], got[o], "output " + o);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    /**
     * The plane sink gathers tiles into bands: with 3,000 outputs a band holds 174 words per
     * output, so 64-word tiles straddle bands every few tiles and a 256-word tile covers two or
     * three. Whatever the tile width, and whether the tiles come in order on one thread or
     * shuffled over three threads at once, the file equals the in-memory sink fed the same tiles,
     * bits past the count clear.
     */
    @Test
    void planeSinkBandsEqualTheInMemorySink(@TempDir Path dir) throws Exception {
        int outputs = 3000;
        long count = 64L * 1000 + 37;
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int words : new int[] {64, 256, 8}) {
            for (int threads : new int[] {1, 3}) {
                Path file = dir.resolve("out" + words + "-" + threads + ".bin");
                PlaneArraySink want = new PlaneArraySink(outputs, count);
                List<long[]> tiles = new ArrayList<>();
                List<Long> firsts = new ArrayList<>();
                for (long first = 0; first < count; first += 64L * words) {
                    long[] tile = new long[outputs * words];
                    for (int i = 0; i < tile.length; i++) tile[i] = r.nextLong();
                    int n = (int) Math.min(64L * words, count - first);
                    want.accept(first, n, tile, words);
                    tiles.add(tile);
                    firsts.add(first);
                }
                List<Integer> order = new ArrayList<>();
                for (int t = 0; t < tiles.size(); t++) order.add(t);
                if (threads > 1) java.util.Collections.shuffle(order, new java.util.Random(words));
                try (PlaneFileSink sink = new PlaneFileSink(file, outputs, count)) {
                    assertTrue(sink.anyOrder());
                    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                    java.util.concurrent.ExecutorService pool =
                            java.util.concurrent.Executors.newFixedThreadPool(threads);
                    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                    for (int w = 0; w < threads; w++)
                        done.add(pool.submit(() -> {
                            for (int k; (k = next.getAndIncrement()) < order.size(); ) {
                                int t = order.get(k);
                                long first = firsts.get(t);
                                sink.accept(first, (int) Math.min(64L * words, count - first), tiles.get(t), words);
                            }
                            return null;
                        }));
                    for (var f : done) f.get();
                    pool.shutdown();
                    sink.finish();
                }
                long[][] got = PlaneFiles.read(file, outputs);
                for (int o = 0; o < outputs; o++)
                    assertArrayEquals(want.planes()[o], got[o], words + " words, " + threads + " threads, output " + o);
                assertEquals(0, got[outputs - 1][got[0].length - 1] >>> 37, "bits past the count are clear");
            }
        }
    }

    /**
     * A batch that ends before the sink's count (the tiles past some point never come) still
     * gives a file of the full size: the bands left open are written with zeros where no tile came.
     */
    @Test
    void planeSinkWritesOpenBandsWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("short.bin");
        long count = 64L * 100;
        try (PlaneFileSink sink = new PlaneFileSink(file, 2, count)) {
            long[] tile = new long[2 * 8];
            java.util.Arrays.fill(tile, -1L);
            sink.accept(64L * 8, 64 * 8, tile, 8); // words 8..15 only
            sink.finish();
        }
        long[][] got = PlaneFiles.read(file, 2);
        for (long[] plane : got) {
            assertEquals(100, plane.length);
            for (int w = 0; w < 100; w++) assertEquals(w >= 8 && w < 16 ? -1L : 0L, plane[w], "word " + w);
        }
    }

    @Test
    void abortedPlaneSinkLeavesNoFile(@TempDir Path dir) throws IOException {
        Path outFile = dir.resolve("out.bin");
        try (PlaneFileSink sink = new PlaneFileSink(outFile, 2, 128)) {
            sink.accept(0, 64, new long[16], 8);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    /** A plane file cut short while it is read (it is mapped) is one IOException naming it, not a crash. */
    @Test
    void planeFileTruncatedWhileReadIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("shrinks.bin");
        long words = 1 << 16; // 512 kB per plane, so the cut leaves whole pages unmapped
        PlaneFiles.write(f, new RandomSource(2, 64 * words, 3).planes());
        try (PlaneFileSource src = new PlaneFileSource(f, 2)) {
            long[] dst = new long[2 * 64];
            int[] offset = {0, 64};
            assertEquals(64 * 64, src.fill(0, 64, dst, offset));
            try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(4096);
            }
            IOException e = assertThrows(IOException.class, () -> src.fill(64L * (words - 64), 64, dst, offset));
            assertTrue(e.getMessage().startsWith(f + ": changed while being read"), e.getMessage());
        }
    }

    @Test
    void planeFileOfWrongSizeIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("odd.bin");
        Files.write(f, new byte[20]);
        IOException e = assertThrows(IOException.class, () -> new PlaneFileSource(f, 2));
        assertTrue(
                e.getMessage().contains("20 bytes is not a whole number of 8-byte words for 2 input planes"),
                e.getMessage());
    }

    @Test
    void countsAndAcceptedSetMatchTheOutputs() throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(16, 200, 6, 6, GateKind.values()), 21);
        CountSink counts = new CountSink(c.numOutputs());
        AcceptedSink accepted = new AcceptedSink();
        try (Engine e = new Engine(EvalPlan.of(c), Engine.Options.defaults())) {
            e.run(new ExhaustiveSource(16), counts);
            e.run(new ExhaustiveSource(16), accepted);
        }
        long[] want = new long[c.numOutputs()];
        RoaringBitmap wantSet = new RoaringBitmap();
        for (int x = 0; x < (1 << 16); x++) {
            boolean[] in = new boolean[16];
            for (int j = 0; j < 16; j++) in[j] = (x >>> j & 1) != 0;
            boolean[] out = c.evaluate(in);
            for (int o = 0; o < out.length; o++) if (out[o]) want[o]++;
            if (out[0]) wantSet.add(x);
        }
        assertArrayEquals(want, counts.ones());
        assertEquals(1L << 16, counts.patterns());
        assertEquals(wantSet, accepted.accepted());
    }

    @Test
    void streamingKeepsMemoryBoundedByTiles() throws IOException {
        // Two million rows arrive through a generated stream: nothing holds them all, and the
        // counts still match a direct tally of the generated patterns.
        int inputs = 8;
        long n = 2_000_000;
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(inputs, 60, 3, 3, GateKind.values()), 4);
        long[] want = new long[c.numOutputs()];
        boolean[][] table = new boolean[256][];
        for (int x = 0; x < 256; x++) {
            boolean[] in = new boolean[inputs];
            for (int j = 0; j < inputs; j++) in[j] = (x >>> j & 1) != 0;
            table[x] = c.evaluate(in);
        }
        for (long p = 0; p < n; p++) {
            boolean[] o = table[(int) (p * 37 % 256)];
            for (int k = 0; k < o.length; k++) if (o[k]) want[k]++;
        }
        InputStream rows = new InputStream() {
            long p;
            int col = 0;

            @Override
            public int read() {
                if (p >= n) return -1;
                if (col == inputs) {
                    col = 0;
                    p++;
                    return '\n';
                }
                int x = (int) (p * 37 % 256);
                return (x >>> col++ & 1) != 0 ? '1' : '0';
            }
        };
        CountSink counts = new CountSink(c.numOutputs());
        try (Engine e = new Engine(EvalPlan.of(c), Engine.Options.defaults().withThreads(2))) {
            e.run(new RowSource(rows, "stream", inputs), counts);
        }
        assertArrayEquals(want, counts.ones());
        assertFalse(counts.patterns() < n);
    }
}
