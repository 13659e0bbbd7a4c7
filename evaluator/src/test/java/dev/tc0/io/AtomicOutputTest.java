package dev.tc0.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output policy of src/docs/cli.md, "How outputs are written", file kind by file kind. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newAndExistingRegularFilesAreReplacedWhole() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicOutput.writeString(f, "one\n");
        assertEquals("one\n", Files.readString(f));
        AtomicOutput.writeString(f, "two\n");
        assertEquals("two\n", Files.readString(f));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void aFailureLeavesTheOldFileAndNoTemporary() throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old\n");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicOutput.write(f, out -> {
                    out.write("half of it".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IOException("the work failed");
                }));
        assertEquals("the work failed", e.getMessage());
        assertEquals("old\n", Files.readString(f));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void aSymlinkIsFollowedAndStaysALink() throws IOException {
        Path target = dir.resolve("real.txt"), link = dir.resolve("link.txt");
        Files.writeString(target, "old\n");
        Files.createSymbolicLink(link, Path.of("real.txt"));
        AtomicOutput.writeString(link, "new\n");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(target));
        Path dangling = dir.resolve("dangling.txt");
        Files.createSymbolicLink(dangling, Path.of("created.txt"));
        AtomicOutput.writeString(dangling, "made\n");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("made\n", Files.readString(dir.resolve("created.txt")));
        assertEquals(List.of("created.txt", "dangling.txt", "link.txt", "real.txt"), names());
    }

    @Test
    void theModeOfAnExistingFileIsKept() throws IOException {
        Path f = dir.resolve("secret.txt");
        Files.writeString(f, "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicOutput.writeString(f, "new\n");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        AtomicOutput.writeString(f, "newer\n");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void hardLinksKeepSharingTheContent() throws IOException {
        Path a = dir.resolve("a.txt"), b = dir.resolve("b.txt");
        Files.writeString(a, "old\n");
        Files.createLink(b, a);
        AtomicOutput.writeString(a, "new and longer\n");
        assertEquals("new and longer\n", Files.readString(b));
        assertEquals(2, (Integer) Files.getAttribute(a, "unix:nlink"));
        assertTrue(Files.isSameFile(a, b));
        assertEquals(List.of("a.txt", "b.txt"), names());
    }

    @Test
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertFalse(AtomicOutput.seekable(fifo));
        AtomicOutput.writeString(fifo, "through the pipe\n");
        assertEquals("through the pipe\n", read.get(20, TimeUnit.SECONDS));
        assertEquals("p", kind(fifo));
        assertEquals(List.of("pipe"), names());
    }

    @Test
    void aCharacterDeviceIsWrittenThroughNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "no /dev/null");
        AtomicOutput.writeString(devNull, "discarded\n");
        assertEquals("c", kind(devNull));
        assertTrue(AtomicOutput.seekable(devNull));
    }

    @Test
    void errorsNameTheUsersPathNeverTheTemporary() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.writeString(full, "x".repeat(1 << 17)));
        assertEquals("/dev/full: No space left on device", e.getMessage());

        Path notADir = dir.resolve("file.txt");
        Files.writeString(notADir, "a file\n");
        Path under = notADir.resolve("out.bin");
        e = assertThrows(IOException.class, () -> AtomicOutput.writeString(under, "x"));
        assertEquals(under + ": Not a directory", e.getMessage());

        e = assertThrows(IOException.class, () -> AtomicOutput.writeString(dir, "x"));
        assertEquals(dir + ": is a directory", e.getMessage());
        assertEquals(List.of("file.txt"), names());
    }

    static boolean mkfifo(Path p) throws InterruptedException {
        try {
            Process mk = new ProcessBuilder("mkfifo", p.toString())
                    .redirectErrorStream(true)
                    .start();
            return mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** "c" for a character device, "p" for a FIFO, "-" for a regular file, as ls -l says. */
    static String kind(Path p) throws IOException {
        int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
        return switch (type) {
            case 0020000 -> "c";
            case 0010000 -> "p";
            case 0100000 -> "-";
            default -> Integer.toOctalString(type);
        };
    }
}
