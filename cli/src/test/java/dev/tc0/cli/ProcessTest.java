package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.circuit.io.Formats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as its own process: real exit codes, stdout and stderr. */
class ProcessTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run tc0(Path cwd, String... args) throws Exception {
        return tc0(cwd, null, args);
    }

    /** The java command line that runs tc0 with these arguments, on the test class path. */
    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector",
                // As the jar's manifest does: auto may run native code on a large batch.
                "--enable-native-access=ALL-UNNAMED",
                // The test JVM's library cache, not the user's.
                "-Dtc0.cache="
                        + System.getProperty("tc0.cache", System.getProperty("java.io.tmpdir") + "/tc0-test-cache"),
                "-Dtc0.progress=false",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tc0.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Run tc0(Path cwd, Path stdin, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaCommand(args));
        if (stdin != null) pb.redirectInput(stdin.toFile());
        Process p = pb.directory(cwd.toFile())
                .redirectOutput(cwd.resolve("stdout.txt").toFile())
                .redirectError(cwd.resolve("stderr.txt").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tc0 did not finish");
        return new Run(
                p.exitValue(),
                Files.readString(cwd.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(cwd.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void evalRowsAsAProcess() throws Exception {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(6, 60, 3, 4, GateKind.values()), 11);
        Path f = dir.resolve("c.tc0");
        Formats.write(c, f);
        StringBuilder in = new StringBuilder();
        StringBuilder want = new StringBuilder();
        for (int p = 0; p < 64; p++) {
            boolean[] x = new boolean[6];
            for (int i = 0; i < 6; i++) x[i] = (p >>> i & 1) != 0;
            in.append(EvalCommandTest.row(x)).append('\n');
            want.append(EvalCommandTest.row(c.evaluate(x))).append('\n');
        }
        Files.writeString(dir.resolve("in.txt"), in);
        Run r = tc0(dir, "eval", "c.tc0", "--inputs", "in.txt", "--out", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(want.toString(), r.out());
        assertTrue(r.err().contains("gate-evals/s"), r.err());
        Run piped = tc0(dir, dir.resolve("in.txt"), "eval", "c.tc0", "--inputs", "-", "--out", "-");
        assertEquals(0, piped.code(), piped.err());
        assertEquals(want.toString(), piped.out());

        Files.writeString(dir.resolve("bad.txt"), "000000\n00000\n");
        Run bad = tc0(dir, "eval", "c.tc0", "--inputs", "bad.txt", "--out", "o.bin");
        assertEquals(1, bad.code());
        List<String> errLines = bad.err()
                .lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .toList();
        assertEquals(List.of("tc0 eval: bad.txt:2: expected 6 bits, got 5"), errLines);
        assertTrue(!Files.exists(dir.resolve("o.bin")));

        Run usage = tc0(dir, "eval", "c.tc0", "--bogus");
        assertEquals(2, usage.code());
    }

    /** SIGTERM in the middle of writing a large output: neither the file nor its temporary remains. */
    @Test
    void interruptedRunLeavesNoFile() throws Exception {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(16, 200, 1, 4, GateKind.values()), 3);
        Path f = dir.resolve("c.tc0");
        Formats.write(c, f);
        Process p = new ProcessBuilder(javaCommand("eval", "c.tc0", "--random", "2^40", "--out", "big.bin"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        // wait until the temporary output exists and has grown, then interrupt
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (var s = Files.list(dir)) {
                if (s.anyMatch(x -> x.getFileName().toString().startsWith(".big.bin.") && sizeOf(x) > 0)) break;
            }
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the run ended early: " + Files.readString(dir.resolve("log.txt")));
        p.destroy(); // SIGTERM: shutdown hooks run
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        try (var s = Files.list(dir)) {
            List<String> left = s.map(x -> x.getFileName().toString()).sorted().toList();
            assertEquals(List.of("c.tc0", "log.txt"), left);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
