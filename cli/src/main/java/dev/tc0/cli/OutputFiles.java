package dev.tc0.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Output files are written under a temporary sibling name and renamed when complete (see
 * {@code PlaneFiles.tempSibling}: {@code .NAME.PID.*}). A sink's {@code close} removes its temporary
 * file on an exception; this shutdown hook removes them when the process is interrupted (Ctrl-C,
 * SIGTERM), where no {@code finally} block runs. So an interrupted run leaves no partial file.
 */
final class OutputFiles {
    private static final Set<Path> TARGETS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private OutputFiles() {}

    static void register(Path target) {
        TARGETS.add(target.toAbsolutePath());
        if (!hooked) {
            synchronized (OutputFiles.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(OutputFiles::cleanUp, "tc0-cleanup"));
                    hooked = true;
                }
            }
        }
    }

    /** A temporary name beside {@code target}, removed at exit unless renamed. */
    static Path temp(Path target) {
        register(target);
        return dev.tc0.eval.PlaneFiles.tempSibling(target);
    }

    /** Deletes this process's leftover temporary siblings of every registered target, at exit. */
    static void cleanUp() {
        long pid = ProcessHandle.current().pid();
        for (Path t : TARGETS) {
            Path dir = t.getParent();
            if (dir == null || !Files.isDirectory(dir)) continue;
            String prefix = "." + t.getFileName() + "." + pid + ".";
            try {
                Files.deleteIfExists(t.resolveSibling(t.getFileName() + ".tmp"));   // the study writers' temporary
            } catch (IOException ignored) {
                // best effort at exit
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".tmp");
            })) {
                for (Path p : ds) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort at exit
            }
        }
    }
}
