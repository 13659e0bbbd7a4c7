package dev.tc0.eval.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles C source (one or more translation units) into a shared library with the machine's C
 * compiler, and keeps the library in a cache directory named by a hash of the source, the
 * compiler command and the machine, so a
 * circuit is compiled once per machine: {@code -Dtc0.cache}, else {@code $TC0_CACHE}, else {@code $XDG_CACHE_HOME/tc0},
 * else {@code ~/.cache/tc0}, under {@code native/}. The compiler is {@code -Dtc0.native.cc}, else
 * {@code $CC}, else {@code cc}; it is run with {@code -O2 -march=native}, since the library runs
 * where it is built. A library is written under a temporary name and renamed, so a compile that
 * fails or is cut off leaves nothing a later run would load.
 */
final class NativeCompiler {
    /** Flags after the compiler's name; {@code -Dtc0.native.flags} replaces them, for measurements. */
    static final List<String> FLAGS = List.of(
            System.getProperty("tc0.native.flags", "-O2 -march=native").trim().split("\\s+"));

    private NativeCompiler() {}

    /** The compiler command's first word. */
    static String compiler() {
        String cc = System.getProperty("tc0.native.cc");
        if (cc == null || cc.isBlank()) cc = System.getenv("CC");
        return cc == null || cc.isBlank() ? "cc" : cc.trim();
    }

    /** The cache directory for libraries. */
    static Path cacheDir() {
        String base = System.getProperty("tc0.cache", System.getenv("TC0_CACHE"));
        if (base == null || base.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            base = xdg != null && !xdg.isBlank()
                    ? Path.of(xdg, "tc0").toString()
                    : Path.of(System.getProperty("user.home"), ".cache", "tc0").toString();
        }
        return Path.of(base, "native");
    }

    /** Where the library for {@code units} is, or will be once compiled. */
    static Path libraryPath(List<String> units) {
        return cacheDir().resolve("tc0-" + hash(units, command()) + ".so");
    }

    private static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(compiler());
        command.addAll(FLAGS);
        return command;
    }

    /** Compilers run at once: one per core. */
    static int jobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Compiles the translation units {@code units} into the library {@code lib} ({@link
     * #libraryPath} of them): each unit to an object file, as many at once as the machine has
     * cores, then one link. Everything but the library lives in a temporary directory beside it.
     */
    static void compile(List<String> units, Path lib) {
        Path dir = lib.getParent();
        Path work = null;
        Builds builds = new Builds();
        // A run stopped by a signal runs no finally blocks, but its shutdown runs this.
        Thread stop = new Thread(builds::stopAll, "tc0-cc-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            Files.createDirectories(dir);
            work = Files.createTempDirectory(dir, "tc0-build-");
            builds.work = work;
            List<String> objects = new ArrayList<>();
            int parallel = jobs();
            for (int u = 0; u < units.size(); u++) {
                Path src = work.resolve("u" + u + ".c");
                Path obj = work.resolve("u" + u + ".o");
                Files.writeString(src, units.get(u), StandardCharsets.UTF_8);
                List<String> command = command();
                command.addAll(List.of("-fPIC", "-c", "-o", obj.toString(), src.toString()));
                if (builds.running() >= parallel) builds.awaitOldest();
                builds.start(command, work.resolve("u" + u + ".log"));
                objects.add(obj.toString());
            }
            while (builds.running() > 0) builds.awaitOldest();
            Path tmp = work.resolve("lib.so");
            List<String> link = command();
            link.addAll(List.of("-shared", "-o", tmp.toString()));
            link.addAll(objects);
            builds.start(link, work.resolve("link.log"));
            builds.awaitOldest();
            try {
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "native kernels: cannot use the cache directory " + dir + ": " + e.getMessage(), e);
        } finally {
            builds.stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        }
    }

    /** The compiler processes of one build, oldest first, and its temporary directory. */
    private static final class Builds {
        private final ArrayDeque<Build> running = new ArrayDeque<>();
        private volatile Path work;
        /** Set by {@link #stopAll}: a shutdown's stop must not be followed by another compiler. */
        private boolean stopped;

        private record Build(Process process, List<String> command, Path log) {}

        synchronized int running() {
            return running.size();
        }

        synchronized void start(List<String> command, Path log) {
            if (stopped) throw new NativeCodeException("native kernels: the compile was stopped");
            try {
                Process p = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                running.add(new Build(p, command, log));
            } catch (IOException e) {
                throw new NativeCodeException("native kernels need a C compiler: cannot run '" + command.get(0)
                        + "' (install gcc, or set CC or -Dtc0.native.cc)");
            }
        }

        /** Waits for the oldest compiler; its own messages go into the exception when it fails. */
        void awaitOldest() {
            Build b;
            synchronized (this) {
                b = running.peekFirst();
            }
            Process p = b.process();
            try {
                if (!p.waitFor(1, TimeUnit.HOURS))
                    throw new NativeCodeException("native kernels: the C compiler ran for an hour");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NativeCodeException("native kernels: interrupted while compiling");
            }
            synchronized (this) {
                running.pollFirst();
            }
            if (p.exitValue() != 0) {
                String text;
                try {
                    text = Files.readString(b.log(), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    text = "(no messages: " + e.getMessage() + ")";
                }
                // The compiler's first message on the line, the rest after it (shown with --verbose).
                if (text.length() > 4000) text = text.substring(0, 4000) + " ...";
                throw new NativeCodeException("native kernels: '" + String.join(" ", b.command()) + "' failed (exit "
                        + p.exitValue() + "): " + text);
            }
        }

        /**
         * Stops every compiler driver and what it started (cc1, as, ld): stopped by Ctrl-C or a
         * kill, or failed, the JVM takes them down with it, so nothing writes into the temporary
         * directory after it is removed. Then removes the directory.
         */
        synchronized void stopAll() {
            stopped = true;
            for (Build b : running) {
                b.process().descendants().forEach(ProcessHandle::destroyForcibly);
                b.process().destroyForcibly();
            }
            for (Build b : running) {
                try {
                    b.process().waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            running.clear();
            Path w = work;
            if (w != null) deleteTree(w);
            work = null;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // best effort: a temporary directory left in the cache is never loaded
        }
    }

    /** Names a library by what it is built from: the source, the command and the machine. */
    private static String hash(List<String> units, List<String> command) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String unit : units) {
                d.update(unit.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            d.update(String.join("\0", command).getBytes(StandardCharsets.UTF_8));
            d.update(MACHINE.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The architecture and, on Linux, the CPU model: {@code -march=native} code runs on that CPU. */
    private static final String MACHINE = machine();

    private static String machine() {
        String cpu = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the architecture alone
        }
        return System.getProperty("os.arch") + "\0" + cpu;
    }
}
