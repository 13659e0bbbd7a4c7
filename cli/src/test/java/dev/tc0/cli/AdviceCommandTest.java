package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.Formats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tc0 advice end to end on small circuits, the prefix options of compile and verify, and bad input. */
class AdviceCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** x0 AND NOT x1, and x0 OR x1: two outputs, threshold depth 2 (a NOT gate) and 1. */
    private static final String SMALL = """
            INPUT(a)
            INPUT(b)
            OUTPUT(y)
            OUTPUT(z)
            nb = NOT(b)
            y = AND(a, nb)
            z = OR(a, b)
            """;

    @Test
    void writesModelAdviceAndRoundTripThenCompileAndVerifyReadThem() throws Exception {
        Path bench = write("small.bench", SMALL), out = dir.resolve("adv");
        Cli.Result r = Cli.run("advice", bench.toString(), "--out", out.toString(), "--compile");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("equals the circuit on all 4 inputs"), r.out());
        assertTrue(r.out().contains("round trip:"), r.out());
        Circuit original = Formats.read(bench), back = Formats.read(out.resolve("roundtrip.tc0"));
        assertEquals(original.inputNames(), back.inputNames());
        assertEquals(original.outputNames(), back.outputNames());
        for (int v = 0; v < 4; v++) {
            boolean[] x = {(v & 1) != 0, (v & 2) != 0};
            assertArrayEquals(original.evaluate(x), back.evaluate(x), "input " + v);
        }
        List<String> lines = Files.readAllLines(out.resolve("advice.txt")).stream()
                .filter(s -> !s.startsWith("#"))
                .toList();
        assertEquals(2, lines.size());
        // the second output's advice through tc0 compile --prefix-file, and tc0 verify against the reference
        int n = lines.get(1).split(" ").length + 2;
        Path z = dir.resolve("z.tc0");
        Cli.Result c = Cli.run(
                "compile",
                out.resolve("model.json").toString(),
                "--n",
                String.valueOf(n),
                "--prefix-file",
                out.resolve("advice.txt").toString(),
                "--prefix-line",
                "2",
                "--free-tokens",
                "0 1",
                "--out",
                z.toString());
        assertEquals(0, c.code(), c.err());
        Circuit zc = Formats.read(z);
        assertEquals(4, zc.numInputs(), "two free positions, tokens 0 and 1");
        Cli.Result v = Cli.run(
                "verify",
                out.resolve("model.json").toString(),
                "--n",
                String.valueOf(n),
                "--prefix",
                lines.get(1),
                "--free-tokens",
                "0 1");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("agrees with the reference on all 4 inputs"), v.out());
        // a second run replaces the directory it wrote
        assertEquals(
                0, Cli.run("advice", bench.toString(), "--out", out.toString()).code());
        assertFalse(Files.exists(out.resolve("roundtrip.tc0")));
    }

    @Test
    void badPrefixesAreOneLine() throws Exception {
        Path bench = write("small.bench", SMALL), out = dir.resolve("adv");
        assertEquals(
                0, Cli.run("advice", bench.toString(), "--out", out.toString()).code());
        String model = out.resolve("model.json").toString();
        Cli.Result r = Cli.run(
                "compile",
                model,
                "--n",
                "8",
                "--prefix",
                "X Y",
                "--out",
                dir.resolve("x.tc0").toString());
        assertEquals(1, r.code());
        assertTrue(r.errLine().contains("token 2 'Y' is not in the vocabulary"), r.errLine());
        r = Cli.run(
                "compile",
                model,
                "--n",
                "2",
                "--prefix",
                "X X >= 1",
                "--out",
                dir.resolve("x.tc0").toString());
        assertEquals(1, r.code());
        assertTrue(r.errLine().contains("more than n = 2"), r.errLine());
        r = Cli.run(
                "compile",
                model,
                "--n",
                "8",
                "--prefix-file",
                out.resolve("advice.txt").toString(),
                "--prefix-line",
                "3",
                "--out",
                dir.resolve("x.tc0").toString());
        assertEquals(1, r.code());
        assertTrue(r.errLine().contains("no line 3"), r.errLine());
        assertFalse(Files.exists(dir.resolve("x.tc0")));
    }

    @Test
    void badCircuitsAreOneLineAndWriteNothing() throws Exception {
        Path latch = write("latch.aag", "aag 1 0 1 0 0\n2 3\n");
        Path none = write("none.bench", "INPUT(a)\nINPUT(b)\nc = AND(a, b)\n");
        StringBuilder chain = new StringBuilder("INPUT(a)\nINPUT(b)\nOUTPUT(g200)\ng0 = AND(a, b)\n");
        for (int g = 1; g <= 200; g++)
            chain.append("g").append(g).append(" = OR(g").append(g - 1).append(g % 2 == 0 ? ", a)\n" : ", b)\n");
        Path longOne = write("chain.bench", chain.toString());
        Path foreign = dir.resolve("foreign");
        Files.createDirectory(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Path small = write("small.bench", SMALL);
        String[][] cases = {
            {latch.toString(), "latch"},
            {none.toString(), "no outputs"},
            {longOne.toString(), "8192"},
        };
        for (String[] k : cases) {
            Path out = dir.resolve("out-" + Path.of(k[0]).getFileName());
            Cli.Result r = Cli.run("advice", k[0], "--out", out.toString(), "--compile");
            assertEquals(1, r.code(), k[0] + ": " + r.out() + r.err());
            assertEquals(1, r.errLine().lines().count(), r.errLine());
            assertTrue(r.errLine().contains(k[1]), r.errLine());
            assertFalse(Files.exists(out), k[0] + ": " + out + " was written");
        }
        Cli.Result r = Cli.run("advice", small.toString(), "--out", foreign.toString());
        assertEquals(1, r.code());
        assertTrue(r.errLine().contains("notes.txt"), r.errLine());
        assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));
        try (var s = Files.list(dir)) {
            assertTrue(
                    s.noneMatch(p -> p.getFileName().toString().startsWith(".")),
                    "a temporary directory was left behind");
        }
    }
}
