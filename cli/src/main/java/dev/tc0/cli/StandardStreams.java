package dev.tc0.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The process's standard input and output as byte streams that report failures, which
 * {@code System.out} (a {@code PrintStream}) swallows: a full disk or {@code /dev/full} gives one
 * line naming standard output, a reader that went away ({@code | head}) stops the work and the
 * process exits 141 without a word, as {@code seq} or {@code cat} killed by SIGPIPE do. Output is
 * buffered (64 KiB) instead of flushed at every line.
 */
final class StandardStreams {
    /** The exit status of a process killed by SIGPIPE (128 + 13), which is what a shell reports. */
    static final int BROKEN_PIPE = 141;

    private StandardStreams() {}

    /** The reader of standard output has gone away: stop quietly. */
    static final class BrokenPipeException extends IOException {
        BrokenPipeException(IOException cause) {
            super("standard output: broken pipe", cause);
        }
    }

    private static final Stdout STDOUT = new Stdout();
    private static final BufferedOutputStream BUFFERED = new BufferedOutputStream(STDOUT, 1 << 16) {
        @Override
        public void close() throws IOException {
            flush();
        } // never close descriptor 1
    };

    /** Standard output, buffered; every failure is an IOException naming it. */
    static BufferedOutputStream stdout() {
        return BUFFERED;
    }

    /** The first failure of standard output, or null. */
    static IOException stdoutFailure() {
        return STDOUT.failure;
    }

    /** Standard input, or a one-line error when it was closed ({@code <&-}) when the process started. */
    static InputStream stdin() {
        if (closedAtStart(0)) throw new UserException("--inputs -: standard input is closed");
        return new FileInputStream(FileDescriptor.in);
    }

    /**
     * True when descriptor {@code fd} was closed when the process started. Then it is missing, or
     * the JVM's first open file took its number: the run-time image {@code lib/modules} (or the jar),
     * which no one hands tc0 as its input or output.
     */
    static boolean closedAtStart(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) return false; // no /proc: cannot tell, trust it
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) return true;
        try {
            Path to = Files.readSymbolicLink(link);
            if (to.equals(Path.of(System.getProperty("java.home"), "lib", "modules"))) return true;
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()
                        && entry.endsWith(".jar")
                        && to.equals(Path.of(entry).toAbsolutePath())) return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Descriptor 1, failing with a message that names it; the first failure is kept for the exit status. */
    private static final class Stdout extends OutputStream {
        private final FileOutputStream fd = new FileOutputStream(FileDescriptor.out);
        private volatile IOException failure;
        private Boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) throw failure;
            if (closed == null) closed = closedAtStart(1);
            if (closed) throw fail(new IOException("standard output is closed"));
            try {
                fd.write(b, off, len);
            } catch (IOException e) {
                String m = e.getMessage() == null ? "" : e.getMessage();
                throw fail(
                        m.contains("Broken pipe")
                                ? new BrokenPipeException(e)
                                : new IOException("standard output: " + (m.isEmpty() ? "write error" : m), e));
            }
        }

        private IOException fail(IOException e) {
            failure = e;
            return e;
        }
    }
}
