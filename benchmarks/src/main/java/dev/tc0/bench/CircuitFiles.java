package dev.tc0.bench;

import dev.tc0.circuit.Circuit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real circuits of {@code ../shared/circuits} (ISCAS-85 {@code .bench}, EPFL {@code .aig}):
 * where they are and how to read them. They are never copied into the project.
 *
 * <p>The reader ({@code dev.tc0.circuit.io.Formats.read(Path)}) lives on another branch until it
 * is merged; it is reached by reflection so that this module builds either way, and every real
 * circuit benchmark and test is skipped while it is missing. Once merged, the reflective lookup
 * can become a direct call.
 */
public final class CircuitFiles {
    /** Environment variable naming the circuits directory; otherwise an ancestor's sibling {@code shared/circuits}. */
    public static final String ENV = "TC0_CIRCUITS";
    private static final String READER = "dev.tc0.circuit.io.Formats";

    /** The benchmark's circuits, file names relative to the directory. */
    public static final List<String> NAMES = List.of(
            "iscas85/c432.bench", "iscas85/c499.bench", "iscas85/c880.bench", "iscas85/c1355.bench",
            "iscas85/c1908.bench", "iscas85/c2670.bench", "iscas85/c3540.bench", "iscas85/c5315.bench",
            "iscas85/c6288.bench", "iscas85/c7552.bench",
            "epfl/adder.aig", "epfl/bar.aig", "epfl/div.aig", "epfl/hyp.aig", "epfl/log2.aig", "epfl/max.aig",
            "epfl/multiplier.aig", "epfl/sin.aig", "epfl/sqrt.aig", "epfl/square.aig");

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
        if (directory().isEmpty()) return Optional.of("no circuits directory ($" + ENV + " or an ancestor's sibling shared/circuits)");
        if (reader().isEmpty()) return Optional.of("the formats reader " + READER + " is not on the class path yet");
        return Optional.empty();
    }

    public static Path path(String name) {
        return directory().orElseThrow(() -> new IllegalStateException(unavailable().orElseThrow())).resolve(name);
    }

    public static Circuit read(String name) throws IOException {
        Method read = reader().orElseThrow(() -> new IllegalStateException(unavailable().orElseThrow()));
        try {
            return (Circuit) read.invoke(null, path(name));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException("reading " + name, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The short name the report shows: {@code c6288}, {@code multiplier}. */
    public static String shortName(String name) {
        String f = Path.of(name).getFileName().toString();
        return f.substring(0, f.lastIndexOf('.'));
    }

    private static Optional<Method> reader() {
        try {
            return Optional.of(Class.forName(READER).getMethod("read", Path.class));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * Exit status 0 when real circuits can run, for run.sh; prints the reason otherwise. With
     * {@code --directory-only} only the directory is checked (ABC needs no reader of ours).
     */
    public static void main(String[] args) {
        boolean directoryOnly = args.length > 0 && args[0].equals("--directory-only");
        Optional<String> why = directoryOnly && directory().isPresent() ? Optional.empty() : unavailable();
        why.ifPresent(System.out::println);
        System.exit(why.isPresent() ? 1 : 0);
    }
}
