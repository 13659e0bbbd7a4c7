package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.circuit.io.Formats;
import dev.tc0.eval.RowSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with Parquet: a good dataset gives tc0 eval's counts and rows output; a
 * malformed one (a missing column, a column of the wrong type, blocks that are not whole words,
 * not Parquet at all) gives one line and status 2 before any evaluation; a malformed row fails the
 * job in one line naming the file and the row. The runs share this class's
 * session (SparkEval leaves a session it did not start running).
 */
class ParquetCliTest {
    private static SparkSession spark;
    private static final Circuit CIRCUIT =
            RandomCircuits.generate(RandomCircuits.Spec.of(10, 120, 3, 4, GateKind.values()), 3);

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2,2]");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = SparkEval.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String write(Path dir, String name, List<Row> rows, StructType schema) {
        String path = dir.resolve(name).toString();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path);
        return path;
    }

    @Test
    void parquetRowsInGiveTheCountsAndRowsOfTc0Eval(@TempDir Path dir) throws IOException {
        Path circuit = dir.resolve("c.tc0");
        Formats.write(CIRCUIT, circuit);
        int n = CIRCUIT.numInputs(), count = 3_001;
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder text = new StringBuilder();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder bits = new StringBuilder();
            for (int b = 0; b < n; b++) bits.append(r.nextBoolean() ? '1' : '0');
            text.append(bits).append('\n');
            rows.add(RowFactory.create(bits.toString()));
        }
        String in = write(dir, "in.parquet", rows, new StructType().add("bits", DataTypes.StringType));
        Path out = dir.resolve("out.txt");
        Run run = run(
                "eval",
                circuit.toString(),
                "--inputs",
                in,
                "--partitions",
                "3",
                "--counts",
                "--out",
                out.toString(),
                "--parts",
                dir.resolve("parts").toString());
        assertEquals(0, run.status(), run.err());

        byte[] rowsText = text.toString().getBytes(StandardCharsets.US_ASCII);
        Reference want = Reference.of(CIRCUIT, new RowSource(new ByteArrayInputStream(rowsText), "rows", n), null);
        StringBuilder lines = new StringBuilder();
        for (int o = 0; o < CIRCUIT.numOutputs(); o++)
            lines.append(CIRCUIT.outputName(o))
                    .append('\t')
                    .append(want.ones()[o])
                    .append(System.lineSeparator());
        assertEquals(lines.toString(), run.out());
        byte[] expected = Reference.rows(CIRCUIT, new RowSource(new ByteArrayInputStream(rowsText), "rows", n));
        assertArrayEquals(expected, Files.readAllBytes(out), "the rows tc0 eval --out FILE.txt writes");
    }

    @Test
    void malformedParquetIsOneLineAndStatus2(@TempDir Path dir) throws IOException {
        Path circuit = dir.resolve("c.tc0");
        Formats.write(CIRCUIT, circuit);
        List<Row> one = List.of(RowFactory.create(7));
        String intBits = write(dir, "int-bits.parquet", one, new StructType().add("bits", DataTypes.IntegerType));
        String noColumn = write(dir, "other.parquet", one, new StructType().add("x", DataTypes.IntegerType));
        String noWord = write(
                dir,
                "no-word.parquet",
                List.of(RowFactory.create((Object) new long[10])),
                new StructType().add("planes", DataTypes.createArrayType(DataTypes.LongType)));
        String intPlanes = write(
                dir,
                "int-planes.parquet",
                List.of(RowFactory.create(0L, new int[10])),
                new StructType()
                        .add("word", DataTypes.LongType)
                        .add("planes", DataTypes.createArrayType(DataTypes.IntegerType)));
        String ragged = write(
                dir,
                "ragged.parquet",
                List.of(RowFactory.create(0L, new long[10]), RowFactory.create(1L, new long[15])),
                new StructType()
                        .add("word", DataTypes.LongType)
                        .add("planes", DataTypes.createArrayType(DataTypes.LongType)));
        Path text = dir.resolve("text.parquet");
        Files.writeString(text, "0101\n");
        String[][] cases = {
            {intBits, "column 'bits' is INT, not STRING or ARRAY<BOOLEAN>"},
            {noColumn, "no column 'planes' (with 'word') or 'bits'"},
            {noWord, "a 'planes' column needs a 'word' column"},
            {intPlanes, "column 'planes' is ARRAY<INT>, not ARRAY<BIGINT> or BINARY"},
            {ragged, "1 row(s) whose word or planes is null or whose planes are not whole words"},
            {text.toString(), "not Parquet that Spark can read"},
            {dir.resolve("missing.parquet").toString(), "no such file or directory"},
        };
        for (String[] c : cases) {
            Run r = run("eval", circuit.toString(), "--inputs", c[0], "--counts");
            assertEquals(2, r.status(), c[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), c[0] + ": one line, not " + r.err());
            assertTrue(
                    r.err().startsWith("tc0-spark: " + c[0] + ": ") && r.err().contains(c[1]), r.err());
        }
        // a row with a bit short is found by the task that reads it: the job fails, in one line
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) rows.add(RowFactory.create(i == 70 ? "010101010" : "0101010101"));
        String shortRow = write(dir, "short-row.parquet", rows, new StructType().add("bits", DataTypes.StringType));
        Run bad = run("eval", circuit.toString(), "--inputs", shortRow, "--counts");
        assertEquals(1, bad.status(), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(
                bad.err().startsWith("tc0-spark: the job failed: IOException: " + shortRow + ": ")
                        && bad.err().contains(".parquet, row 70: expected 10 bits, got 9"),
                bad.err());
        // an output that exists, and --parts with a Parquet --out, are refused before the job
        Run exists = run("eval", circuit.toString(), "--random", "100", "--out", intBits);
        assertEquals(2, exists.status(), exists.err());
        assertEquals(
                "tc0-spark: " + intBits + ": already exists (the output directory must be new)",
                exists.err().strip());
        Run parts = run(
                "eval",
                circuit.toString(),
                "--random",
                "100",
                "--out",
                dir.resolve("o.parquet").toString(),
                "--parts",
                dir.resolve("p").toString());
        assertEquals(2, parts.status(), parts.err());
        assertTrue(parts.err().startsWith("tc0-spark: --parts DIR is for plane and rows output"), parts.err());
    }
}
