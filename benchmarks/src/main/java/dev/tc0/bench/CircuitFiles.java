package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.Formats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real circuits of {@code ../shared/circuits} (ISCAS-85 {@code .bench}, EPFL {@code .aig}):
 * where they are and how to read them ({@link Formats#read}). They are never copied into the
 * project; every real-circuit benchmark and test is skipped when the directory is absent.
 */
public final class CircuitFiles {
    /** Environment variable naming the circuits directory; otherwise an ancestor's sibling {@code shared/circuits}. */
    public static final String ENV = "TC0_CIRCUITS";

    /** The benchmark's circuits, file names relative to the directory. */
    public static final List<String> NAMES = List.of(
            "iscas85/c432.bench",
            "iscas85/c499.bench",
            "iscas85/c880.bench",
            "iscas85/c1355.bench",
            "iscas85/c1908.bench",
            "iscas85/c2670.bench",
            "iscas85/c3540.bench",
            "iscas85/c5315.bench",
            "iscas85/c6288.bench",
            "iscas85/c7552.bench",
            "epfl/adder.aig",
            "epfl/bar.aig",
            "epfl/div.aig",
            "epfl/hyp.aig",
            "epfl/log2.aig",
            "epfl/max.aig",
            "epfl/multiplier.aig",
            "epfl/sin.aig",
            "epfl/sqrt.aig",
            "epfl/square.aig");

    private CircuitFiles() {}

    /** The circuits directory, if it exists. */
    public static Optional<Path> directory() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path sibling = d.resolveSibling("shared").resolve("circuits");
            if (d.getParent() != null && Files.isDirectory(sibling)) return Optional.of(sibling);
        }
        return Optional.empty();
    }

    /** Why real circuits cannot run here, or empty when they can. */
    public static Optional<String> unavailable() {
        if (directory().isEmpty())
            return Optional.of("no circuits directory ($" + ENV + " or an ancestor's sibling shared/circuits)");
        return Optional.empty();
    }

    public static Path path(String name) {
        return directory()
                .orElseThrow(() -> new IllegalStateException(unavailable().orElseThrow()))
                .resolve(name);
    }

    public static Circuit read(String name) throws IOException {
        return Formats.read(path(name));
    }

    /** The short name the report shows: {@code c6288}, {@code multiplier}. */
    public static String shortName(String name) {
        String f = Path.of(name).getFileName().toString();
        return f.substring(0, f.lastIndexOf('.'));
    }

    /** Exit status 0 when real circuits can run, for run.sh; prints the reason otherwise. */
    public static void main(String[] args) {
        Optional<String> why = unavailable();
        why.ifPresent(System.out::println);
        System.exit(why.isPresent() ? 1 : 0);
    }
}
