package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.PlaneFileSource;
import dev.tc0.eval.PlaneFiles;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.RowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against the single-machine engine, on local[2, 2] (two task slots; a task may fail
 * once and be retried): counts, accepted set and output bytes are identical for every partition
 * count, with and without an injected task failure.
 */
class SparkEvalJobTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;
    private static final Circuit CIRCUIT =
            RandomCircuits.generate(RandomCircuits.Spec.of(18, 400, 6, 5, GateKind.values()), 17);

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2,2]");
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static void assertSame(Reference want, Tally got, long count, String what) {
        assertEquals(count, got.patterns(), what + ": patterns");
        assertArrayEquals(want.ones(), got.ones(), what + ": ones per output");
        if (got.accepted() != null) assertEquals(want.accepted64(), got.accepted(), what + ": accepted set");
    }

    @Test
    void randomPatternsMatchTheEngineForEveryPartitionCount() throws IOException {
        long count = 200_003; // not a whole number of words: the last range ends inside one
        Reference want = Reference.of(CIRCUIT, new RandomSource(CIRCUIT.numInputs(), count, 5), null);
        assertTrue(want.accepted().getLongCardinality() > 0 && want.ones()[0] < count, "a non-trivial first output");
        for (int p : new int[] {1, 2, 3, 7, 16}) {
            InputSpec in = new InputSpec.Random(CIRCUIT.numInputs(), count, 5);
            Tally got = new SparkEvalJob(sc)
                    .run(CIRCUIT, SparkEvalJob.Request.counts(in, p).withAccepted());
            assertSame(want, got, count, p + " partitions");
        }
    }

    @Test
    void exhaustiveInputsMatchTheEngine() throws IOException {
        Reference want = Reference.of(CIRCUIT, new ExhaustiveSource(CIRCUIT.numInputs()), null);
        Tally got = new SparkEvalJob(sc)
                .run(
                        CIRCUIT,
                        SparkEvalJob.Request.counts(new InputSpec.Exhaustive(CIRCUIT.numInputs()), 5)
                                .withAccepted());
        assertSame(want, got, 1L << CIRCUIT.numInputs(), "exhaustive");
    }

    @Test
    void planeFilesInAndOutMatchTheEngineByteForByte(@TempDir Path dir) throws IOException {
        // a plane file of arbitrary words, read by pattern ranges
        int words = 777;
        long[][] in = new long[CIRCUIT.numInputs()][words];
        SplittableRandom r = new SplittableRandom(3);
        for (long[] plane : in) for (int w = 0; w < words; w++) plane[w] = r.nextLong();
        Path inputs = dir.resolve("in.bin");
        PlaneFiles.write(inputs, in);
        Path expected = dir.resolve("expected.bin");
        Reference want = Reference.of(CIRCUIT, new PlaneFileSource(inputs, CIRCUIT.numInputs()), expected);
        for (int p : new int[] {1, 4, 9}) {
            Path out = dir.resolve("out" + p + ".bin");
            String parts = dir.resolve("parts" + p).toString();
            Tally got = new SparkEvalJob(sc)
                    .run(
                            CIRCUIT,
                            SparkEvalJob.Request.counts(InputSpec.Planes.of(inputs, CIRCUIT.numInputs()), p)
                                    .withAccepted()
                                    .withPlanes(parts, out));
            assertSame(want, got, 64L * words, p + " partitions");
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out), p + " partitions: output planes");
        }
    }

    @Test
    void randomOutputPlanesMatchWhenTheCountEndsInsideAWord(@TempDir Path dir) throws IOException {
        long count = 50_001;
        Path expected = dir.resolve("expected.bin");
        Reference want = Reference.of(CIRCUIT, new RandomSource(CIRCUIT.numInputs(), count, 9), expected);
        Path out = dir.resolve("out.bin");
        Tally got = new SparkEvalJob(sc)
                .run(
                        CIRCUIT,
                        SparkEvalJob.Request.counts(new InputSpec.Random(CIRCUIT.numInputs(), count, 9), 6)
                                .withPlanes(dir.resolve("parts").toString(), out));
        assertSame(want, got, count, "planes");
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
    }

    @Test
    void rowsTextIsSplitByRowsAndMatchesTheEngine(@TempDir Path dir) throws IOException {
        // rows with comments, blank lines and CRLF endings, which every task must skip as tc0 eval does
        int n = CIRCUIT.numInputs();
        SplittableRandom r = new SplittableRandom(8);
        StringBuilder text = new StringBuilder("# header\n\n");
        int rows = 5_037;
        for (int i = 0; i < rows; i++) {
            if (i % 100 == 7) text.append("# comment ").append(i).append('\n');
            if (i % 77 == 3) text.append(i % 2 == 0 ? "\n" : "\r\n");
            for (int b = 0; b < n; b++) text.append(r.nextBoolean() ? '1' : '0');
            text.append(i % 5 == 0 ? "\r\n" : "\n");
        }
        Path file = dir.resolve("in.txt");
        Files.writeString(file, text);
        Reference want = Reference.of(CIRCUIT, new RowSource(Files.newInputStream(file), file.toString(), n), null);
        for (int p : new int[] {1, 3, 8}) {
            Tally got = new SparkEvalJob(sc)
                    .run(
                            CIRCUIT,
                            SparkEvalJob.Request.counts(InputSpec.Rows.of(file, n, p), p)
                                    .withAccepted());
            assertSame(want, got, rows, p + " partitions of rows");
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedWithTheSameResult(@TempDir Path dir) throws IOException {
        long count = 100_000;
        Path expected = dir.resolve("expected.bin");
        Reference want = Reference.of(CIRCUIT, new RandomSource(CIRCUIT.numInputs(), count, 11), expected);
        InputSpec in = new InputSpec.Random(CIRCUIT.numInputs(), count, 11);
        Tally counted = new SparkEvalJob(sc)
                .injecting(EvalTask.Fault.FIRST_ATTEMPT)
                .run(CIRCUIT, SparkEvalJob.Request.counts(in, 4).withAccepted());
        assertSame(want, counted, count, "counts after a retry");
        Path out = dir.resolve("out.bin");
        Tally written = new SparkEvalJob(sc)
                .injecting(EvalTask.Fault.FIRST_ATTEMPT)
                .run(
                        CIRCUIT,
                        SparkEvalJob.Request.counts(in, 4)
                                .withAccepted()
                                .withPlanes(dir.resolve("parts").toString(), out));
        assertSame(want, written, count, "planes after a retry");
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
    }

    @Test
    void aFailedJobLeavesNoPartialOutput(@TempDir Path dir) throws IOException {
        InputSpec in = new InputSpec.Random(CIRCUIT.numInputs(), 100_000, 11);
        Path parts = dir.resolve("parts"), out = dir.resolve("out.bin");
        assertThrows(
                Exception.class,
                () -> new SparkEvalJob(sc)
                        .injecting(EvalTask.Fault.EVERY_ATTEMPT)
                        .run(CIRCUIT, SparkEvalJob.Request.counts(in, 4).withPlanes(parts.toString(), out)));
        assertFalse(Files.exists(out), "no joined plane file");
        if (Files.exists(parts)) {
            try (Stream<Path> s = Files.walk(parts)) {
                assertEquals(
                        0,
                        s.filter(f -> f.getFileName().toString().startsWith("part-"))
                                .count(),
                        "no committed or uncommitted part files remain");
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(
                    0,
                    s.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(),
                    "no temporary files");
        }
    }
}
