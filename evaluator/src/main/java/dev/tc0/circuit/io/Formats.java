package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reading and writing circuit files by name. The format comes from the file's magic bytes where it
 * has them ({@code aig }, {@code aag }, tc0's), otherwise from its extension. Writers write to a
 * temporary file beside the target and rename it into place, so a failed write leaves no partial
 * file behind and readers never see one.
 */
public final class Formats {
    /** Files larger than this cannot be held in one array. */
    static final long MAX_FILE = Integer.MAX_VALUE - 16;

    private Formats() {}

    /** The format named by a file's extension (case does not matter). */
    public static Optional<CircuitFormat> byExtension(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (CircuitFormat f : CircuitFormat.values()) if (name.endsWith(f.extension())) return Optional.of(f);
        return Optional.empty();
    }

    /** The format announced by a file's first bytes, for the formats that have magic bytes. */
    public static Optional<CircuitFormat> byMagic(byte[] head) {
        if (Tc0Binary.hasMagic(head)) return Optional.of(CircuitFormat.TC0);
        if (startsWith(head, "aig ")) return Optional.of(CircuitFormat.AIG);
        if (startsWith(head, "aag ")) return Optional.of(CircuitFormat.AAG);
        return Optional.empty();
    }

    /** Reads a circuit file in the format its magic bytes or extension name. */
    public static Circuit read(Path file) throws IOException {
        byte[] data = readBytes(file);
        Optional<CircuitFormat> f = byMagic(data).or(() -> byExtension(file));
        if (f.isEmpty()) throw unknown(file);
        return f.get().read(data, file.toString());
    }

    /** Reads a circuit file in a given format. */
    public static Circuit read(Path file, CircuitFormat format) throws IOException {
        return format.read(readBytes(file), file.toString());
    }

    /** Writes a circuit in the format its extension names. */
    public static void write(Circuit c, Path file) throws IOException {
        CircuitFormat f = byExtension(file).orElseThrow(() -> unknown(file));
        write(c, file, f);
    }

    /** Writes a circuit in a given format as one {@link AtomicOutput}: complete or not at all. */
    public static void write(Circuit c, Path file, CircuitFormat format) throws IOException {
        AtomicOutput.write(file, out -> format.write(c, out, file.toString()));
    }

    /**
     * A whole file's bytes, refusing what is not a regular file (after links) and files too large
     * for one array, with a clear message. A device such as /dev/zero or a FIFO has no size to
     * check and may never end, so it is refused before any byte is read; the read itself stops at
     * the size checked, should the file grow meanwhile.
     */
    static byte[] readBytes(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // follows links
        if (!a.isRegularFile()) {
            throw CircuitFormatException.of(
                    file.toString(),
                    "not a regular file (" + (a.isDirectory() ? "a directory" : "a device, FIFO or socket")
                            + "); tc0 reads circuits from regular files only");
        }
        long size = a.size();
        if (size > MAX_FILE) {
            throw CircuitFormatException.of(
                    file.toString(), "file of " + size + " bytes is larger than tc0 reads (2 GiB)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) size);
        }
    }

    private static CircuitFormatException unknown(Path file) {
        String exts = Arrays.stream(CircuitFormat.values())
                .map(CircuitFormat::extension)
                .collect(Collectors.joining(" "));
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return CircuitFormatException.of(
                file.toString(),
                "unknown circuit format "
                        + (dot >= 0 ? CircuitFormatException.quote(name.substring(dot)) : "(no extension)")
                        + ": expected one of " + exts);
    }

    private static boolean startsWith(byte[] d, String s) {
        if (d.length < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (d[i] != s.charAt(i)) return false;
        return true;
    }
}
