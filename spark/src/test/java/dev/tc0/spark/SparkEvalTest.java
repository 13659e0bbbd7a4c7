package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.circuit.io.Formats;
import dev.tc0.eval.RandomSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/** The command line: the output tc0 eval prints, and one line with a non-zero status for mistakes. */
class SparkEvalTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = SparkEval.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheCountsAndWritesTheAcceptedSetOfTc0Eval(@TempDir Path dir) throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(12, 200, 3, 4, GateKind.values()), 5);
        Path file = dir.resolve("c.tc0");
        Formats.write(c, file);
        long count = 70_001;
        Path accepted = dir.resolve("acc.roaring");
        // the master comes from the command line; loopback and no UI from system properties
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.ui.enabled", "false");
        Run r = run(
                "eval",
                file.toString(),
                "--random",
                "70001",
                "--seed",
                "3",
                "--partitions",
                "5",
                "--counts",
                "--accepted",
                accepted.toString(),
                "--master",
                "local[2]");
        assertEquals(0, r.status(), r.err());

        Reference want = Reference.of(c, new RandomSource(c.numInputs(), count, 3), null);
        StringBuilder lines = new StringBuilder();
        for (int o = 0; o < c.numOutputs(); o++)
            lines.append(c.outputName(o)).append('\t').append(want.ones()[o]).append(System.lineSeparator());
        assertEquals(lines.toString(), r.out());
        assertTrue(r.err().contains("inputs   70001 (random, seed 3)"), r.err());

        // the bytes tc0 eval --accepted writes: the engine's set, run-optimized, serialized
        RoaringBitmap b = want.accepted();
        b.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.serialize(new DataOutputStream(bytes));
        assertArrayEquals(bytes.toByteArray(), Files.readAllBytes(accepted));
    }

    @Test
    void badInputIsOneLineAndANonZeroStatus(@TempDir Path dir) throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(6, 20, 2, 3, GateKind.AND), 1);
        Path file = dir.resolve("c.tc0");
        Formats.write(c, file);
        Files.write(dir.resolve("bad.bin"), new byte[20]);
        String[][] cases = {
            {"eval", dir.resolve("missing.aig").toString(), "--random", "10"},
            {"eval", file.toString(), "--random", "ten"},
            {"eval", file.toString()},
            {"eval", file.toString(), "--random", "10", "--exhaustive"},
            {"eval", file.toString(), "--inputs", dir.resolve("bad.bin").toString()},
            {"eval", file.toString(), "--random", "10", "--partitions", "0"},
            {
                "eval",
                file.toString(),
                "--random",
                "10",
                "--out",
                dir.resolve("o.bin").toString()
            },
            {"eval", file.toString(), "--random", "10", "--bogus"},
            {"run", file.toString()},
            {"eval", file.toString(), "--inputs", dir.resolve("bad.bin").toString(), "--input-format", "csv"},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args));
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(
                    first.startsWith("tc0-spark: ") && !r.err().contains("Exception"),
                    String.join(" ", args) + " -> " + r.err());
        }
    }
}
