package dev.tc0.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.PlaneArraySource;
import dev.tc0.eval.PlaneFiles;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.RowSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet in and out on local[2, 2], against the single-machine engine on the same patterns given
 * as planes in memory or as rows text. The files are written in several part files of many small
 * row groups, and read back in splits of a few row groups, so neither files nor row groups nor scan
 * tasks are word-aligned.
 */
class ParquetEvalJobTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;
    private static final Circuit CIRCUIT =
            RandomCircuits.generate(RandomCircuits.Spec.of(18, 400, 6, 5, GateKind.values()), 17);
    private static final int N = CIRCUIT.numInputs();

    @BeforeAll
    static void start() {
        // scan splits of a few KiB: each file is read by several tasks, a few row groups each
        spark = SparkSession.builder()
                .config(TestSpark.conf("local[2,2]"))
                .config("spark.sql.files.maxPartitionBytes", "4096")
                .config("spark.sql.files.openCostInBytes", "0")
                .getOrCreate();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    /** Writes {@code rows} as Parquet in three part files (in order) of row groups of about 1 KiB. */
    private static String write(Path dir, String name, List<Row> rows, StructType schema) {
        String path = dir.resolve(name).toString();
        spark.createDataFrame(sc.parallelize(rows, 3), schema)
                .write()
                .option("parquet.block.size", 1024)
                .option("parquet.page.size", 512)
                .parquet(path);
        assertTrue(
                spark.read().parquet(path).javaRDD().getNumPartitions() > 3,
                name + ": the files are scanned in several splits each");
        return path;
    }

    private static void assertSame(Reference want, Tally got, long count, String what) {
        assertEquals(count, got.patterns(), what + ": patterns");
        assertArrayEquals(want.ones(), got.ones(), what + ": ones per output");
        assertEquals(want.accepted64(), got.accepted(), what + ": accepted set");
    }

    private static Tally run(InputSpec in, int partitions) throws IOException {
        return new SparkEvalJob(sc)
                .run(CIRCUIT, SparkEvalJob.Request.counts(in, partitions).withAccepted());
    }

    @Test
    void blocksOfPlanesMatchTheEngineInAnyOrderAndSize(@TempDir Path dir) throws IOException {
        int words = 777;
        long[][] planes = new long[N][words];
        SplittableRandom r = new SplittableRandom(21);
        for (long[] p : planes) for (int w = 0; w < words; w++) p[w] = r.nextLong();
        // blocks of 1 to 60 words, shuffled: the file's order says nothing about the words' order
        List<Row> arrays = new ArrayList<>(), binaries = new ArrayList<>();
        for (int w = 0; w < words; ) {
            int n = Math.min(words - w, 1 + r.nextInt(60));
            long[] block = new long[N * n];
            for (int i = 0; i < N; i++) System.arraycopy(planes[i], w, block, i * n, n);
            ByteBuffer bytes = ByteBuffer.allocate(8 * block.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asLongBuffer().put(block);
            arrays.add(RowFactory.create((long) w, block));
            binaries.add(RowFactory.create(w, bytes.array()));
            w += n;
        }
        Collections.shuffle(arrays, new java.util.Random(1));
        Collections.shuffle(binaries, new java.util.Random(2));
        String asArrays = write(
                dir,
                "arrays.parquet",
                arrays,
                schema("word", DataTypes.LongType, "planes", DataTypes.createArrayType(DataTypes.LongType)));
        String asBinary = write(
                dir, "binary.parquet", binaries, schema("word", DataTypes.IntegerType, "planes", DataTypes.BinaryType));

        Reference want = Reference.of(CIRCUIT, new PlaneArraySource(planes), null);
        for (int p : new int[] {1, 3, 8}) {
            ParquetInput in = ParquetInput.of(spark, asArrays, N);
            assertEquals(ParquetInput.Layout.PLANES, in.layout());
            assertSame(want, run(in, p), 64L * words, p + " partitions of ARRAY<BIGINT> blocks");
        }
        assertSame(want, run(ParquetInput.of(spark, asBinary, N), 3), 64L * words, "BINARY blocks");
    }

    @Test
    void oneRowPerPatternMatchesTheEngineOnTheSameRows(@TempDir Path dir) throws IOException {
        int rows = 5_037; // not a whole number of words
        SplittableRandom r = new SplittableRandom(8);
        StringBuilder text = new StringBuilder();
        List<Row> strings = new ArrayList<>(), booleans = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            StringBuilder bits = new StringBuilder();
            Boolean[] flags = new Boolean[N];
            for (int b = 0; b < N; b++) {
                flags[b] = r.nextBoolean();
                bits.append(flags[b] ? '1' : '0');
                if (i % 10 == 0 && b == 3) bits.append(' '); // spaces are ignored, as in rows text
            }
            text.append(bits).append('\n');
            strings.add(RowFactory.create(bits.toString()));
            booleans.add(RowFactory.create((Object) flags));
        }
        String asStrings = write(dir, "strings.parquet", strings, schema("bits", DataTypes.StringType));
        String asBooleans = write(
                dir, "booleans.parquet", booleans, schema("bits", DataTypes.createArrayType(DataTypes.BooleanType)));

        byte[] rowsText = text.toString().getBytes(StandardCharsets.US_ASCII);
        Reference want = Reference.of(CIRCUIT, new RowSource(new ByteArrayInputStream(rowsText), "rows", N), null);
        for (int p : new int[] {1, 3, 8}) {
            ParquetInput in = ParquetInput.of(spark, asStrings, N);
            assertEquals(ParquetInput.Layout.ROWS, in.layout());
            assertSame(want, run(in, p), rows, p + " partitions of STRING rows");
        }
        assertSame(want, run(ParquetInput.of(spark, asBooleans, N), 3), rows, "ARRAY<BOOLEAN> rows");
    }

    private static StructType schema(Object... nameType) {
        StructType s = new StructType();
        for (int k = 0; k < nameType.length; k += 2) s = s.add((String) nameType[k], (DataType) nameType[k + 1], false);
        return s;
    }

    @Test
    void parquetAndRowsOutputsEqualTc0EvalsOutputs(@TempDir Path dir) throws IOException {
        long count = 50_001;
        InputSpec in = new InputSpec.Random(N, count, 9);
        Path expectedPlanes = dir.resolve("expected.bin");
        Reference want = Reference.of(CIRCUIT, new RandomSource(N, count, 9), expectedPlanes);
        byte[] expectedRows = Reference.rows(CIRCUIT, new RandomSource(N, count, 9));
        int outputs = CIRCUIT.numOutputs();

        Path rowsFile = dir.resolve("out.txt");
        Tally rows = runWith(
                in,
                new SparkEvalJob.Output(
                        SparkEvalJob.Format.ROWS, dir.resolve("rows-parts").toString(), rowsFile));
        assertSame(want, rows, count, "rows text");
        assertArrayEquals(
                expectedRows, Files.readAllBytes(rowsFile), "rows text: the bytes of tc0 eval --out FILE.txt");

        String planesOut = dir.resolve("planes.parquet").toString();
        assertSame(
                want,
                runWith(in, new SparkEvalJob.Output(SparkEvalJob.Format.PARQUET_PLANES, planesOut, null)),
                count,
                "Parquet planes");
        long[][] expected = PlaneFiles.read(expectedPlanes, outputs);
        long[][] got = new long[outputs][expected[0].length];
        for (Row r : spark.read().parquet(planesOut).collectAsList()) {
            long word = r.getLong(0);
            List<Long> p = r.getList(1);
            int n = p.size() / outputs;
            for (int o = 0; o < outputs; o++) for (int w = 0; w < n; w++) got[o][(int) word + w] = p.get(o * n + w);
        }
        for (int o = 0; o < outputs; o++) assertArrayEquals(expected[o], got[o], "Parquet planes: output " + o);

        String rowsOut = dir.resolve("rows.parquet").toString();
        assertSame(
                want,
                runWith(in, new SparkEvalJob.Output(SparkEvalJob.Format.PARQUET_ROWS, rowsOut, null)),
                count,
                "Parquet rows");
        assertEquals(new String(expectedRows, StandardCharsets.US_ASCII), parquetRowsText(rowsOut));
    }

    /** A one-row-per-pattern dataset as rows text, in pattern order: files by path, rows by index. */
    private static String parquetRowsText(String path) {
        StringBuilder s = new StringBuilder();
        spark.read()
                .parquet(path)
                .select(col("bits"), col("_metadata.file_path"), col("_metadata.row_index"))
                .orderBy(col("file_path"), col("row_index"))
                .collectAsList()
                .forEach(r -> s.append(r.getString(0)).append('\n'));
        return s.toString();
    }

    private static Tally runWith(InputSpec in, SparkEvalJob.Output out) throws IOException {
        return runWith(in, out, EvalTask.Fault.NONE);
    }

    private static Tally runWith(InputSpec in, SparkEvalJob.Output out, EvalTask.Fault fault) throws IOException {
        return new SparkEvalJob(sc)
                .injecting(fault)
                .run(CIRCUIT, SparkEvalJob.Request.counts(in, 4).withAccepted().withOutput(out));
    }

    @Test
    void retriedTasksGiveTheSameOutputsAndFailedJobsLeaveNone(@TempDir Path dir) throws IOException {
        long count = 20_000;
        InputSpec in = new InputSpec.Random(N, count, 4);
        Reference want = Reference.of(CIRCUIT, new RandomSource(N, count, 4), null);
        byte[] expectedRows = Reference.rows(CIRCUIT, new RandomSource(N, count, 4));

        String retried = dir.resolve("retried.parquet").toString();
        Tally t = runWith(
                in,
                new SparkEvalJob.Output(SparkEvalJob.Format.PARQUET_ROWS, retried, null),
                EvalTask.Fault.FIRST_ATTEMPT);
        assertSame(want, t, count, "Parquet rows after a retry");
        assertEquals(new String(expectedRows, StandardCharsets.US_ASCII), parquetRowsText(retried));

        Path failedParquet = dir.resolve("failed.parquet"), rowsFile = dir.resolve("failed.txt");
        Path rowsParts = dir.resolve("failed-parts");
        assertThrows(
                Exception.class,
                () -> runWith(
                        in,
                        new SparkEvalJob.Output(SparkEvalJob.Format.PARQUET_PLANES, failedParquet.toString(), null),
                        EvalTask.Fault.EVERY_ATTEMPT));
        assertThrows(
                Exception.class,
                () -> runWith(
                        in,
                        new SparkEvalJob.Output(SparkEvalJob.Format.ROWS, rowsParts.toString(), rowsFile),
                        EvalTask.Fault.EVERY_ATTEMPT));
        assertFalse(Files.exists(rowsFile), "no joined rows file");
        for (Path d : new Path[] {failedParquet, rowsParts}) {
            if (!Files.exists(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                assertEquals(
                        List.of(),
                        s.filter(f -> f.getFileName().toString().startsWith("part-"))
                                .toList(),
                        d + ": no committed or uncommitted part files remain");
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
