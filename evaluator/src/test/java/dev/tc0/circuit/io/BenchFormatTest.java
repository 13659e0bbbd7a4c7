package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.FormatAssertions.assertRefused;
import static dev.tc0.circuit.io.FormatAssertions.parse;
import static dev.tc0.circuit.io.TestCircuits.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchFormatTest {
    /** Every gate type, definitions out of order, an output that is an input, an output listed twice. */
    static final String SAMPLE = """
            # sample
            INPUT(a)
            INPUT(b)
            input(c)
            OUTPUT(y_and)
            OUTPUT(y_nand)
            OUTPUT(y_or)
            OUTPUT(y_nor)
            OUTPUT(y_xor)
            OUTPUT(y_xnor)
            OUTPUT(y_not)
            OUTPUT(y_buff)
            OUTPUT(b)
            OUTPUT(y_and)
            y_nand = NAND(a, b, y_buf)   # reads a signal defined later
            y_and = AND(a, b, c)
            y_or = OR(a, b)
            y_nor = nor(a, b, c)
            y_xor = XOR(a, b, c)
            y_xnor = XNOR(a, b)
            y_not = NOT(y_xor)
            y_buff = BUFF(c)
            y_buf = BUF(c)
            """;

    @Test
    void readsEveryGateType() throws IOException {
        Circuit c = parse(CircuitFormat.BENCH, SAMPLE);
        assertEquals(List.of("a", "b", "c"), c.inputNames());
        assertEquals(
                List.of("y_and", "y_nand", "y_or", "y_nor", "y_xor", "y_xnor", "y_not", "y_buff", "b", "y_and"),
                c.outputNames());
        for (int x = 0; x < 8; x++) {
            boolean[] in = bits(x, 3);
            boolean a = in[0], b = in[1], cc = in[2];
            boolean[] want = {
                a && b && cc,
                !(a && b && cc),
                a || b,
                !(a || b || cc),
                a ^ b ^ cc,
                !(a ^ b),
                !(a ^ b ^ cc),
                cc,
                b,
                a && b && cc
            };
            assertArrayEquals(want, c.evaluate(in), "input " + x);
        }
    }

    @Test
    void roundTripsTheSampleRandomAndRealCircuits() throws IOException {
        Circuit s = parse(CircuitFormat.BENCH, SAMPLE);
        Circuit back = TestCircuits.roundTrip(s, CircuitFormat.BENCH);
        assertEquals(s.outputNames(), back.outputNames());
        TestCircuits.assertEquivalentExhaustive(s, back);
        for (int seed = 0; seed < 30; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 2 + seed % 9, 40, 6, true, seed % 3 == 0);
            Circuit r = TestCircuits.roundTrip(c, CircuitFormat.BENCH);
            assertEquals(c.inputNames(), r.inputNames());
            assertEquals(c.outputNames(), r.outputNames());
            if (c.numInputs() <= 10) TestCircuits.assertEquivalentExhaustive(c, r);
            else TestCircuits.assertEquivalent(c, r, 16, seed);
        }
        for (String name : List.of("c432", "c6288", "c7552")) {
            Circuit c = Formats.read(TestCircuits.circuit("iscas85", name + ".bench"));
            Circuit r = TestCircuits.roundTrip(c, CircuitFormat.BENCH);
            assertEquals(c.outputNames(), r.outputNames());
            TestCircuits.assertEquivalent(c, r, 16, name.hashCode());
        }
    }

    @Test
    void writesConstantsWithAndWithoutInputs() throws IOException {
        CircuitBuilder b = new CircuitBuilder();
        b.output("t", 1);
        b.output("f", 0);
        Circuit none = b.build();
        assertArrayEquals(
                new boolean[] {true, false},
                TestCircuits.roundTrip(none, CircuitFormat.BENCH).evaluate(new boolean[0]));
        CircuitBuilder b2 = new CircuitBuilder();
        int x = b2.input("x");
        b2.output("t", 1);
        b2.output("f", 0);
        b2.output("nx", x ^ 1);
        Circuit some = b2.build();
        TestCircuits.assertEquivalentExhaustive(some, TestCircuits.roundTrip(some, CircuitFormat.BENCH));
    }

    @Test
    void refusesBrokenNetlists() {
        assertRefused(
                CircuitFormat.BENCH,
                "INPUT(a)\nOUTPUT(y)\n\ny = AND(a, N99)\n",
                ":4: ",
                "undefined signal 'N99' in gate y");
        assertRefused(
                CircuitFormat.BENCH,
                "INPUT(a)\nOUTPUT(y)\ny = AND(a, z)\nz = OR(y, a)\n",
                ":",
                "combinational cycle through signal");
        assertRefused(
                CircuitFormat.BENCH,
                "INPUT(a)\nOUTPUT(y)\ny = NOT(a)\ny = BUFF(a)\n",
                ":4: ",
                "defined twice (first at line 3)");
        assertRefused(CircuitFormat.BENCH, "INPUT(a)\nOUTPUT(y)\ny = DFF(a)\n", ":3: ", "DFF is not supported");
        assertRefused(CircuitFormat.BENCH, "INPUT(a)\nOUTPUT(y)\ny = MUX(a)\n", ":3: ", "unknown gate type 'MUX'");
        assertRefused(
                CircuitFormat.BENCH,
                "INPUT(a)\nOUTPUT(y)\ny = NOT(a, a)\n",
                ":3: ",
                "NOT takes exactly one input, found 2");
        assertRefused(CircuitFormat.BENCH, "INPUT(a)\nOUTPUT(y)\n", ":2: ", "output 'y' is never defined");
        assertRefused(CircuitFormat.BENCH, "INPUT(a)\nINPUT(a)\n", ":2: ", "declared twice");
        assertRefused(CircuitFormat.BENCH, "INPUT(a)\na = NOT(a)\n", ":2: ", "is an input");
        assertRefused(CircuitFormat.BENCH, "INPUT(a\n", ":1: ", "expected ')'");
        assertRefused(CircuitFormat.BENCH, "INPUT(a) x\n", ":1: ", "unexpected 'x'");
        assertRefused(CircuitFormat.BENCH, "WIRE(a)\n", ":1: ", "expected INPUT(name)");
        assertRefused(CircuitFormat.BENCH, "y = AND(a,)\n", ":1: ", "expected a signal name");
    }
}
