package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.FormatAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.Evaluator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Tc0BinaryTest {
    /** The circuits are the same array for array, not just the same function. */
    static void assertIdentical(Circuit a, Circuit b) {
        assertEquals(a.numInputs(), b.numInputs());
        assertEquals(a.numGates(), b.numGates());
        assertEquals(a.inputNames(), b.inputNames());
        assertEquals(a.outputNames(), b.outputNames());
        assertEquals(a.hasWeights(), b.hasWeights());
        for (int g = 0; g < a.numGates(); g++) {
            assertEquals(a.kind(g), b.kind(g));
            assertEquals(a.threshold(g), b.threshold(g));
            assertEquals(a.fanIn(g), b.fanIn(g));
            for (int i = 0; i < a.fanIn(g); i++) {
                assertEquals(a.operand(g, i), b.operand(g, i));
                assertEquals(a.weight(g, i), b.weight(g, i));
            }
        }
        for (int o = 0; o < a.numOutputs(); o++) assertEquals(a.output(o), b.output(o));
    }

    @Test
    void roundTripsExactly() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 1 + seed, 50, 5, seed % 2 == 0, true);
            assertIdentical(c, TestCircuits.roundTrip(c, CircuitFormat.TC0));
        }
        Circuit m = Formats.read(TestCircuits.circuit("epfl", "multiplier.aig"));
        assertIdentical(m, TestCircuits.roundTrip(m, CircuitFormat.TC0));
        var b = new dev.tc0.circuit.CircuitBuilder();
        b.input("ünïcödé name");
        b.output("", 1);
        Circuit odd = b.build();
        assertIdentical(odd, TestCircuits.roundTrip(odd, CircuitFormat.TC0));
    }

    @Test
    void aGateReadingTheConstantIsFoldedOnReading() throws IOException {
        // THRESHOLD(false, a, b, c) >= 2 and OR(y0, true): arrays no builder makes, but a file may hold
        byte t = (byte) GateKind.THRESHOLD.ordinal(), or = (byte) GateKind.OR.ordinal();
        Circuit raw = Circuit.of(
                3,
                new byte[] {t, or},
                new int[] {0, 4, 6},
                new int[] {0, 2, 4, 6, 8, 1},
                null,
                new long[] {2, 0},
                new int[] {8, 10},
                new String[] {"a", "b", "c"},
                new String[] {"maj", "one"});
        assertTrue(raw.hasConstantOperands());
        assertThrows(IllegalArgumentException.class, () -> EvalPlan.of(raw));

        Circuit read = TestCircuits.roundTrip(raw, CircuitFormat.TC0);
        assertFalse(read.hasConstantOperands());
        assertEquals(raw.inputNames(), read.inputNames());
        assertEquals(raw.outputNames(), read.outputNames());
        TestCircuits.assertEquivalentExhaustive(raw, read);
        long[][] y = Evaluator.evaluate(read, new long[][] {{0b11110000L}, {0b11001100L}, {0b10101010L}});
        assertEquals(0b11101000L, y[0][0]); // majority of a, b, c
        assertEquals(-1L, y[1][0]);
    }

    @Test
    void multiplierRoundTripsExactly() throws IOException {
        // Load speed against the text formats is measured by the JMH load benchmark, not here.
        Path blif = TestCircuits.circuit("epfl", "multiplier.blif");
        Circuit c = Formats.read(blif);
        assertIdentical(c, CircuitFormat.TC0.read(TestCircuits.write(c, CircuitFormat.TC0), "m.tc0"));
    }

    private static byte[] withCrc(byte[] d) {
        CRC32 crc = new CRC32();
        crc.update(d, 0, d.length - 4);
        ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putInt(d.length - 4, (int) crc.getValue());
        return d;
    }

    @Test
    void refusesDamagedFiles() throws IOException {
        Circuit c = TestCircuits.randomCircuit(3, 4, 20, 3, true, false);
        byte[] good = TestCircuits.write(c, CircuitFormat.TC0);
        ByteBuffer bb = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
        int gates = bb.getInt(20);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertRefused(CircuitFormat.TC0, flipped, ": byte " + (good.length - 4) + ": ", "checksum mismatch");

        assertRefused(
                CircuitFormat.TC0, java.util.Arrays.copyOf(good, good.length - 1), ": byte 16: ", "need a file of");
        assertRefused(CircuitFormat.TC0, java.util.Arrays.copyOf(good, 20), ": byte 20: ", "header");
        assertRefused(CircuitFormat.TC0, "not tc0".getBytes(), ": byte 0: ", "magic");

        byte[] version = good.clone();
        version[8] = 2;
        assertRefused(CircuitFormat.TC0, version, ": byte 8: ", "unsupported tc0 format version 2");

        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
            byte[] huge = good.clone();
            ByteBuffer.wrap(huge)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(20, Integer.MAX_VALUE)
                    .putInt(28, -1);
            assertRefused(CircuitFormat.TC0, withCrc(huge), ": byte 16: ", "need a file of");
        });

        // a well-formed file whose arrays do not make a circuit: a gate reading a later node
        byte[] forward = good.clone();
        int operands = Tc0Binary.HEADER + gates + 4 * (gates + 1);
        ByteBuffer.wrap(forward).order(ByteOrder.LITTLE_ENDIAN).putInt(operands, 2 * (c.numNodes() + 5));
        assertRefused(
                CircuitFormat.TC0, withCrc(forward), ": ", "not a valid circuit", "does not name an earlier node");

        byte[] kind = good.clone();
        kind[Tc0Binary.HEADER] = (byte) GateKind.values().length;
        assertRefused(CircuitFormat.TC0, withCrc(kind), ": ", "unknown kind code");
    }
}
