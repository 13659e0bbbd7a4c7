package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running ABC and Yosys as oracles; tests skip with a message when a tool is missing. */
final class ExternalTools {
    private ExternalTools() {}

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    static void assumeOnPath(String tool) {
        assumeTrue(onPath(tool), tool + " is not on PATH: comparison skipped");
    }

    /** Runs a command in {@code dir}, fails the test on a non-zero exit or after 60 s, returns its output. */
    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("tool.log");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log);
        assertTrue(done, "timed out: " + command);
        assertEquals(0, p.exitValue(), () -> command + " failed:\n" + out);
        return out;
    }
}
