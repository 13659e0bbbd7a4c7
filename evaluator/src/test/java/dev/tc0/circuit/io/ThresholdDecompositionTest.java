package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.ThresholdDecomposition;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ThresholdDecomposition keeps the function: checked exhaustively on small circuits and on random inputs. */
class ThresholdDecompositionTest {
    @Test
    void toAndOrXorKeepsRandomCircuits() {
        for (int seed = 0; seed < 60; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 3 + seed % 12, 30, 5, true, seed % 2 == 0);
            Circuit low = ThresholdDecomposition.toAndOrXor(c);
            assertTrue(ThresholdDecomposition.isAndOrXor(low));
            assertEquals(c.inputNames(), low.inputNames());
            assertEquals(c.outputNames(), low.outputNames());
            if (c.numInputs() <= 10) TestCircuits.assertEquivalentExhaustive(c, low);
            else TestCircuits.assertEquivalent(c, low, 32, seed);
        }
    }

    @Test
    void weightedToThresholdKeepsRandomCircuits() {
        for (int seed = 0; seed < 60; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 3 + seed % 12, 30, 5, true, false);
            Circuit low = ThresholdDecomposition.weightedToThreshold(c);
            assertTrue(ThresholdDecomposition.isUnweighted(low));
            if (c.numInputs() <= 10) TestCircuits.assertEquivalentExhaustive(c, low);
            else TestCircuits.assertEquivalent(c, low, 32, seed);
        }
    }

    @Test
    void atLeastMatchesTheSumForExtremeWeights() {
        Random r = new Random(42);
        long[][] weightSets = {
            {1, 1, 1, 1, 1, 1, 1},
            {Long.MAX_VALUE / 4, -(Long.MAX_VALUE / 4), 3, -7, 1},
            {(1L << 61) + 5, (1L << 60) - 1, -(1L << 59), 12345678901L, -1},
            {-1, -1, -1, -2, -3},
            {5, 5, 5, -5, 10},
        };
        for (long[] w : weightSets) {
            int n = w.length;
            long pos = 0, neg = 0;
            for (long x : w) {
                if (x > 0) pos += x;
                else neg += x;
            }
            long[] ts = {
                Long.MIN_VALUE,
                neg - 1,
                neg,
                neg + 1,
                0,
                1,
                2,
                pos / 2,
                pos - 1,
                pos,
                pos + 1,
                Long.MAX_VALUE,
                r.nextLong(neg, pos + 1),
                r.nextLong(neg, pos + 1)
            };
            for (long t : ts) {
                CircuitBuilder b = new CircuitBuilder();
                int[] x = new int[n + 1];
                for (int i = 0; i <= n; i++) x[i] = b.input("x" + i);
                int[] lits = new int[n];
                for (int i = 0; i < n; i++)
                    lits[i] = i == n - 1 ? x[0] : x[i] ^ (i % 3 == 1 ? 1 : 0); // negations, a repeat
                b.output("y", ThresholdDecomposition.atLeast(b, w, lits, t));
                Circuit c = b.build();
                assertTrue(ThresholdDecomposition.isAndOrXor(c));
                for (int pattern = 0; pattern < 1 << (n + 1); pattern++) {
                    final int p = pattern;
                    boolean[] in = TestCircuits.bits(p, n + 1);
                    BigInteger sum = BigInteger.ZERO;
                    for (int i = 0; i < n; i++) {
                        boolean v = in[(lits[i] >>> 1) - 1] ^ ((lits[i] & 1) != 0);
                        if (v) sum = sum.add(BigInteger.valueOf(w[i]));
                    }
                    assertEquals(
                            sum.compareTo(BigInteger.valueOf(t)) >= 0,
                            c.evaluate(in)[0],
                            () -> "weights " + java.util.Arrays.toString(w) + " t " + t + " pattern " + p);
                }
            }
        }
    }

    @Test
    void lowersGatesOutsideTheBuildersNormalForm() {
        // Circuit.of accepts thresholds beyond the fan-in, negative ones, repeated operands, fan-in 0 and 1
        byte T = (byte) GateKind.THRESHOLD.ordinal(),
                W = (byte) GateKind.WEIGHTED.ordinal(),
                A = (byte) GateKind.AND.ordinal();
        byte X = (byte) GateKind.XOR.ordinal(), O = (byte) GateKind.OR.ordinal();
        byte[] kind = {T, T, T, W, W, A, O, X, T};
        int[] start = {0, 3, 5, 7, 10, 12, 12, 12, 13, 17};
        int[] op = {2, 2, 5, 4, 6, 2, 3, 2, 4, 7, 2, 3, 4, 2, 3, 4, 5};
        long[] w = new long[op.length];
        java.util.Arrays.fill(w, 1);
        w[7] = -3;
        w[8] = 4;
        w[9] = 2;
        w[10] = Long.MAX_VALUE / 2;
        w[11] = -(Long.MAX_VALUE / 2);
        long[] th = {2, -1, 9, 1, 0, 0, 0, 0, 3};
        int[] outs = {8, 10, 12, 14, 16, 18, 20, 22, 24, 25};
        String[] on = new String[outs.length];
        for (int i = 0; i < on.length; i++) on[i] = "y" + i;
        Circuit c = Circuit.of(3, kind, start, op, w, th, outs, new String[] {"a", "b", "c"}, on);
        TestCircuits.assertEquivalentExhaustive(c, ThresholdDecomposition.toAndOrXor(c));
        assertThrows(IllegalArgumentException.class, () -> ThresholdDecomposition.weightedToThreshold(c));
        w[10] = 2;
        w[11] = -2;
        Circuit d = Circuit.of(3, kind, start, op, w, th, outs, new String[] {"a", "b", "c"}, on);
        TestCircuits.assertEquivalentExhaustive(d, ThresholdDecomposition.weightedToThreshold(d));
        TestCircuits.assertEquivalentExhaustive(d, ThresholdDecomposition.toAndOrXor(d));
    }

    @Test
    void refusesHugeWeightsAsRepeatedEdges() {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y"), z = b.input("z");
        b.output("w", b.weighted(new long[] {1L << 40, -(1L << 39), 3}, new int[] {x, y, z}, 5));
        Circuit c = b.build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ThresholdDecomposition.weightedToThreshold(c));
        assertTrue(e.getMessage().contains("limit of " + ThresholdDecomposition.DEFAULT_MAX_EDGES), e.getMessage());
        // within a given limit it works, and the other lowering needs no limit
        Circuit small = ThresholdDecomposition.weightedToThreshold(ThresholdDecomposition.toAndOrXor(c));
        TestCircuits.assertEquivalentExhaustive(c, small);
    }

    @Test
    void leavesCircuitsWithNothingToLowerAlone() {
        Circuit c = TestCircuits.randomCircuit(1, 5, 20, 3, false, false);
        Circuit aox = ThresholdDecomposition.toAndOrXor(c);
        assertSame(aox, ThresholdDecomposition.toAndOrXor(aox));
        assertSame(c, ThresholdDecomposition.weightedToThreshold(c));
        assertFalse(ThresholdDecomposition.isAndOrXor(c) && c.numGates() > 0 && hasThreshold(c));
    }

    private static boolean hasThreshold(Circuit c) {
        for (int g = 0; g < c.numGates(); g++) if (c.kind(g) == GateKind.THRESHOLD) return true;
        return false;
    }
}
