package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.circuit.io.Formats;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs, descriptors and signals as the process meets them (src/docs/cli.md, "How outputs are
 * written"): special files written through, a full or closed standard output, a reader that goes
 * away, a closed standard input, and a kill of the ./tc0 launcher.
 */
class OutputsProcessTest {
    @TempDir
    Path dir;

    Circuit circuit;
    String rows; // the circuit's rows on every input, the reference output

    @BeforeEach
    void circuit() throws IOException {
        circuit = RandomCircuits.generate(RandomCircuits.Spec.of(6, 60, 3, 4, GateKind.values()), 11);
        Formats.write(circuit, dir.resolve("c.tc0"));
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < 64; p++) {
            boolean[] x = new boolean[6];
            for (int i = 0; i < 6; i++) x[i] = (p >>> i & 1) != 0;
            b.append(EvalCommandTest.row(circuit.evaluate(x))).append('\n');
        }
        rows = b.toString();
    }

    /** stderr without the JVM's incubator notice. */
    private List<String> errLines(Path file) throws IOException {
        return Files.readString(file)
                .lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .toList();
    }

    private Process start(ProcessBuilder pb) throws IOException {
        return pb.directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
    }

    private static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) { // never leave a run behind a failed test
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("tc0 did not finish in 60 s");
        }
        return p.exitValue();
    }

    /** {@code bash -c 'exec COMMAND REDIRECTION'}: a descriptor closed the way a shell closes it. */
    private static ProcessBuilder inBash(String redirection, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" " + redirection, "bash"));
        cmd.addAll(command);
        return new ProcessBuilder(cmd);
    }

    @Test
    void specialFilesAreWrittenThroughNeverReplaced() throws Exception {
        Path fifo = dir.resolve("rows.fifo");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is not available");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // a device node of our own (/dev/null's numbers): only root may make one
        Path device = dir.resolve("null.dev");
        boolean root = "0".equals(runOut("id", "-u")) && run("mknod", device.toString(), "c", "1", "3");
        if (!root) System.err.println("OutputsProcessTest: not root, --accepted onto a device node left out");
        List<String> args = new ArrayList<>(List.of("eval", "c.tc0", "--exhaustive", "--out", fifo.toString()));
        if (root) args.addAll(List.of("--accepted", device.toString()));
        Process p = start(new ProcessBuilder(ProcessTest.javaCommand(args.toArray(String[]::new)))
                .redirectOutput(dir.resolve("out.txt").toFile()));
        assertEquals(0, exit(p), Files.readString(dir.resolve("err.txt")));
        assertEquals(rows, read.get(20, TimeUnit.SECONDS));
        assertEquals("p", kind(fifo));
        if (root) assertEquals("c", kind(device));
    }

    @Test
    void aFullStandardOutputIsAnError() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
        Process p = start(new ProcessBuilder(ProcessTest.javaCommand("eval", "c.tc0", "--random", "1M", "--out", "-"))
                .redirectOutput(new File("/dev/full")));
        assertEquals(1, exit(p));
        assertEquals(List.of("tc0 eval: standard output: No space left on device"), errLines(dir.resolve("err.txt")));
    }

    /** {@code | head -1}: the first row arrives, then the reader goes away; 2^40 rows would take days. */
    @Test
    void aClosedPipeStopsTheWorkQuietly() throws Exception {
        Process p =
                start(new ProcessBuilder(ProcessTest.javaCommand("eval", "c.tc0", "--random", "2^40", "--out", "-")));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(3, r.readLine().length());
        }
        assertEquals(141, exit(p)); // 128 + SIGPIPE, as a shell reports seq | head
        assertEquals(List.of(), errLines(dir.resolve("err.txt")));
    }

    @Test
    void closedStandardDescriptorsAreSaidInOneLine() throws Exception {
        Process out = start(inBash(">&-", ProcessTest.javaCommand("info", "c.tc0")));
        assertEquals(1, exit(out));
        assertEquals(List.of("tc0: standard output is closed"), errLines(dir.resolve("err.txt")));

        Process in = start(inBash("<&-", ProcessTest.javaCommand("eval", "c.tc0", "--inputs", "-", "--out", "o.txt")));
        assertEquals(1, exit(in));
        assertEquals(List.of("tc0 eval: --inputs -: standard input is closed"), errLines(dir.resolve("err.txt")));
        assertFalse(Files.exists(dir.resolve("o.txt")));
    }

    /**
     * {@code kill} of the ./tc0 launcher's pid stops java too: its temporary output is removed and the
     * existing output is left as it was. The launcher runs from a copy of the repository's script
     * with a jar whose manifest points at the test class path, so it needs no build.
     */
    @Test
    void killingTheLauncherStopsJava() throws Exception {
        Path launcher = launcher();
        Files.writeString(dir.resolve("big.bin"), "keep\n");
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", launcher.toString(), "eval", "c.tc0", "--random", "2^40", "--out", "big.bin")
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = start(pb);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive() && !temporaryExists("big.bin")) Thread.sleep(20);
        assertTrue(
                p.isAlive() && temporaryExists("big.bin"),
                "the run did not start writing: " + Files.readString(dir.resolve("err.txt")));
        List<ProcessHandle> java = p.descendants()
                .filter(h -> h.info().command().orElse("").endsWith("java"))
                .toList();
        assertEquals(1, java.size(), "one java under the launcher");
        p.destroy(); // SIGTERM to the launcher alone
        assertEquals(143, exit(p));
        try {
            java.getFirst().onExit().get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            java.getFirst().destroyForcibly();
            fail("java outlived the launcher by 20 s");
        }
        assertEquals("keep\n", Files.readString(dir.resolve("big.bin")));
        assertFalse(temporaryExists("big.bin"));
    }

    /** Through the launcher, a closed stdout is java's one line, not bash's "Bad file descriptor". */
    @Test
    void theLauncherPassesAClosedStdoutOn() throws Exception {
        Path launcher = launcher();
        ProcessBuilder pb = inBash(">&-", List.of("bash", launcher.toString(), "info", "c.tc0"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        assertEquals(1, exit(start(pb)));
        assertEquals(List.of("tc0: standard output is closed"), errLines(dir.resolve("err.txt")));
    }

    private boolean temporaryExists(String name) throws IOException {
        try (var s = Files.list(dir)) {
            return s.anyMatch(x -> x.getFileName().toString().startsWith("." + name + "."));
        }
    }

    /** A copy of ./tc0 in {@code dir/root} beside a cli/target/tc0.jar that runs the test classes. */
    private Path launcher() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.isRegularFile(repo.resolve("tc0"))) repo = repo.getParent();
        assumeTrue(repo != null, "the ./tc0 script is not above " + Path.of("").toAbsolutePath());
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("cli/target"));
        Path script = Files.copy(repo.resolve("tc0"), root.resolve("tc0"));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.tc0.cli.Main");
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty())
                cp.append(cp.isEmpty() ? "" : " ")
                        .append(Path.of(e).toAbsolutePath().toUri());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString());
        try (OutputStream o = Files.newOutputStream(root.resolve("cli/target/tc0.jar"));
                JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return script;
    }

    private static boolean run(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String runOut(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        return s;
    }

    /** "c" for a character device, "p" for a FIFO, "-" for a regular file, as ls -l says. */
    private static String kind(Path p) throws IOException {
        return switch ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) {
            case 0020000 -> "c";
            case 0010000 -> "p";
            case 0100000 -> "-";
            default -> "?";
        };
    }
}
