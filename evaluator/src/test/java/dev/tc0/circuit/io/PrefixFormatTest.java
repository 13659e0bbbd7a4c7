package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.FormatAssertions.assertRefused;
import static dev.tc0.circuit.io.FormatAssertions.parse;
import static dev.tc0.circuit.io.TestCircuits.bits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PrefixFormatTest {
    private static void assertFunction(Circuit c, int inputs, Predicate<boolean[]> f) {
        assertEquals(inputs, c.numInputs());
        assertEquals(1, c.numOutputs());
        for (int x = 0; x < 1 << inputs; x++) {
            boolean[] in = bits(x, inputs);
            assertEquals(f.test(in), c.evaluate(in)[0], "input " + x);
        }
    }

    @Test
    void readsThePapersAndOrExample() throws IOException {
        // x1 OR NOT x2 OR x3, numbered from 0 here
        Predicate<boolean[]> f = x -> x[0] || !x[1] || x[2];
        assertFunction(parse(CircuitFormat.PREFIX, "X X X NOT &1 OR & &111 &11"), 3, f);
        assertFunction(parse(CircuitFormat.PREFIX, "XXXNOT&1OR&&111&11"), 3, f);
        assertFunction(parse(CircuitFormat.PREFIX, "X X AND & &1"), 2, x -> x[0] && x[1]);
    }

    @Test
    void readsThePapersThresholdExampleInBothSpellings() throws IOException {
        Predicate<boolean[]> f = x -> x[0] || !x[1]; // theta>=1(x1, NOT x2)
        assertFunction(parse(CircuitFormat.PREFIX, "X X <= 00 &1 >= 10 & &11"), 2, f);
        assertFunction(parse(CircuitFormat.PREFIX, "X X <= 0 &1 >= 10 & &11"), 2, f);
        assertFunction(parse(CircuitFormat.PREFIX, "XX<=0&1>=10&&11\n"), 2, f);
        assertFunction(
                parse(CircuitFormat.PREFIX, "X X X >= 110 & &1 &11"),
                3,
                x -> (x[0] ? 1 : 0) + (x[1] ? 1 : 0) + (x[2] ? 1 : 0) >= 2);
        assertFunction(
                parse(CircuitFormat.PREFIX, "X X X <= 100 & &1 &11"),
                3,
                x -> (x[0] ? 1 : 0) + (x[1] ? 1 : 0) + (x[2] ? 1 : 0) <= 1);
        assertFunction(parse(CircuitFormat.PREFIX, "X X >= 11 & & <= 0 &11"), 2, x -> !x[0]); // repeated argument
    }

    @Test
    void readsSeveralOutputsAndComments() throws IOException {
        Circuit c = parse(CircuitFormat.PREFIX, "# outputs: 2\n# a comment\nX X >= 11 & &1 # AND\n>= 10 & &1\n");
        assertEquals(2, c.numOutputs());
        for (int x = 0; x < 4; x++) {
            boolean[] in = bits(x, 2);
            boolean[] out = c.evaluate(in);
            assertEquals(in[0] && in[1], out[0]);
            assertEquals(in[0] || in[1], out[1]);
        }
    }

    @Test
    void writesThePapersGrammar() throws IOException {
        CircuitBuilder b = new CircuitBuilder();
        int x1 = b.input("x1"), x2 = b.input("x2");
        b.output("y", b.or(x1, x2 ^ 1));
        String text = new String(TestCircuits.write(b.build(), CircuitFormat.PREFIX), StandardCharsets.US_ASCII);
        assertEquals("X X <= 0 &1 >= 10 & &11\n", text);
    }

    @Test
    void roundTripsRandomCircuitsOfEveryKind() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 2 + seed % 9, 30, 1 + seed % 4, true, false);
            Circuit back = TestCircuits.roundTrip(c, CircuitFormat.PREFIX);
            if (c.numInputs() <= 10) TestCircuits.assertEquivalentExhaustive(c, back);
            else TestCircuits.assertEquivalent(c, back, 16, seed);
        }
        Circuit c17 = Formats.read(TestCircuits.circuit("iscas85", "c17.bench"));
        TestCircuits.assertEquivalentExhaustive(c17, TestCircuits.roundTrip(c17, CircuitFormat.PREFIX));
        Circuit c432 = Formats.read(TestCircuits.circuit("iscas85", "c432.bench"));
        TestCircuits.assertEquivalent(c432, TestCircuits.roundTrip(c432, CircuitFormat.PREFIX), 16, 432);
    }

    @Test
    void refusesWhatItCannotWrite() {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y");
        b.output("w", b.weighted(new long[] {1L << 40, 3}, new int[] {x, y}, 5));
        Circuit heavy = b.build();
        var e = assertThrows(CircuitFormatException.class, () -> TestCircuits.write(heavy, CircuitFormat.PREFIX));
        assertTrue(
                e.getMessage().startsWith("t.prefix: cannot write the prefix format: WEIGHTED gate"), e.getMessage());
        // a chain of 50000 gates needs about 50000^2 / 2 unary pointer bytes
        CircuitBuilder chain = new CircuitBuilder();
        int a = chain.input("a"), c = chain.input("b");
        for (int i = 0; i < 50_000; i++) c = chain.and(a, c ^ (i & 1));
        chain.output("y", c);
        Circuit big = chain.build();
        var e2 = assertThrows(
                CircuitFormatException.class,
                () -> CircuitFormat.PREFIX.write(big, new ByteArrayOutputStream(), "big.prefix"));
        assertTrue(e2.getMessage().contains("would pass " + PrefixWriter.MAX_BYTES + " bytes"), e2.getMessage());
        assertThrows(
                CircuitFormatException.class,
                () -> TestCircuits.write(new CircuitBuilder().build(), CircuitFormat.PREFIX));
    }

    /**
     * A wide XOR becomes m nodes of m pointers each: 30,000 inputs would be 9 * 10^8 pointers held
     * before writing. The size limit stops the building after a few nodes, in well under a second
     * of work, instead of after 35 s and 5.7 GB.
     */
    @Test
    void aHugeXorIsRefusedBeforeItsNodesAreBuilt() {
        CircuitBuilder b = new CircuitBuilder();
        b.output("p", b.xor(b.inputs("x", 30_000)));
        Circuit wide = b.build();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        var e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20),
                () -> assertThrows(
                        CircuitFormatException.class,
                        () -> CircuitFormat.PREFIX.write(wide, new ByteArrayOutputStream(), "xor.prefix")));
        assertEquals(
                "xor.prefix: the prefix text of this circuit would pass " + PrefixWriter.MAX_BYTES
                        + " bytes (unary pointers grow with the square of the size); use .tc0 or AIGER instead",
                e.getMessage());
        // at most a few nodes of 30,000 pointers were held: far below the 3.6 GB of the whole
        long grown = rt.totalMemory() - rt.freeMemory() - before;
        assertTrue(grown < 256L << 20, "memory grew by " + grown + " bytes");
    }

    @Test
    void refusesMalformedText() {
        assertRefused(CircuitFormat.PREFIX, "X >= 1 &1", ": byte 7: ", "argument &1^1 points to node 1");
        assertRefused(CircuitFormat.PREFIX, "X X >= 11 &", ": byte 4: ", "announces 2 arguments, but 1 follow");
        assertRefused(CircuitFormat.PREFIX, "X X NOT & &1", ": byte 4: ", "NOT takes one argument, found 2");
        assertRefused(CircuitFormat.PREFIX, "X Y", ": byte 2: ", "expected a node");
        assertRefused(CircuitFormat.PREFIX, "X <", ": byte 3: ", "expected '='");
        assertRefused(
                CircuitFormat.PREFIX,
                "X >= 01 &",
                ": byte 2: ",
                "the unary threshold 1^0 0^1 announces 1 arguments, but 0 follow");
        assertRefused(CircuitFormat.PREFIX, "# outputs: 3\nX", ": ", "only 1 nodes");
        assertRefused(CircuitFormat.PREFIX, "# outputs: none\nX", ": byte 0: ", "'# outputs: K'");
        assertRefused(CircuitFormat.PREFIX, "  # nothing\n", ": ", "no nodes");
    }

    /**
     * A byte that starts no token is reported at its own offset in the file, counted in bytes:
     * after multi-byte UTF-8 characters in a comment, after CR LF and blank lines, where a node or
     * an argument was expected. The bad bytes include a NUL, a lone continuation byte, an invalid
     * lead byte and multi-byte characters.
     */
    @Test
    void aBadCharacterIsReportedAtItsByte() {
        String[] before = {
            "",
            "X ",
            "X\n",
            "# caf\u00e9 \u2603 \ud834\udd1e\nX ",
            "X X\r\n\n>= 1 ",
            "X\tNOT\t",
            "X X AND & &1 ",
            "# outputs: 1\nX <= 0 ",
            "X >= 1 &"
        };
        byte[][] bad = {
            {'Q'},
            {0},
            {(byte) 0x80},
            {(byte) 0xff},
            "\u00e9".getBytes(StandardCharsets.UTF_8),
            "\u2603".getBytes(StandardCharsets.UTF_8),
            {'-'}
        };
        for (String b : before) {
            byte[] head = b.getBytes(StandardCharsets.UTF_8);
            for (byte[] x : bad) {
                byte[] text = new byte[head.length + x.length + 2];
                System.arraycopy(head, 0, text, 0, head.length);
                System.arraycopy(x, 0, text, head.length, x.length);
                text[text.length - 2] = ' ';
                text[text.length - 1] = 'X';
                var e = assertThrows(
                        CircuitFormatException.class,
                        () -> CircuitFormat.PREFIX.read(text, "t.prefix"),
                        () -> new String(text, StandardCharsets.UTF_8));
                assertEquals(head.length, e.offset(), e.getMessage());
                assertTrue(e.getMessage().startsWith("t.prefix: byte " + head.length + ": "), e.getMessage());
            }
        }
        var e = assertThrows(
                CircuitFormatException.class,
                () -> CircuitFormat.PREFIX.read("# \u00fc\nX \u2603".getBytes(StandardCharsets.UTF_8), "t.prefix"));
        assertEquals(
                "t.prefix: byte 7: expected a node: X, >=, <=, AND, OR or NOT, found '\u2603' (U+2603)",
                e.getMessage());
    }
}
