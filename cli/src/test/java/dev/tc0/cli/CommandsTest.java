package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.io.Formats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, convert, compile, verify, scale and bench, in-process. */
class CommandsTest {
    @TempDir
    Path dir;

    private Path adder() throws Exception {
        // a 2-bit adder of AND gates only, so that every format can hold it
        CircuitBuilder b = new CircuitBuilder();
        int a0 = b.input("a0"), a1 = b.input("a1"), b0 = b.input("b0"), b1 = b.input("b1");
        int s0 = xor(b, a0, b0), c0 = b.and(a0, b0);
        int t = xor(b, a1, b1);
        int s1 = xor(b, t, c0);
        int c1 = CircuitBuilder.not(b.and(CircuitBuilder.not(b.and(a1, b1)), CircuitBuilder.not(b.and(t, c0))));
        b.output("s0", s0);
        b.output("s1", s1);
        b.output("c", c1);
        Path p = dir.resolve("adder.aag");
        Formats.write(b.build(), p);
        return p;
    }

    private static int xor(CircuitBuilder b, int x, int y) {
        return CircuitBuilder.not(b.and(
                CircuitBuilder.not(b.and(x, CircuitBuilder.not(y))),
                CircuitBuilder.not(b.and(CircuitBuilder.not(x), y))));
    }

    @Test
    void infoTextAndJson() throws Exception {
        Path f = adder();
        Cli.Result text = Cli.run("info", f.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("inputs          4"), text.out());
        assertTrue(text.out().contains("gates per level"), text.out());
        assertTrue(text.out().contains("| #"), text.out());
        Cli.Result json = Cli.run("info", f.toString(), "--json");
        assertEquals(0, json.code());
        com.fasterxml.jackson.databind.JsonNode tree =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(4, tree.get("inputs").intValue(), json.out());
        assertEquals(f.toString(), tree.get("circuit").textValue());
        assertEquals(tree.get("depth").intValue(), tree.get("levelWidths").size(), json.out());
        int perKind = 0;
        for (com.fasterxml.jackson.databind.JsonNode k : tree.get("gatesPerKind")) perKind += k.intValue();
        assertEquals(tree.get("gates").intValue(), perKind, json.out());
        // a path with a quote and a backslash stays one JSON string
        Path odd = dir.resolve("a\"b\\c.aag");
        Files.copy(f, odd);
        Cli.Result named = Cli.run("info", odd.toString(), "--json");
        assertEquals(
                odd.toString(),
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(named.out())
                        .get("circuit")
                        .textValue());
    }

