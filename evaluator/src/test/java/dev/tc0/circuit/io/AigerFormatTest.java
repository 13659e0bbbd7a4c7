package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.FormatAssertions.assertRefused;
import static dev.tc0.circuit.io.FormatAssertions.parse;
import static dev.tc0.circuit.io.TestCircuits.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tc0.circuit.Circuit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AigerFormatTest {
    /** The AIGER documentation's half adder, with its ANDs out of order. */
    static final String HALF_ADDER = """
            aag 7 2 0 2 3
            2
            4
            6
            12
            6 13 15
            12 2 4
            14 3 5
            i0 x
            i1 y
            o0 s
            o1 c
            c
            half adder
            """;

    static byte[] binaryHalfAdder() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("aig 5 2 0 2 3\n10\n6\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {2, 2, 3, 2, 1, 2}); // 6 = 4 & 2, 8 = 5 & 3, 10 = 9 & 7
        b.writeBytes("i0 x\ni1 y\no0 s\no1 c\nc\ncomment\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    static void assertHalfAdder(Circuit c) {
        assertEquals(List.of("x", "y"), c.inputNames());
        assertEquals(List.of("s", "c"), c.outputNames());
        for (int x = 0; x < 4; x++) {
            boolean a = (x & 1) != 0, b = (x & 2) != 0;
            assertArrayEquals(new boolean[] {a ^ b, a & b}, c.evaluate(bits(x, 2)), "input " + x);
        }
    }

    @Test
    void readsTheAsciiHalfAdderWithAndsOutOfOrder() throws IOException {
        assertHalfAdder(parse(CircuitFormat.AAG, HALF_ADDER));
    }

    @Test
    void readsTheBinaryHalfAdder() throws IOException {
        assertHalfAdder(CircuitFormat.AIG.read(binaryHalfAdder(), "t.aig"));
    }

    @Test
    void readsConstantsInputOutputsAndUnnamedSignals() throws IOException {
        Circuit c = parse(CircuitFormat.AAG, "aag 1 1 0 4 0\n2\n0\n1\n2\n3\n");
        assertEquals(List.of("x0"), c.inputNames());
        assertArrayEquals(new boolean[] {false, true, true, false}, c.evaluate(new boolean[] {true}));
        assertArrayEquals(new boolean[] {false, true, false, true}, c.evaluate(new boolean[] {false}));
        // the 1.9 header with B C J F all zero, and an empty circuit
        assertEquals(0, parse(CircuitFormat.AAG, "aag 0 0 0 0 0 0 0 0 0\n").numInputs());
        assertEquals(1, parse(CircuitFormat.AIG, "aig 0 0 0 1 0\n1\n").numOutputs());
    }

    @Test
    void roundTripsRandomCircuitsOfEveryKind() throws IOException {
        for (int seed = 0; seed < 30; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 2 + seed % 9, 40, 6, true, seed % 3 == 0);
            for (CircuitFormat f : List.of(CircuitFormat.AAG, CircuitFormat.AIG)) {
                Circuit back = TestCircuits.roundTrip(c, f);
                assertEquals(c.inputNames(), back.inputNames());
                assertEquals(c.outputNames(), back.outputNames());
                if (c.numInputs() <= 10) TestCircuits.assertEquivalentExhaustive(c, back);
                else TestCircuits.assertEquivalent(c, back, 16, seed);
                // a second trip changes nothing: the AIG is already two-input ANDs
                assertArrayEquals(
                        TestCircuits.write(back, f),
                        TestCircuits.write(TestCircuits.roundTrip(back, f), f),
                        f + " seed " + seed);
            }
        }
    }

    @Test
    void roundTripsARealCircuit() throws IOException {
        Circuit c = Formats.read(TestCircuits.circuit("epfl", "multiplier.aig"));
        for (CircuitFormat f : List.of(CircuitFormat.AAG, CircuitFormat.AIG)) {
            Circuit back = TestCircuits.roundTrip(c, f);
            assertEquals(c.numGates(), back.numGates());
            TestCircuits.assertEquivalent(c, back, 8, 7);
        }
        // the binary writer reproduces ABC's file up to the comment section
        byte[] original = Formats.readBytes(TestCircuits.circuit("epfl", "adder.aig"));
        byte[] ours = TestCircuits.write(Formats.read(TestCircuits.circuit("epfl", "adder.aig")), CircuitFormat.AIG);
        int cut = indexOf(original, "\nc\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(Arrays.copyOf(original, cut + 1), Arrays.copyOf(ours, cut + 1));
    }

    private static int indexOf(byte[] d, byte[] s) {
        outer:
        for (int i = 0; i + s.length <= d.length; i++) {
            for (int j = 0; j < s.length; j++) if (d[i + j] != s[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void refusesSequentialAndPropertyParts() {
        assertRefused(
                CircuitFormat.AAG, "aag 3 1 1 1 1\n2\n4 6\n6\n6 2 4\n", ":1: ", "latches are not supported", "L = 1");
        assertRefused(
                CircuitFormat.AAG, "aag 1 1 0 0 0 1\n2\n2\n", ":1: ", "bad-state properties (B = 1) are not supported");
        assertRefused(CircuitFormat.AIG, "aig 1 1 0 0 0 0 0 1\n", ":1: ", "justice properties (J = 1)");
        assertRefused(CircuitFormat.AIG, "aig 1 1 0 0 0 0 0 0 2\n", ":1: ", "fairness constraints (F = 2)");
    }

    @Test
    void refusesAbsurdHeadersAtOnce() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertRefused(CircuitFormat.AIG, "aig 2147483648 1 0 0 0\n", ":1: ", "too large");
            assertRefused(CircuitFormat.AIG, "aig 2147483647 2147483647 0 0 0\n", ":1: ", "exceeds tc0's limit");
            assertRefused(CircuitFormat.AIG, "aig 500000000 500000000 0 0 0\n", ":1: ", "implausible");
            assertRefused(CircuitFormat.AIG, "aig 500000 0 0 0 500000\n", ":1: ", "only 1 remain");
            assertRefused(
                    CircuitFormat.AAG, "aag 300000000 100000000 0 100000000 100000000\n2\n", ":1: ", "lines of inputs");
            assertRefused(CircuitFormat.AIG, "aig 5 2 0 2 2\n", ":1: ", "M = I + L + A");
            assertRefused(CircuitFormat.AAG, "aag 2 2 0 0 1\n", ":1: ", "exceeds M");
        });
    }

    @Test
    void refusesBadLiteralsAndStructure() {
        assertRefused(
                CircuitFormat.AAG,
                "aag 3 2 0 1 1\n2\n4\n6\n6 2 8\n",
                ":5: ",
                "literal 8 exceeds the largest literal 7");
        assertRefused(
                CircuitFormat.AAG,
                "aag 4 2 0 1 1\n2\n4\n6\n6 2 8\n",
                ":5: ",
                "variable 4 is neither an input nor an AND");
        assertRefused(CircuitFormat.AAG, "aag 4 2 0 1 2\n2\n4\n6\n6 8 2\n8 6 4\n", ":5: ", "cycle through AND gate 6");
        assertRefused(
                CircuitFormat.AAG, "aag 3 2 0 0 1\n2\n2\n6 2 4\n", ":3: ", "variable 1 (literal 2) is defined twice");
        assertRefused(CircuitFormat.AAG, "aag 3 2 0 0 1\n2\n5\n6 2 4\n", ":3: ", "must be even");
        assertRefused(CircuitFormat.AAG, "aag 3 2 0 1 0\n2\n4\n8\n", ":4: ", "literal 8 exceeds");
        assertRefused(CircuitFormat.AAG, "aag 3 2 0 1 0\n2\n4\n6\n", ":4: ", "output 0 is literal 6");
        assertRefused(
                CircuitFormat.AAG, "aag 1 1 0 0 0\n2\ni1 x\n", ":3: ", "symbol for input 1, but the file has 1 input");
        assertRefused(CircuitFormat.AAG, "aag 1 1 0 0 0\n2\nl0 x\n", ":3: ", "symbol for latch 0");
        assertRefused(CircuitFormat.AAG, "aag 1 1 0 0 0\n2\nx\n", ":3: ", "expected a symbol table entry");
        assertRefused(CircuitFormat.AAG, "aag 1 1 0 0 0\n2\ni0 a\ni0 b\n", ":4: ", "named twice");
        assertRefused(CircuitFormat.AAG, "aag 1 1 0 0 0\n2 3\n", ":2: ", "expected the end of the line");
        assertRefused(CircuitFormat.AAG, "aag 1 1 0\n", ":1: ", "five counts");
        assertRefused(CircuitFormat.AAG, "hello\n", ":1: ", "expected the AIGER header");
    }

    @Test
    void refusesBrokenBinaryAnds() {
        byte[] good = binaryHalfAdder();
        int ands = "aig 5 2 0 2 3\n10\n6\n".length();
        // truncated inside the AND deltas (the header's size check passes: 6 bytes needed, 6 remain... minus symbols)
        assertRefused(CircuitFormat.AIG, Arrays.copyOf(good, ands + 5), ":", "");
        byte[] zeroDelta = good.clone();
        zeroDelta[ands] = 0;
        assertRefused(CircuitFormat.AIG, zeroDelta, ": byte " + ands + ": ", "lhs > rhs0 >= rhs1");
        byte[] underflow = good.clone();
        underflow[ands + 1] = 9; // rhs1 = 4 - 9 < 0
        assertRefused(CircuitFormat.AIG, underflow, ": byte " + ands + ": ", "rhs1 >= 0");
        byte[] longDelta = good.clone();
        for (int i = 0; i < 6; i++) longDelta[ands + i] = (byte) 0x80;
        assertRefused(CircuitFormat.AIG, longDelta, ": byte ", "longer than 5 bytes");
    }
}
