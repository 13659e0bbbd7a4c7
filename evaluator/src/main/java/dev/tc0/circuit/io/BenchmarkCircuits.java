package dev.tc0.circuit.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared benchmark circuits (ISCAS-85 and EPFL), which live beside the repository and
 * are never copied into it: the directory named by the environment variable {@code TC0_CIRCUITS},
 * otherwise the first {@code shared/circuits} found under the current directory or one of its
 * ancestors (a clone at {@code /work/main} or a worktree at {@code /work/wt-x} both find
 * {@code /work/shared/circuits}).
 */
public final class BenchmarkCircuits {
    public static final String ENV = "TC0_CIRCUITS";

    private BenchmarkCircuits() {}

    /** The circuits directory, if there is one. */
    public static Optional<Path> directory() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("circuits");
            if (Files.isDirectory(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** A file in the circuits directory, e.g. {@code file("epfl", "adder.aig")}, if it exists. */
    public static Optional<Path> file(String set, String name) {
        return directory().map(d -> d.resolve(set).resolve(name)).filter(Files::isRegularFile);
    }

    /** Why {@link #directory()} found nothing, for test-skip messages. */
    public static String whereLooked() {
        return "no benchmark circuits: set " + ENV + " or place them in shared/circuits beside the repository";
    }
}
