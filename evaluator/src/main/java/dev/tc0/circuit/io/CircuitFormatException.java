package dev.tc0.circuit.io;

import java.io.IOException;

/**
 * A circuit file that cannot be read (or a circuit that a format cannot hold). It names the file
 * and, where one applies, the line (text formats) or byte offset (binary formats), and says what
 * was expected. {@link #getMessage()} is one line, e.g. {@code c17.bench:12: undefined signal 'N99'
 * in gate N22}, fit to show a user as it is: these are user mistakes, not program faults.
 */
public class CircuitFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line; // 1-based, or 0 when no line applies
    private final long offset; // 0-based byte offset, or -1 when no offset applies
    private final String detail;

    private CircuitFormatException(String file, long line, long offset, String detail) {
        super(format(file, line, offset, detail));
        this.file = file;
        this.line = line;
        this.offset = offset;
        this.detail = detail;
    }

    /** A fault on a line of a text format (lines count from 1). */
    public static CircuitFormatException atLine(String file, long line, String detail) {
        return new CircuitFormatException(file, Math.max(line, 0), -1, detail);
    }

    /** A fault at a byte offset of a binary format (offsets count from 0). */
    public static CircuitFormatException atOffset(String file, long offset, String detail) {
        return new CircuitFormatException(file, 0, offset, detail);
    }

    /** A fault of the file as a whole, or of a circuit a writer cannot express. */
    public static CircuitFormatException of(String file, String detail) {
        return new CircuitFormatException(file, 0, -1, detail);
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the fault has none. */
    public long line() {
        return line;
    }

    /** The 0-based byte offset, or -1 when the fault has none. */
    public long offset() {
        return offset;
    }

    /** What went wrong, without the location. */
    public String detail() {
        return detail;
    }

    private static String format(String file, long line, long offset, String detail) {
        StringBuilder sb = new StringBuilder(file == null ? "<circuit>" : file);
        if (line > 0) sb.append(':').append(line);
        else if (offset >= 0) sb.append(": byte ").append(offset);
        sb.append(": ").append(detail);
        // One line, always: a name from a hostile file must not break a log or a terminal.
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c < 0x20 || c == 0x7f) sb.setCharAt(i, '?');
        }
        return sb.toString();
    }

    /**
     * A name as it appears in a message: quoted, control characters replaced, and cut short when
     * long, so that garbage input gives a readable line.
     */
    static String quote(String name) {
        StringBuilder sb = new StringBuilder(Math.min(name.length(), 64) + 2).append('\'');
        int n = Math.min(name.length(), 60);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (name.length() > n) sb.append("...");
        return sb.append('\'').toString();
    }
}
