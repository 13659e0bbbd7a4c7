package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.circuit.io.Formats;
import dev.tc0.eval.PlaneFiles;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.codegen.NativeKernels;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/** {@code tc0 eval} end to end, in-process: outputs checked against {@link Circuit#evaluate}. */
class EvalCommandTest {
    @TempDir
    Path dir;

    Circuit c;
    Path circuit;

    @BeforeEach
    void setUp() throws Exception {
        c = RandomCircuits.generate(RandomCircuits.Spec.of(12, 300, 7, 5, GateKind.values()), 7);
        circuit = dir.resolve("random.tc0");
        Formats.write(c, circuit);
    }

    static String row(boolean[] v) {
        StringBuilder b = new StringBuilder();
        for (boolean x : v) b.append(x ? '1' : '0');
        return b.toString();
    }

    /** --verbose splits the run's time into its phases; without it the summary is as before. */
    @Test
    void verboseSplitsTheRunsTime() throws Exception {
        Path out = dir.resolve("v.planes");
        Cli.Result res = Cli.run(
                "eval", circuit.toString(), "--random", "2^16", "--out", out.toString(), "--threads", "2", "--verbose");
        assertEquals(0, res.code(), res.err());
        assertTrue(
                res.err()
                        .matches("(?s).*\nthreads  [0-9.]+ s filling, [0-9.]+ s in kernels, [0-9.]+ s extracting, "
                                + "[0-9.]+ s waiting for the turn, [0-9.]+ s in the sink, [0-9.]+ s idle \\(summed over \\d thread"
                                + "s?, [0-9.]+ s wall\\)\n.*"),
                res.err());
        res = Cli.run("eval", circuit.toString(), "--random", "2^16", "--out", out.toString());
        assertEquals(0, res.code(), res.err());
        assertFalse(res.err().contains("in kernels"), res.err());
    }

