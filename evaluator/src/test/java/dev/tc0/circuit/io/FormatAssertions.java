package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import java.nio.charset.StandardCharsets;

/** Reading text in a format and checking the message of a refusal. */
final class FormatAssertions {
    private FormatAssertions() {}

    static Circuit parse(CircuitFormat f, String text) throws CircuitFormatException {
        return f.read(text.getBytes(StandardCharsets.UTF_8), "t" + f.extension());
    }

    /**
     * Asserts that reading fails with a one-line message that starts with the file name and
     * location {@code where} (e.g. "t.bench:3: ") and contains every fragment.
     */
    static CircuitFormatException assertRefused(CircuitFormat f, byte[] data, String where, String... fragments) {
        CircuitFormatException e = assertThrows(CircuitFormatException.class, () -> f.read(data, "t" + f.extension()));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.startsWith("t" + f.extension() + where), "location '" + where + "' in: " + m);
        for (String s : fragments) assertTrue(m.contains(s), "'" + s + "' in: " + m);
        return e;
    }

    static CircuitFormatException assertRefused(CircuitFormat f, String text, String where, String... fragments) {
        return assertRefused(f, text.getBytes(StandardCharsets.UTF_8), where, fragments);
    }
}
