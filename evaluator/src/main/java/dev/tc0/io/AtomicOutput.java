package dev.tc0.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One output file, written so that a failure or a signal never leaves half of it behind and never
 * replaces what is not ours to replace (src/docs/cli.md, "How outputs are written"):
 * <ul>
 *   <li>a new path or an existing regular file is written to a temporary sibling
 *       ({@code .NAME.PID.N.tmp}) that {@link #commit} renames over it; the existing file's mode
 *       and owner carry over;</li>
 *   <li>an existing regular file with other hard links is also written to a temporary sibling, and
 *       {@link #commit} copies it into the existing inode, so every link sees the new content;</li>
 *   <li>a symbolic link is followed: its final target is written by these rules, the link stays;</li>
 *   <li>a special file (character or block device, FIFO, socket) is written through, as {@code cp}
 *       and {@code dd} do: never replaced, never truncated by a rename.</li>
 * </ul>
 * {@link #close} without {@link #commit} removes the temporary; a shutdown hook removes every open
 * one when the process is stopped (SIGTERM, SIGINT) and from then on refuses to commit, so a killed
 * run never replaces an existing output. Every error names the user's path, never the temporary.
 */
public final class AtomicOutput implements Closeable {
    /** Writes the whole content of an output. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static final Set<AtomicOutput> OPEN = ConcurrentHashMap.newKeySet();
    private static final Object COMMIT_LOCK = new Object();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::discardAll, "tc0-discard-outputs"));
    }

    private final Path target; // the user's path: every message names it
    private final Path dest; // where the bytes end up: the target or its link's final target
    private final Path tmp; // null when written through
    private final boolean copyInto; // hard-linked: copy the temporary into dest's inode at commit
    private final FileChannel channel;
    private final BufferedOutputStream stream;
    private boolean committed, closed;

    private AtomicOutput(Path target) throws IOException {
        this.target = target;
        this.dest = finalTarget(target);
        Map<String, Object> attrs = unixAttributes(dest);
        int type = attrs == null ? S_IFREG : (Integer) attrs.get("mode") & S_IFMT;
        if (attrs != null && type == S_IFDIR) throw failure("is a directory");
        boolean special = attrs != null && type != S_IFREG;
        this.copyInto = attrs != null && !special && (Integer) attrs.get("nlink") > 1;
        try {
            if (special) {
                this.tmp = null;
                this.channel = FileChannel.open(dest, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                this.tmp = dest.toAbsolutePath()
                        .resolveSibling("." + dest.getFileName() + "."
                                + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
                OPEN.add(this);
                this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                if (attrs != null && !copyInto) keepModeAndOwner(attrs);
            }
        } catch (IOException e) {
            try {
                discard();
            } catch (IOException ignored) {
                // the failure to report is the first one
            }
            throw named(e);
        }
        this.stream = new BufferedOutputStream(new NamedStream(), 1 << 16) {
            @Override
            public void close() throws IOException {
                flush();
            } // the output, not the stream, owns the file
        };
    }

    /** Opens {@code target} for writing by the rules above; the caller must {@link #close} it. */
    public static AtomicOutput open(Path target) throws IOException {
        if (stopping) throw new IOException(target + ": not written: the process is stopping");
        return new AtomicOutput(target);
    }

    /** Writes a whole output: opens {@code target}, runs {@code body}, commits; nothing is left on failure. */
    public static void write(Path target, Body body) throws IOException {
        try (AtomicOutput o = open(target)) {
            body.write(o.stream());
            o.commit();
        }
    }

    /** Writes a string as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The path the user named. */
    public Path path() {
        return target;
    }

    /**
     * False when {@code target} is (a link to) a FIFO or socket: positional writes
     * ({@link #write(ByteBuffer, long)}) need a file that can seek. Ask before {@link #open}, which
     * waits for a FIFO's reader.
     */
    public static boolean seekable(Path target) throws IOException {
        Map<String, Object> attrs = unixAttributes(finalTarget(target));
        int type = attrs == null ? S_IFREG : (Integer) attrs.get("mode") & S_IFMT;
        return type != S_IFIFO && type != S_IFSOCK;
    }

    /** A 64 KiB-buffered stream into the output; its {@code close} only flushes. Errors name {@link #path}. */
    public OutputStream stream() {
        return stream;
    }

    /** Writes all of {@code buf} at byte {@code position} (not mixed with {@link #stream}). */
    public void write(ByteBuffer buf, long position) throws IOException {
        try {
            while (buf.hasRemaining()) channel.write(buf, position + buf.position());
        } catch (IOException e) {
            throw named(e);
        }
    }

    /** Puts the complete output in place. Refused once the process is stopping. */
    public void commit() throws IOException {
        if (committed) return;
        try {
            stream.flush();
            channel.close();
        } catch (IOException e) {
            throw named(e);
        }
        if (tmp == null) {
            committed = true;
            return;
        }
        synchronized (COMMIT_LOCK) { // the shutdown hook takes it too: a commit is whole or not at all
            if (stopping) throw new IOException(target + ": not written: the process is stopping");
            try {
                if (copyInto) {
                    try (FileChannel from = FileChannel.open(tmp, StandardOpenOption.READ);
                            FileChannel to = FileChannel.open(
                                    dest, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                        long size = from.size();
                        for (long done = 0; done < size; ) done += to.transferFrom(from, done, size - done);
                    }
                    Files.delete(tmp);
                } else {
                    try {
                        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (
                            java.nio.file.AtomicMoveNotSupportedException
                                    e) { // a sibling, yet a file system without it
                        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw named(e);
            }
            committed = true;
            OPEN.remove(this);
        }
    }

    /** Without {@link #commit}: removes the temporary (an output written through keeps what was written). */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (committed) return;
        try {
            channel.close();
        } finally {
            discard();
        }
    }

    private void discard() throws IOException {
        OPEN.remove(this);
        if (tmp != null) Files.deleteIfExists(tmp);
    }

    /** At exit: no commit from now on, and no temporary left behind. */
    private static void discardAll() {
        synchronized (COMMIT_LOCK) {
            stopping = true;
            for (AtomicOutput o : OPEN) {
                try {
                    Files.deleteIfExists(o.tmp);
                } catch (IOException ignored) {
                    // best effort while the process exits
                }
            }
        }
    }

    /** Follows symbolic links (also dangling ones, whose target will be created) to the path written. */
    private static Path finalTarget(Path target) throws IOException {
        Path p = target;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new IOException(target + ": too many levels of symbolic links");
            Path link = Files.readSymbolicLink(p);
            Path dir = p.toAbsolutePath().getParent();
            p = dir == null ? link : dir.resolve(link);
        }
        return p;
    }

    private static final int S_IFMT = 0170000,
            S_IFSOCK = 0140000,
            S_IFREG = 0100000,
            S_IFDIR = 0040000,
            S_IFIFO = 0010000;

    /** mode, nlink, uid, gid of an existing file (links followed), or null when there is none. */
    private static Map<String, Object> unixAttributes(Path p) throws IOException {
        if (!Files.exists(p)) return null;
        try {
            return Files.readAttributes(p, "unix:mode,nlink,uid,gid");
        } catch (UnsupportedOperationException e) { // no unix view: tell the kinds apart the portable way
            var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            int mode = a.isDirectory() ? S_IFDIR : a.isRegularFile() ? S_IFREG : 0020000;
            return Map.of("mode", mode, "nlink", 1);
        }
    }

    /** The temporary gets the replaced file's permission bits and, where allowed, its owner. */
    private void keepModeAndOwner(Map<String, Object> attrs) throws IOException {
        Files.setAttribute(tmp, "unix:mode", (Integer) attrs.get("mode") & 07777);
        for (String id : new String[] {"uid", "gid"}) {
            Object want = attrs.get(id);
            if (want == null) continue;
            try {
                if (!want.equals(Files.getAttribute(tmp, "unix:" + id))) Files.setAttribute(tmp, "unix:" + id, want);
            } catch (IOException | UnsupportedOperationException ignored) {
                // only root may give a file away; a new owner is what a plain user's rewrite gets anyway
            }
        }
    }

    private IOException failure(String why) {
        return new IOException(target + ": " + why);
    }

    /** The same failure, said about the user's path (a temporary's name means nothing to them). */
    private IOException named(IOException e) {
        String why;
        if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof NoSuchFileException) why = "no such file or directory";
        else if (e instanceof FileAlreadyExistsException) why = "already exists";
        else if (e instanceof FileSystemException f) why = f.getReason() != null ? f.getReason() : "file system error";
        else why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        IOException n = failure(why);
        n.initCause(e);
        return n;
    }

    /** The channel as a stream whose errors (a full disk, say) name the user's path. */
    private final class NamedStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) channel.write(buf);
            } catch (IOException e) {
                throw named(e);
            }
        }
    }
}