    @Test
    void infoGroupsLevelsOfDeepCircuits() throws Exception {
        Circuit deep = dev.tc0.circuit.RandomCircuits.layered(8, 100, 4, dev.tc0.circuit.GateKind.AND, 1);
        Path f = dir.resolve("deep.tc0");
        Formats.write(deep, f);
        Cli.Result r = Cli.run("info", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(3 levels a row)"), r.out());
        long bars = r.out().lines().filter(l -> l.contains(" | ")).count();
        assertTrue(bars <= InfoCommand.MAX_ROWS, "rows " + bars);
    }

    @Test
    void convertRoundTripKeepsTheFunction() throws Exception {
        Path f = adder(), g = dir.resolve("adder.tc0"), h = dir.resolve("back.aag");
        assertEquals(0, Cli.run("convert", f.toString(), g.toString()).code());
        Cli.Result r = Cli.run("convert", g.toString(), h.toString());
        assertEquals(0, r.code(), r.err());
        Circuit a = Formats.read(f), b = Formats.read(h);
        for (int p = 0; p < 16; p++) {
            boolean[] x = new boolean[4];
            for (int i = 0; i < 4; i++) x[i] = (p >>> i & 1) != 0;
            assertTrue(java.util.Arrays.equals(a.evaluate(x), b.evaluate(x)), "pattern " + p);
        }
        Cli.Result bad =
                Cli.run("convert", f.toString(), dir.resolve("x.unknown").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.errLine().startsWith("tc0 convert: "), bad.errLine());
        Cli.Result noDir =
                Cli.run("convert", f.toString(), dir.resolve("no/such/dir.tc0").toString());
        assertEquals(1, noDir.code());
        assertTrue(noDir.errLine().contains("does not exist"), noDir.errLine());
    }

    /** convert reports the circuit in the file it wrote (AIGER holds threshold gates as many ANDs), not its source. */
    @Test
    void convertPrintsTheWrittenFilesSize() throws Exception {
        Path src = dir.resolve("mul.tc0"), aag = dir.resolve("mul.aag"), v = dir.resolve("mul.v");
        assertEquals(
                0,
                Cli.run("compile", "--family", "multiply", "--n", "4", "--out", src.toString())
                        .code());
        Circuit source = Formats.read(src);
        Cli.Result r = Cli.run("convert", src.toString(), aag.toString());
        assertEquals(0, r.code(), r.err());
        Circuit written = Formats.read(aag);
        assertTrue(written.numGates() > source.numGates(), written.numGates() + " vs " + source.numGates());
        assertEquals(
                "wrote " + aag + ": 8 inputs, 8 outputs, " + written.numGates() + " gates, depth " + written.depth()
                        + " (read back)",
                r.errLine());
        Cli.Result rv = Cli.run("convert", src.toString(), v.toString());
        assertEquals(0, rv.code(), rv.err());
        assertEquals(
                "wrote " + v + ": from a circuit of 8 inputs, 8 outputs, " + source.numGates() + " gates, depth "
                        + source.depth(),
                rv.errLine());
    }

    @Test
    void compileFamilyThenEval() throws Exception {
        Path f = dir.resolve("maj.tc0");
        Cli.Result r = Cli.run("compile", "--family", "majority", "--n", "5", "--out", f.toString());
        assertEquals(0, r.code(), r.err());
        Cli.Result e = Cli.run("eval", f.toString(), "--exhaustive", "--counts");
        assertEquals(0, e.code(), e.err());
        assertEquals("y[0]\t16", e.out().strip()); // 16 of the 32 inputs have at least three ones
    }

    /** Every family at a hopeless n is refused from two small builds, before any big allocation. */
    @Test
    void hugeFamilySizesAreRefusedBeforeBuilding() {
        for (String family : FamilyCatalog.names()) {
            Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60),
                    () -> Cli.run(
                            "compile",
                            "--family",
                            family,
                            "--n",
                            "1000000000",
                            "--out",
                            dir.resolve("x.tc0").toString()));
            assertEquals(1, r.code(), family + ": " + r.err());
            assertTrue(
                    r.errLine().startsWith("tc0 compile: --n 1000000000: " + family + " would have about "),
                    r.errLine());
            assertFalse(r.errLine().contains("\n"), r.errLine());
            assertFalse(Files.exists(dir.resolve("x.tc0")));
        }
    }

    /** Past the direct-build size the estimate lets a buildable n through: the circuit is the family's. */
    @Test
    void largeButBuildableFamiliesStillCompile() throws Exception {
        Path f = dir.resolve("parity.tc0");
        Cli.Result r = Cli.run("compile", "--family", "parity", "--n", "3000", "--out", f.toString());
        assertEquals(0, r.code(), r.err());
        Circuit c = Formats.read(f);
        java.util.Random rnd = new java.util.Random(3);
        for (int t = 0; t < 20; t++) {
            boolean[] x = new boolean[3000];
            int ones = 0;
            for (int i = 0; i < x.length; i++) if (x[i] = rnd.nextBoolean()) ones++;
            assertEquals(ones % 2 == 1, c.evaluate(x)[0]);
        }
    }

    /** The last resort: an OutOfMemoryError from any command is one line naming the step and the heap option. */
    @Test
    void outOfMemoryIsOneLine() {
        @picocli.CommandLine.Command(name = "hungry")
        class Hungry implements java.util.concurrent.Callable<Integer> {
            @Override
            public Integer call() {
                Activity.set("building a huge thing");
                throw new OutOfMemoryError("Java heap space");
            }
        }
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Hungry()).setErr(new java.io.PrintWriter(err, true));
        assertEquals(Main.USER_ERROR, Main.execute(cl, new String[0]));
        assertEquals(
                "hungry: out of memory while building a huge thing (raise the heap, e.g. TC0_JAVA_OPTS=-Xmx16g)",
                err.toString().strip());
    }

    @Test
    void modelsCompileAndVerify() throws Exception {
        Path model = dir.resolve("m.json");
        Files.writeString(model, "{}");
        Cli.Result c = Cli.run(
                "compile",
                model.toString(),
                "--n",
                "8",
                "--out",
                dir.resolve("m.tc0").toString());
        assertEquals(1, c.code());
        assertTrue(c.errLine().contains("m.json"), c.errLine());
        Cli.Result v = Cli.run("verify", "--example", "copy", "--n", "8");
        assertEquals(1, v.code());
        assertTrue(v.errLine().contains("no model called 'copy'"), v.errLine());
        Path out = dir.resolve("dyck.tc0");
        Cli.Result ok = Cli.run("compile", "--example", "dyck1", "--n", "6", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.size(out) > 0);
        Cli.Result ver = Cli.run("verify", "--example", "majority", "--n", "8");
        assertEquals(0, ver.code(), ver.err());
        assertTrue(ver.out().contains("agrees with the reference on all 256 inputs"), ver.out());
        Cli.Result hist = Cli.run("verify", "--example", "hist", "--n", "9", "--samples", "500");
        assertEquals(0, hist.code(), hist.err());
        assertTrue(hist.out().contains("500 random inputs"), hist.out());
        assertEquals(2, Cli.run("compile", "--family", "parity", "--n", "8").code()); // --out missing
    }

    /** A circuit or model path that is a link to a device is refused in one line, before reading. */
    @Test
    void linksToDevicesAreRefusedInOneLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path circuit = Files.createSymbolicLink(dir.resolve("zero.bench"), Path.of("/dev/zero"));
        Path model = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        Cli.Result info = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> Cli.run("info", circuit.toString()));
        assertEquals(1, info.code());
        assertEquals(
                "tc0 info: " + circuit
                        + ": not a regular file (a device, FIFO or socket); tc0 reads circuits from regular files only",
                info.errLine());
        Cli.Result compile = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30),
                () -> Cli.run(
                        "compile",
                        model.toString(),
                        "--n",
                        "4",
                        "--out",
                        dir.resolve("m.tc0").toString()));
        assertEquals(1, compile.code());
        assertEquals(
                "tc0 compile: " + model + ": not a regular file (a device, FIFO, socket or directory)",
                compile.errLine());
        Files.delete(circuit);
        Files.delete(model);
    }

    /** Empty requests are errors, not vacuous successes. */
    @Test
    void verifyOnNoSamplesAndScaleOnNoLengthsAreErrors() {
        for (String[] args : new String[][] {
            {"verify", "--family", "parity", "--n", "8", "--samples", "0"},
            {"verify", "--example", "majority", "--n", "8", "--samples", "0"}
        }) {
            Cli.Result r = Cli.run(args);
            assertEquals(1, r.code(), r.out());
            assertEquals("tc0 verify: --samples must be at least 1, not 0", r.errLine());
            assertEquals("", r.out());
        }
        Cli.Result s = Cli.run("scale", "--family", "parity", "--n", ",");
        assertEquals(1, s.code(), s.out());
        assertEquals("tc0 scale: --n names no input length (give a list such as 8,16,32)", s.errLine());
        assertEquals("", s.out());
    }

    /** A model past the size limits stops with one line naming the component; the options raise the limits. */
    @Test
    void modelSizeLimitsStopWithAMessageAndCanBeRaised() throws Exception {
        Path out = dir.resolve("hist.tc0");
        Cli.Result tight =
                Cli.run("compile", "--example", "hist", "--n", "16", "--max-edges", "1000", "--out", out.toString());
        assertEquals(1, tight.code());
        assertTrue(
                tight.errLine()
                        .matches(
                                "tc0 compile: hist n=16 is too large to compile: (layer \\d .*|output|embedding): .*limit of 1000 edges.*--max-edges.*"),
                tight.errLine());
        assertFalse(Files.exists(out));
        Cli.Result gates =
                Cli.run("verify", "--example", "hist", "--n", "16", "--max-gates", "100", "--samples", "100");
        assertEquals(1, gates.code());
        assertTrue(gates.errLine().contains("limit of 100 gates"), gates.errLine());
        Cli.Result raised = Cli.run(
                "compile",
                "--example",
                "hist",
                "--n",
                "16",
                "--max-edges",
                "1M",
                "--max-gates",
                "2^20",
                "--out",
                out.toString());
        assertEquals(0, raised.code(), raised.err());
        assertTrue(Files.size(out) > 0);
        Cli.Result zero =
                Cli.run("compile", "--example", "hist", "--n", "16", "--max-edges", "0", "--out", out.toString());
        assertEquals(1, zero.code());
        assertTrue(zero.errLine().contains("--max-edges must be at least 1"), zero.errLine());
        Cli.Result family = Cli.run(
                "compile",
                "--family",
                "parity",
                "--n",
                "8",
                "--max-gates",
                "10",
                "--out",
                dir.resolve("p.tc0").toString());
        assertEquals(1, family.code());
        assertTrue(
                family.errLine().contains("--max-gates and --max-edges apply to transformer models"), family.errLine());
        // tc0 scale takes the same limits: majority at 256 is one gate of 256 edges, and building
        // it passes 4 x 100 edges (gates no output needs are dropped at the end), 16 does not
        java.util.function.Function<String, Cli.Result> scaleMajority = maxEdges -> Cli.run(
                "scale",
                "--example",
                "majority",
                "--n",
                "16,256",
                "--max-edges",
                maxEdges,
                "--samples",
                "50",
                "--patterns",
                "0");
        Cli.Result scale = scaleMajority.apply("100");
        assertEquals(0, scale.code(), scale.err());
        assertTrue(scale.out().contains("too large, not compiled: majority from n=256"), scale.out());
        assertTrue(scale.out().lines().anyMatch(l -> l.matches("tf-majority +16 .*")), scale.out());
        Cli.Result scaleRaised = scaleMajority.apply("1M");
        assertTrue(scaleRaised.out().lines().anyMatch(l -> l.matches("tf-majority +256 .*")), scaleRaised.out());
    }

    @Test
    void verifyFamilies() {
        for (String fam : FamilyCatalog.DEMO) {
            Cli.Result small = Cli.run("verify", "--family", fam, "--n", "10");
            assertEquals(0, small.code(), small.err());
            assertTrue(small.out().contains("agrees with the reference on "), small.out());
        }
        for (String fam : new String[] {"parity", "dyck1", "sort"}) {
            Cli.Result big = Cli.run("verify", "--family", fam, "--n", "24", "--samples", "2000");
            assertEquals(0, big.code(), big.err());
            assertTrue(big.out().contains("2000 random inputs"), big.out());
        }
        Cli.Result unknown = Cli.run("verify", "--family", "nonesuch", "--n", "4");
        assertEquals(1, unknown.code());
        assertTrue(unknown.errLine().contains("unknown family 'nonesuch'"), unknown.errLine());
        Cli.Result small = Cli.run("verify", "--family", "majority", "--n", "0");
        assertEquals(1, small.code());
        assertEquals("tc0 verify: majority needs n >= 1, not 0", small.errLine());
    }

    @Test
    void verifyCatchesAWrongCircuit() {
        Circuit c = FamilyCatalog.build(FamilyCatalog.get("majority"), 6);
        // a reference that differs: at least half, not more than half
        dev.tc0.compile.study.ReferenceCheck.Result r = dev.tc0.compile.study.ReferenceCheck.check(
                c,
                x -> new boolean[] {FamilyCatalog.ones(x, 6) * 2 >= 6},
                null,
                100,
                1,
                EvalCommand.options(1, dev.tc0.eval.Engine.Mode.AUTO, "scalar", 0));
        assertTrue(!r.ok() && r.mismatch().contains("output 0"), String.valueOf(r.mismatch()));
    }

    @Test
    void scaleCompilesExampleTransformers() throws Exception {
        Path csvFile = dir.resolve("models.csv");
        Cli.Result r = Cli.run(
                "scale",
                "--example",
                "majority,frac_prevs",
                "--n",
                "4,6,8",
                "--samples",
                "500",
                "--patterns",
                "4096",
                "--csv",
                csvFile.toString());
        assertEquals(0, r.code(), r.err());
        for (String row : new String[] {"tf-majority 4", "tf-majority 8", "tf-frac_prevs 6"}) {
            assertTrue(
                    r.out()
                            .lines()
                            .anyMatch(l -> l.startsWith(row.split(" ")[0] + " ")
                                    && l.split("\\s+")[1].equals(row.split(" ")[1])),
                    row + " in\n" + r.out());
        }
        assertEquals(1 + 6, Files.readAllLines(csvFile).size());
        Cli.Result both = Cli.run(
                "scale",
                "--example",
                "majority",
                "--family",
                "parity-chain",
                "--n",
                "4,8",
                "--samples",
                "100",
                "--patterns",
                "0");
        assertEquals(0, both.code(), both.err());
        assertTrue(both.out().contains("fit tf-majority") && both.out().contains("fit parity-chain"), both.out());
        // --block-sums: rows named apart, checked against the reference like the others; dyck1's
        // depth is 12 with block sums (13 without) from n = 8 on
        Cli.Result blocks = Cli.run(
                "scale", "--example", "dyck1", "--block-sums", "--n", "8,16", "--samples", "200", "--patterns", "0");
        assertEquals(0, blocks.code(), blocks.err());
        List<String> rows = blocks.out()
                .lines()
                .filter(l -> l.startsWith("tf-dyck1+blocks "))
                .toList();
        assertEquals(2, rows.size(), blocks.out());
        for (String row : rows) assertEquals("12", row.split("\\s+")[5], blocks.out());
        Cli.Result none = Cli.run("scale", "--n", "4,8");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("--family NAME,... or --example NAME,..."), none.err());
        // past 65 the family builds hist for the length; past 2049 its weights (growing as n²) stop it
        Cli.Result bad = Cli.run("scale", "--example", "hist", "--n", "3000");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("takes n from 1 to 2049"), bad.err());
    }

    @Test
    void scaleWritesTableCsvAndPlots() throws Exception {
        Path csv = dir.resolve("s.csv"), svg = dir.resolve("s.svg"), png = dir.resolve("s.png");
        Cli.Result r = Cli.run(
                "scale",
                "--family",
                "parity,sort",
                "--n",
                "4,8,16",
                "--patterns",
                "4096",
                "--csv",
                csv.toString(),
                "--plot",
                svg.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 6 + 2, r.out().strip().lines().count()); // header, rows, one fit per family
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        // parity's fit over n = 8 and 16 is the slope between them (gates: the table's fourth column)
        List<String> table = r.out().lines().toList();
        double g8 = Double.parseDouble(table.get(2).split("\\s+")[3]);
        double g16 = Double.parseDouble(table.get(3).split("\\s+")[3]);
        String slope = String.format(java.util.Locale.ROOT, "n^%.2f", Math.log(g16 / g8) / Math.log(2));
        assertTrue(
                r.out().lines().anyMatch(l -> l.startsWith("fit parity ") && l.contains("gates ~ " + slope)), r.out());
        assertTrue(lines.get(1).startsWith("parity,TC0,4,4,1,2,"), lines.get(1));
        assertEquals(
                6, dev.tc0.report.study.StudyCsv.parse(Files.readString(csv)).size());
        assertTrue(Files.readString(svg).contains("<svg"));
        assertEquals(
                0,
                Cli.run("scale", "--family", "majority", "--n", "8,16", "--plot", png.toString())
                        .code());
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertEquals(
                1,
                Cli.run(
                                "scale",
                                "--family",
                                "majority",
                                "--n",
                                "8",
                                "--plot",
                                dir.resolve("x.gif").toString())
                        .code());
    }

    @Test
    void benchExplainsHowToBuildOrPrintsTheCommand() throws Exception {
        Cli.Result missing = Cli.run("bench", "--jar", dir.resolve("none.jar").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.errLine().contains("mvn -B -ntp -pl benchmarks -am package -DskipTests"), missing.errLine());
        Path fake = dir.resolve("benchmarks.jar");
        Files.write(fake, new byte[0]);
        Cli.Result dry = Cli.run("bench", "--jar", fake.toString(), "--dry-run", "Kernel");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(
                dry.out()
                        .contains(
                                "-jvmArgsAppend --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED Kernel"),
                dry.out());
    }
}
