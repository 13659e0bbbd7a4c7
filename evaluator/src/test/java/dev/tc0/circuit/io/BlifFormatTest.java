package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.FormatAssertions.assertRefused;
import static dev.tc0.circuit.io.FormatAssertions.parse;
import static dev.tc0.circuit.io.TestCircuits.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.circuit.Circuit;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlifFormatTest {
    /**
     * Covers of every shape, signals used before their definition, comments and continuations:
     * maj = majority(a, b, c) as a three-cube on-set; nand = off-set cube; mux = on-set with don't
     * cares; xnor3 = four-cube on-set; one/zero constants; buf of an input.
     */
    static final String SAMPLE = """
            # a sample with every feature
            .model sample   # trailing comment
            .inputs a b \\
               c
            .outputs maj nand mux xnor3 one zero buf a
            .names mux_n nand_n mux   # mux reads signals defined below
            1- 1
            -1 1
            .names a b c maj
            11- 1
            1-1 1
            -11 1
            .names a b nand
            11 0
            .names a c mux_n
            1- 1
            .names a c nand_n
            01 1
            .names a b c xnor3
            000 1
            011 1
            101 1
            110 1
            .names one
            1
            .names zero
            .names b buf
            1 1
            .end
            """;

    static boolean[] expected(boolean a, boolean b, boolean c) {
        boolean maj = (a && b) || (a && c) || (b && c);
        boolean mux = a || (!a && c);
        boolean xnor3 = !(a ^ b ^ c);
        return new boolean[] {maj, !(a && b), mux, xnor3, true, false, b, a};
    }

    @Test
    void readsEveryKindOfCover() throws IOException {
        Circuit c = parse(CircuitFormat.BLIF, SAMPLE);
        assertEquals(List.of("a", "b", "c"), c.inputNames());
        assertEquals(List.of("maj", "nand", "mux", "xnor3", "one", "zero", "buf", "a"), c.outputNames());
        for (int x = 0; x < 8; x++) {
            boolean[] in = bits(x, 3);
            assertArrayEquals(expected(in[0], in[1], in[2]), c.evaluate(in), "input " + x);
        }
    }

    @Test
    void readsCrLfContinuationsWithoutEndAndConstantZeroRow() throws IOException {
        Circuit c = parse(
                CircuitFormat.BLIF,
                ".model m\r\n.inputs x\\\r\n y\r\n.outputs z k\r\n.names x y z\r\n0- 0\r\n-0 0\r\n.names k\r\n0\r\n");
        for (int x = 0; x < 4; x++) {
            boolean[] in = bits(x, 2);
            assertArrayEquals(new boolean[] {in[0] && in[1], false}, c.evaluate(in));
        }
    }

    @Test
    void roundTripsRandomCircuitsOfEveryKind() throws IOException {
        for (int seed = 0; seed < 30; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 2 + seed % 9, 40, 6, true, seed % 3 == 0);
            Circuit back = TestCircuits.roundTrip(c, CircuitFormat.BLIF);
            assertEquals(c.inputNames(), back.inputNames());
            assertEquals(c.outputNames(), back.outputNames());
            if (c.numInputs() <= 10) TestCircuits.assertEquivalentExhaustive(c, back);
            else TestCircuits.assertEquivalent(c, back, 16, seed);
        }
    }

    @Test
    void roundTripsTheSampleAndRealCircuits() throws IOException {
        Circuit s = parse(CircuitFormat.BLIF, SAMPLE);
        Circuit back = TestCircuits.roundTrip(s, CircuitFormat.BLIF);
        assertEquals(s.outputNames(), back.outputNames());
        TestCircuits.assertEquivalentExhaustive(s, back);
        Circuit c = Formats.read(TestCircuits.circuit("epfl", "max.blif"));
        TestCircuits.assertEquivalent(c, TestCircuits.roundTrip(c, CircuitFormat.BLIF), 8, 3);
    }

    @Test
    void writesAwkwardNamesLegibly() throws IOException {
        var b = new dev.tc0.circuit.CircuitBuilder();
        int x = b.input("has space"), y = b.input(".dot"), z = b.input("n5");
        int g = b.and(x, y ^ 1, z);
        b.output("#hash", g);
        b.output("has space", x); // an output that is an input, under the input's name
        b.output("out", g ^ 1);
        b.output("out", g ^ 1); // the same output twice
        Circuit c = b.build();
        Circuit back = TestCircuits.roundTrip(c, CircuitFormat.BLIF);
        assertEquals(List.of("has_space", "_.dot", "n5"), back.inputNames());
        assertEquals(List.of("_hash", "has_space", "out", "out"), back.outputNames());
        TestCircuits.assertEquivalentExhaustive(c, back);
    }

    @Test
    void refusesWhatItDoesNotSupport() {
        assertRefused(
                CircuitFormat.BLIF,
                ".model m\n.inputs a\n.outputs q\n.latch a q 0\n.end\n",
                ":4: ",
                "'.latch' is not supported");
        assertRefused(CircuitFormat.BLIF, ".model m\n.subckt s a=b\n", ":2: ", "'.subckt' is not supported");
        assertRefused(CircuitFormat.BLIF, ".model m\n.gate nand2 A=a\n", ":2: ", "'.gate' is not supported");
        assertRefused(CircuitFormat.BLIF, ".model m\n.frobnicate\n", ":2: ", "unknown BLIF command '.frobnicate'");
        assertRefused(CircuitFormat.BLIF, ".model m\n.model n\n", ":2: ", "one model");
    }

    @Test
    void refusesBrokenNetlists() {
        assertRefused(
                CircuitFormat.BLIF,
                ".inputs a\n.outputs y\n.names a z y\n11 1\n",
                ":3: ",
                "undefined signal 'z' in .names y");
        assertRefused(CircuitFormat.BLIF, ".inputs a\n.outputs y\n", ":2: ", "output 'y' is never defined");
        assertRefused(
                CircuitFormat.BLIF,
                ".inputs a\n.outputs y\n.names a y\n1 1\n.names a y\n0 1\n",
                ":5: ",
                "signal 'y' defined twice (first at line 3)");
        assertRefused(CircuitFormat.BLIF, ".inputs a\n.outputs y\n.names a\n1 1\n", ":3: ", "'a' is an input");
        assertRefused(CircuitFormat.BLIF, ".inputs a a\n", ":1: ", "input 'a' declared twice");
        assertRefused(
                CircuitFormat.BLIF,
                ".inputs a\n.outputs y\n.names a z y\n11 1\n.names y a z\n11 1\n",
                ":",
                "combinational cycle through signal");
        assertRefused(
                CircuitFormat.BLIF,
                ".inputs a b\n.outputs y\n.names a b y\n1 1\n",
                ":4: ",
                "has 1 input columns, expected 2");
        assertRefused(
                CircuitFormat.BLIF, ".inputs a b\n.outputs y\n.names a b y\n1x 1\n", ":4: ", "expected 0, 1 or -");
        assertRefused(
                CircuitFormat.BLIF, ".inputs a b\n.outputs y\n.names a b y\n11 2\n", ":4: ", "output value 0 or 1");
        assertRefused(
                CircuitFormat.BLIF, ".inputs a b\n.outputs y\n.names a b y\n11 1\n00 0\n", ":5: ", "mixes on-set");
        assertRefused(CircuitFormat.BLIF, ".inputs a\n11 1\n", ":2: ", "outside a .names");
        assertRefused(CircuitFormat.BLIF, ".names\n", ":1: ", "at least an output");
        assertRefused(CircuitFormat.BLIF, ".inputs a\u0001b\n", ":1: ", "unexpected byte 0x01");
    }

    @Test
    void sortsADeepChainIteratively() throws IOException {
        // 100000 buffers defined in reverse order: a recursive sort would overflow the stack
        int n = 100_000;
        StringBuilder sb = new StringBuilder(".inputs s0\n.outputs s" + n + "\n");
        for (int i = n; i >= 1; i--)
            sb.append(".names s").append(i - 1).append(" s").append(i).append("\n0 1\n");
        Circuit c = parse(CircuitFormat.BLIF, sb.toString());
        assertArrayEquals(new boolean[] {true}, c.evaluate(new boolean[] {true})); // n even: n inversions cancel
        assertArrayEquals(new boolean[] {false}, c.evaluate(new boolean[] {false}));
    }
}