    @Test
    void rowsInRowsOut() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        List<boolean[]> ins = new ArrayList<>();
        StringBuilder text = new StringBuilder("# a comment\n");
        for (int p = 0; p < 200; p++) {
            boolean[] x = new boolean[c.numInputs()];
            for (int i = 0; i < x.length; i++) x[i] = r.nextBoolean();
            ins.add(x);
            text.append(row(x)).append(p % 2 == 0 ? "\n" : "\r\n");
        }
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt");
        Files.writeString(in, text);
        Cli.Result res = Cli.run(
                "eval",
                circuit.toString(),
                "--inputs",
                in.toString(),
                "--out",
                out.toString(),
                "--threads",
                "2",
                "--tile-words",
                "8");
        assertEquals(0, res.code(), res.err());
        List<String> got = Files.readAllLines(out);
        assertEquals(ins.size(), got.size());
        for (int p = 0; p < ins.size(); p++) assertEquals(row(c.evaluate(ins.get(p))), got.get(p), "row " + p);
        assertTrue(res.err().contains("inputs   200"), res.err());
        assertTrue(res.err().matches("(?s).*speed    \\d\\.\\d\\de[+-]\\d+ gate-evals/s.*"), res.err());
    }

    @Test
    void rowsToPlanesCountsRowsFirst() throws Exception {
        Path in = dir.resolve("in.rows"), out = dir.resolve("out.bin");
        StringBuilder text = new StringBuilder();
        List<boolean[]> ins = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int p = 0; p < 130; p++) {
            boolean[] x = new boolean[c.numInputs()];
            for (int i = 0; i < x.length; i++) x[i] = r.nextBoolean();
            ins.add(x);
            text.append(row(x)).append('\n');
        }
        Files.writeString(in, text);
        Cli.Result res = Cli.run(
                "eval",
                circuit.toString(),
                "--inputs",
                in.toString(),
                "--input-format",
                "rows",
                "--out",
                out.toString());
        assertEquals(0, res.code(), res.err());
        long[][] planes = PlaneFiles.read(out, c.numOutputs());
        assertEquals(3, planes[0].length); // 130 patterns -> 3 words per plane
        for (int p = 0; p < ins.size(); p++) {
            boolean[] want = c.evaluate(ins.get(p));
            for (int o = 0; o < want.length; o++) assertEquals(want[o], (planes[o][p >>> 6] >>> (p & 63) & 1) != 0);
        }
    }

    @Test
    void planesInPlanesOutMatchesReference() throws Exception {
        long[][] inPlanes = new RandomSource(c.numInputs(), 64 * 20, 9).planes();
        Path in = dir.resolve("in.bin"), out = dir.resolve("out.bin");
        PlaneFiles.write(in, inPlanes);
        for (String engine : new String[] {"tiles", "levels"}) {
            List<String> sets = new ArrayList<>(List.of("scalar", "auto", "codegen", "codegen-vector"));
            if (NativeKernels.compilerAvailable()) sets.add("native");
            for (String kernels : sets) {
                Cli.Result res = Cli.run(
                        "eval",
                        circuit.toString(),
                        "--inputs",
                        in.toString(),
                        "--out",
                        out.toString(),
                        "--engine",
                        engine,
                        "--kernels",
                        kernels,
                        "--threads",
                        "2");
                assertEquals(0, res.code(), res.err());
                // Generated code reports its generation time apart from evaluation.
                boolean generated = kernels.startsWith("codegen") || kernels.equals("native");
                assertEquals(generated, res.err().contains("generating code"), res.err());
                long[][] got = PlaneFiles.read(out, c.numOutputs());
                for (int p = 0; p < 64 * 20; p++) {
                    boolean[] x = new boolean[c.numInputs()];
                    for (int i = 0; i < x.length; i++) x[i] = (inPlanes[i][p >>> 6] >>> (p & 63) & 1) != 0;
                    boolean[] want = c.evaluate(x);
                    for (int o = 0; o < want.length; o++) {
                        assertEquals(
                                want[o], (got[o][p >>> 6] >>> (p & 63) & 1) != 0, engine + " " + kernels + " p" + p);
                    }
                }
            }
        }
    }

    @Test
    void nativeKernelsWithoutACompilerSayWhatIsMissing() throws Exception {
        String before = System.getProperty("tc0.native.cc");
        try {
            System.setProperty("tc0.native.cc", dir.resolve("no-cc").toString());
            Cli.Result res = Cli.run("eval", circuit.toString(), "--random", "1000", "--kernels", "native");
            assertEquals(1, res.code(), res.err());
            assertEquals(
                    "tc0 eval: native kernels need a C compiler: cannot run '" + dir.resolve("no-cc")
                            + "' (install gcc, or set CC or -Dtc0.native.cc)",
                    res.err().strip());
        } finally {
            if (before == null) System.clearProperty("tc0.native.cc");
            else System.setProperty("tc0.native.cc", before);
        }
    }

    @Test
    void exhaustiveCountsAndAcceptedSet() throws Exception {
        Path acc = dir.resolve("acc.roaring");
        Cli.Result res = Cli.run("eval", circuit.toString(), "--exhaustive", "--counts", "--accepted", acc.toString());
        assertEquals(0, res.code(), res.err());
        long[] ones = new long[c.numOutputs()];
        RoaringBitmap want = new RoaringBitmap();
        for (int p = 0; p < 1 << c.numInputs(); p++) {
            boolean[] x = new boolean[c.numInputs()];
            for (int i = 0; i < x.length; i++) x[i] = (p >>> i & 1) != 0;
            boolean[] y = c.evaluate(x);
            for (int o = 0; o < y.length; o++) if (y[o]) ones[o]++;
            if (y[0]) want.add(p);
        }
        String[] lines = res.out().strip().split("\n");
        assertEquals(c.numOutputs(), lines.length);
        for (int o = 0; o < ones.length; o++) assertEquals(c.outputName(o) + "\t" + ones[o], lines[o].strip());
        RoaringBitmap got = new RoaringBitmap();
        try (DataInputStream d = new DataInputStream(Files.newInputStream(acc))) {
            got.deserialize(d);
        }
        assertEquals(want, got);
    }

    @Test
    void randomIsSeededAndRowsGoToStdout() {
        Cli.Result a = Cli.run("eval", circuit.toString(), "--random", "100", "--seed", "4", "--out", "-");
        Cli.Result b =
                Cli.run("eval", circuit.toString(), "--random", "100", "--seed", "4", "--out", "-", "--threads", "1");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertEquals(100, a.out().strip().split("\n").length);
        long[][] in = new RandomSource(c.numInputs(), 100, 4).planes();
        String[] rows = a.out().strip().split("\n");
        for (int p = 0; p < 100; p++) {
            boolean[] x = new boolean[c.numInputs()];
            for (int i = 0; i < x.length; i++) x[i] = (in[i][p >>> 6] >>> (p & 63) & 1) != 0;
            assertEquals(row(c.evaluate(x)), rows[p]);
        }
    }

    @Test
    void wrongRowWidthNamesFileAndLine() throws Exception {
        Path in = dir.resolve("short.txt"), out = dir.resolve("never.txt");
        Files.writeString(in, "0".repeat(12) + "\n" + "1".repeat(11) + "\n");
        Cli.Result res = Cli.run("eval", circuit.toString(), "--inputs", in.toString(), "--out", out.toString());
        assertEquals(1, res.code());
        assertEquals("tc0 eval: " + in + ":2: expected 12 bits, got 11", res.errLine());
        assertNoFilesBut(in, circuit);
    }

    @Test
    void planesFileOfWrongSize() throws Exception {
        Path in = dir.resolve("odd.bin"), out = dir.resolve("out.bin");
        Files.write(in, new byte[8 * 12 + 4]);
        Cli.Result res = Cli.run("eval", circuit.toString(), "--inputs", in.toString(), "--out", out.toString());
        assertEquals(1, res.code());
        assertTrue(res.errLine().startsWith("tc0 eval: " + in + ": 100 bytes is not a multiple of 96"), res.errLine());
        assertFalse(res.errLine().contains("\n"));
        assertNoFilesBut(in, circuit);
    }

    @Test
    void missingFileUnknownFormatAndUsageErrors() throws Exception {
        Cli.Result missing = Cli.run("eval", dir.resolve("nope.aag").toString(), "--random", "10");
        assertEquals(1, missing.code());
        assertEquals("tc0 eval: " + dir.resolve("nope.aag") + ": no such file", missing.errLine());

        Path weird = dir.resolve("circuit.xyz");
        Files.writeString(weird, "hello\n");
        Cli.Result unknown = Cli.run("eval", weird.toString(), "--random", "10");
        assertEquals(1, unknown.code());
        assertTrue(
                unknown.errLine().startsWith("tc0 eval: ") && unknown.errLine().contains(weird.toString()),
                unknown.errLine());
        assertFalse(unknown.errLine().contains("\n"), unknown.errLine());
        assertFalse(unknown.err().contains("\tat "), "no stack trace without --verbose");

        Cli.Result missingIn = Cli.run(
                "eval", circuit.toString(), "--inputs", dir.resolve("none.txt").toString());
        assertEquals(1, missingIn.code());
        assertEquals("tc0 eval: " + dir.resolve("none.txt") + ": no such file", missingIn.errLine());

        assertEquals(2, Cli.run("eval", circuit.toString()).code()); // no inputs chosen
        assertEquals(
                2,
                Cli.run("eval", circuit.toString(), "--random", "5", "--exhaustive")
                        .code());
        assertEquals(2, Cli.run("eval", circuit.toString(), "--random", "lots").code());
        assertEquals(
                2,
                Cli.run("eval", circuit.toString(), "--random", "5", "--engine", "fast")
                        .code());
        assertEquals(
                1,
                Cli.run("eval", circuit.toString(), "--random", "5", "--tile-words", "12")
                        .code());
        assertEquals(2, Cli.run("frobnicate").code());
        assertEquals(2, Cli.run().code());

        Cli.Result verbose = Cli.run("eval", weird.toString(), "--random", "10", "--verbose");
        assertEquals(1, verbose.code());
        assertTrue(verbose.err().contains("\tat "), "a stack trace with --verbose");
    }

    /** Thread counts and tile widths are checked against fixed caps and the heap before allocation. */
    @Test
    void hugeThreadCountsAndTilesAreRefusedWithTheOptionNamed() {
        for (String t : new String[] {"30000", "100000", "1025"}) {
            Cli.Result r = Cli.run("eval", circuit.toString(), "--random", "1000", "--threads", t);
            assertEquals(1, r.code(), r.err());
            assertEquals("tc0 eval: --threads must be between 1 and 1024, not " + t, r.errLine());
        }
        for (String w : new String[] {"16777216", "1073741824"}) {
            Cli.Result r = Cli.run("eval", circuit.toString(), "--random", "1000", "--tile-words", w);
            assertEquals(1, r.code(), r.err());
            assertEquals(
                    "tc0 eval: --tile-words must be a positive multiple of 8 up to 1048576, not " + w, r.errLine());
        }
        // Within the caps, but 2048 tiles of 2^20 words per live value are far past any test heap.
        Cli.Result r = Cli.run(
                "eval",
                circuit.toString(),
                "--random",
                "100000000000",
                "--threads",
                "1024",
                "--tile-words",
                "1048576",
                "--counts");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.errLine().startsWith("tc0 eval: --threads 1024 with 1048576-word tiles needs "), r.errLine());
        assertTrue(r.errLine().endsWith("TC0_JAVA_OPTS=-Xmx<size>"), r.errLine());
        assertFalse(r.err().contains("\tat "), r.err());
        // The same caps leave an ordinary run alone: 8 threads, wide tiles, the same counts as one thread.
        Cli.Result one = Cli.run("eval", circuit.toString(), "--random", "100000", "--counts", "--threads", "1");
        Cli.Result many = Cli.run(
                "eval", circuit.toString(), "--random", "100000", "--counts", "--threads", "8", "--tile-words", "4096");
        assertEquals(0, many.code(), many.err());
        assertEquals(one.out(), many.out());
    }

    /** An empty netlist reads as a circuit of nothing: info warns, eval refuses, both in one line. */
    @Test
    void circuitsWithoutOutputsWarnAndEvalRefuses() throws Exception {
        Path bench = dir.resolve("empty.bench"), blif = dir.resolve("empty.blif"), noOut = dir.resolve("noout.bench");
        Files.writeString(bench, "");
        Files.writeString(blif, "");
        Files.writeString(noOut, "INPUT(a)\nINPUT(b)\ng = AND(a, b)\n");
        for (Path p : List.of(bench, blif, noOut)) {
            String warning = "warning: " + p + ": the circuit has no outputs"
                    + (p == noOut ? "" : " (nor inputs nor gates: is the file empty?)");
            Cli.Result info = Cli.run("info", p.toString());
            assertEquals(0, info.code(), info.err());
            assertEquals(warning, info.errLine());
            Cli.Result ev = Cli.run("eval", p.toString(), "--random", "100", "--counts");
            assertEquals(1, ev.code(), ev.err());
            // the refusal is the one line (it carries the warning's hint)
            assertEquals(
                    "tc0 eval: " + warning.substring("warning: ".length()) + ", nothing to evaluate", ev.errLine());
            assertEquals("", ev.out());
        }
    }

    @Test
    void helpEverywhere() {
        for (String cmd : new String[] {"eval", "info", "convert", "compile", "verify", "scale", "bench", "demo"}) {
            Cli.Result r = Cli.run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: tc0 " + cmd), r.out());
        }
        Cli.Result top = Cli.run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("demo"));
    }

    @Test
    void failedRunLeavesNoOutputFile() throws Exception {
        Path in = dir.resolve("late.txt"), out = dir.resolve("out.bin");
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 5000; p++) text.append("0".repeat(12)).append('\n');
        text.append("01x\n"); // fails only after several tiles were written
        Files.writeString(in, text);
        Cli.Result res = Cli.run(
                "eval",
                circuit.toString(),
                "--inputs",
                in.toString(),
                "--out",
                out.toString(),
                "--tile-words",
                "8",
                "--threads",
                "1");
        assertEquals(1, res.code());
        assertTrue(res.errLine().contains(in + ":5001:"), res.errLine());
        assertNoFilesBut(in, circuit);
    }

    /** An output that names an input (by any path: here through a symlink) is refused before any work. */
    @Test
    void anOutputOntoAnInputIsRefused() throws Exception {
        Path in = dir.resolve("in.txt"), alias = dir.resolve("alias.txt");
        Files.writeString(in, "0".repeat(12) + "\n");
        Files.createSymbolicLink(alias, in);
        byte[] circuitBytes = Files.readAllBytes(circuit);
        Cli.Result r = Cli.run("eval", circuit.toString(), "--inputs", in.toString(), "--out", alias.toString());
        assertEquals(1, r.code());
        assertEquals("tc0 eval: --out " + alias + " is --inputs (" + in + "); choose another output file", r.errLine());
        assertEquals("0".repeat(12) + "\n", Files.readString(in));

        r = Cli.run("eval", circuit.toString(), "--random", "10", "--out", circuit.toString());
        assertEquals(
                "tc0 eval: --out " + circuit + " is the circuit file (" + circuit + "); choose another output file",
                r.errLine());
        r = Cli.run("eval", circuit.toString(), "--random", "10", "--accepted", circuit.toString());
        assertEquals(
                "tc0 eval: --accepted " + circuit + " is the circuit file (" + circuit
                        + "); choose another output file",
                r.errLine());
        assertArrayEquals(circuitBytes, Files.readAllBytes(circuit));

        Path both = dir.resolve("both.bin");
        r = Cli.run(
                "eval", circuit.toString(), "--random", "10", "--out", both.toString(), "--accepted", both.toString());
        assertEquals(
                "tc0 eval: --out " + both + " is --accepted (" + both + "); choose another output file", r.errLine());
        assertNoFilesBut(in, alias, circuit);
    }

    /** Rows on stdin into a planes file: the count is needed first, and the message says so. */
    @Test
    void stdinRowsIntoPlanesSaysWhy() throws Exception {
        Path out = dir.resolve("o.bin");
        Cli.Result r = Cli.run("eval", circuit.toString(), "--inputs", "-", "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(
                r.errLine().startsWith("tc0 eval: --out " + out + ": a planes file needs the pattern count"),
                r.errLine());
        assertNoFilesBut(circuit);
    }

    @Test
    void countsParse() {
        assertEquals(1L << 20, CountConverter.parse("2^20"));
        assertEquals(1_000_000L, CountConverter.parse("1M"));
        assertEquals(1L << 20, CountConverter.parse("1Mi"));
        assertEquals(64_000L, CountConverter.parse("64k"));
        assertEquals(64 * 1024, CountConverter.parse("64Ki"));
        assertEquals(3L << 30, CountConverter.parse("3gi"));
        assertEquals(
                20_000_000L,
                CountConverter.parse("20M")); // the help's default for --max-gates, written as the help writes it
        assertEquals(1_000_000, CountConverter.parse("1e6"));
        assertEquals(123, CountConverter.parse("123"));
    }

    private void assertNoFilesBut(Path... keep) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.filter(p -> !List.of(keep).contains(p)).toList();
            assertEquals(List.of(), left, "files left behind");
        }
    }
}
