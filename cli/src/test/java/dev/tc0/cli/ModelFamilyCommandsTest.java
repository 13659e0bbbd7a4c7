package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile and verify take a model as a family: shipped examples and JSON families past 64, table models bounded. */
class ModelFamilyCommandsTest {
    private static final Path MODELS = Path.of("..", "src", "examples", "models");

    @TempDir
    Path dir;

    /** MAJORITY's family at 128, past the shipped max_seq_len 64, compiles and agrees with the reference. */
    @Test
    void exampleFamilyPastTheShippedLength() {
        Cli.Result v = Cli.run("verify", "--example", "majority", "--n", "128", "--samples", "300");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("majority n=128 p=22 "), v.out());
        assertTrue(v.out().contains("agrees with the reference on 300 random inputs"), v.out());
    }

    /** A JSON family (MAJORITY's, no max_seq_len) materialised by --n, here at 12, where its p = 3·log2 n is 12. */
    @Test
    void jsonFamilyFile() {
        Cli.Result v = Cli.run(
                "verify", MODELS.resolve("families").resolve("majority.json").toString(), "--n", "12");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("majority n=12 p=12 "), v.out());
        assertTrue(v.out().contains("agrees with the reference on all 4096 inputs"), v.out());
    }

    /**
     * --block-sums: dyck1 at 128 with its sums over positions in two stages agrees with the
     * reference, at depth 12 (13 without) and with fewer edges than the default compile.
     */
    @Test
    void blockSumsCompileAndVerify() throws java.io.IOException {
        Cli.Result v = Cli.run("verify", "--example", "dyck1", "--n", "128", "--block-sums", "--samples", "300");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("depth 12)"), v.out());
        assertTrue(v.out().contains("agrees with the reference on 300 random inputs"), v.out());
        Path blocked = dir.resolve("b.tc0"), plain = dir.resolve("p.tc0");
        assertEquals(
                0,
                Cli.run("compile", "--example", "dyck1", "--n", "128", "--block-sums", "--out", blocked.toString())
                        .code());
        assertEquals(
                0,
                Cli.run("compile", "--example", "dyck1", "--n", "128", "--out", plain.toString())
                        .code());
        long b = dev.tc0.circuit.io.Formats.read(blocked).numEdges();
        long p = dev.tc0.circuit.io.Formats.read(plain).numEdges();
        assertTrue(b * 3 < p, "block sums: " + b + " edges against " + p);
    }

    @Test
    void boundsAreOneLine() {
        Path out = dir.resolve("m.tc0");
        Cli.Result table =
                Cli.run("compile", MODELS.resolve("dyck1.json").toString(), "--n", "128", "--out", out.toString());
        assertEquals(1, table.code());
        assertEquals("tc0 compile: n = 128 is outside 1..64 (max_seq_len of dyck1)", table.errLine());
        Cli.Result past = Cli.run("compile", "--example", "dyck1", "--n", "40000", "--out", out.toString());
        assertEquals(1, past.code());
        assertTrue(
                past.errLine().startsWith("tc0 compile: n = 40000 is outside 1..32768 for the family dyck1 ("),
                past.errLine());
        assertEquals(1, past.err().lines().count(), past.err());
    }
}
