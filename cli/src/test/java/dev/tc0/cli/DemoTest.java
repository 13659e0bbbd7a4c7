package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command is {@code ./tc0 demo}: the CLI part of it is {@code tc0 demo}. It runs
 * here in-process on a small ladder so the test stays fast; the full ladder is the same code.
 */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void readmeDemoOnASmallLadder() throws Exception {
        Cli.Result r = Cli.run(
                "demo",
                "--n",
                "8,16",
                "--model-n",
                "4,6",
                "--patterns",
                "2^14",
                "--samples",
                "1000",
                "--out",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String fam : FamilyCatalog.DEMO) assertTrue(r.out().contains(fam), fam + " in\n" + r.out());
        java.util.List<String> models = java.util.List.of("majority", "dyck1", "hist", "reverse", "frac_prevs");
        for (String m : models) assertTrue(r.out().contains("tf-" + m + " "), "tf-" + m + " in\n" + r.out());
        assertTrue(r.out().contains("gate-evals/s"));
        int circuits = FamilyCatalog.DEMO.size() * 2 + models.size() * 2;
        assertTrue(r.out().contains(circuits + " of " + circuits + " circuits agree with their references"), r.out());
        assertTrue(Files.readString(dir.resolve("tc0-demo.svg")).contains("</svg>"));
        assertEquals(
                1 + circuits, Files.readAllLines(dir.resolve("tc0-demo.csv")).size());
    }

    /**
     * Every {@code ./tc0 ...} command in the README, run as written (in-process, after the
     * launcher), with a small ladder appended to {@code demo} so the test stays fast.
     */
    @Test
    void readmeCommandsAsWritten() throws Exception {
        Path readme = Path.of("..", "README.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(readme), "no README.md beside the cli module");
        // The set-up section (before "## Layout") holds the commands a new user runs first;
        // later sections show usage on files the reader supplies.
        java.util.List<String> lines = Files.readAllLines(readme);
        int end = lines.indexOf("## Layout");
        java.util.List<String> commands = lines.subList(0, end < 0 ? lines.size() : end).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("./tc0 "))
                .toList();
        assertTrue(commands.contains("./tc0 demo"), "the README runs ./tc0 demo: " + commands);
        for (String line : commands) {
            java.util.List<String> args = new java.util.ArrayList<>(
                    java.util.List.of(line.substring("./tc0 ".length()).split("\\s+")));
            if (args.getFirst().equals("demo")) {
                args.addAll(java.util.List.of(
                        "--n",
                        "8,16",
                        "--model-n",
                        "4",
                        "--patterns",
                        "2^12",
                        "--samples",
                        "500",
                        "--out",
                        dir.toString()));
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), line + "\n" + r.err());
        }
    }

    @Test
    void demoDefaultsAreTheReadmeOnes() {
        // `tc0 demo` with no options: the ladder and batch the README promises
        DemoCommand d = new DemoCommand();
        picocli.CommandLine cl = new picocli.CommandLine(d);
        cl.parseArgs();
        assertEquals(java.util.List.of(8, 16, 32, 64, 128, 256), d.ns);
        assertEquals(1L << 20, d.patterns);
    }

    @Test
    void demoKeepsWithinTheEdgeBudget() {
        Cli.Result r = Cli.run(
                "demo",
                "--families",
                "iterated-add",
                "--models",
                "none",
                "--n",
                "8,16,32",
                "--max-edges",
                "20000",
                "--patterns",
                "4096",
                "--samples",
                "200",
                "--out",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not run: iterated-add from n=32"), r.out());
        assertTrue(!r.out().contains("tf-"), r.out());
        assertTrue(r.out().contains("2 of 2 circuits agree"), r.out());
    }

    @Test
    void demoRejectsAMissingDirectory() {
        Cli.Result r = Cli.run("demo", "--n", "8", "--out", dir.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.errLine().endsWith("no such directory"), r.errLine());
    }
}
