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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles C source into a shared library with the machine's C compiler, and keeps the library in
 * a cache directory named by a hash of the source, the compiler command and the machine, so a
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

    /** Where the library for {@code source} is, or will be once compiled. */
    static Path libraryPath(String source) {
        return cacheDir().resolve("tc0-" + hash(source, command()) + ".so");
    }

    private static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(compiler());
        command.addAll(FLAGS);
        return command;
    }

    /** Compiles {@code source} into the library {@code lib} ({@link #libraryPath} of it). */
    static void compile(String source, Path lib) {
        List<String> command = command();
        Path dir = lib.getParent();
        try {
            Files.createDirectories(dir);
            Path src = Files.createTempFile(dir, "tc0-", ".c");
            Path tmp = Files.createTempFile(dir, "tc0-", ".so.tmp");
            // A run stopped by a signal runs no finally blocks, but its shutdown does this.
            src.toFile().deleteOnExit();
            tmp.toFile().deleteOnExit();
            try {
                Files.writeString(src, source, StandardCharsets.UTF_8);
                command.addAll(List.of("-shared", "-fPIC", "-o", tmp.toString(), src.toString()));
                run(command);
                try {
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(src);
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "native kernels: cannot use the cache directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Runs the compiler; its own messages go into the exception when it fails. */
    private static void run(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new NativeCodeException("native kernels need a C compiler: cannot run '" + command.get(0)
                    + "' (install gcc, or set CC or -Dtc0.native.cc)");
        }
        // Stopped (Ctrl-C, kill), the JVM takes the compiler down with it: no linker left to
        // write the temporary library after the shutdown removed it.
        Thread stop = new Thread(() -> stop(p), "tc0-cc-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        byte[] log;
        try (var in = p.getInputStream()) {
            log = in.readAllBytes();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        }
        try {
            if (!p.waitFor(1, TimeUnit.HOURS)) {
                stop(p);
                throw new NativeCodeException("native kernels: the C compiler ran for an hour");
            }
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new NativeCodeException("native kernels: interrupted while compiling");
        }
        if (p.exitValue() != 0) {
            // The compiler's first message on the line, the rest after it (shown with --verbose).
            String text = new String(log, StandardCharsets.UTF_8).strip();
            if (text.length() > 4000) text = text.substring(0, 4000) + " ...";
            throw new NativeCodeException(
                    "native kernels: '" + String.join(" ", command) + "' failed (exit " + p.exitValue() + "): " + text);
        }
    }

    /** Stops the compiler driver and what it started (cc1, as, ld). */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Names a library by what it is built from: the source, the command and the machine. */
    private static String hash(String source, List<String> command) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(source.getBytes(StandardCharsets.UTF_8));
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
