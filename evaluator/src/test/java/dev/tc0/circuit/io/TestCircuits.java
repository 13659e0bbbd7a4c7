package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.GateKind;
import dev.tc0.eval.Evaluator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/** Shared helpers: random circuits and inputs, equivalence checks, format round trips. */
final class TestCircuits {
    private TestCircuits() {}

    static long[][] randomPlanes(long seed, int inputs, int words) {
        SplittableRandom r = new SplittableRandom(seed);
        long[][] p = new long[inputs][words];
        for (long[] plane : p) for (int w = 0; w < words; w++) plane[w] = r.nextLong();
        return p;
    }

    /** Asserts equal input and output counts and equal outputs on {@code words * 64} random inputs. */
    static void assertEquivalent(Circuit expected, Circuit actual, int words, long seed) {
        assertEquals(expected.numInputs(), actual.numInputs(), "inputs");
        assertEquals(expected.numOutputs(), actual.numOutputs(), "outputs");
        long[][] in = randomPlanes(seed, expected.numInputs(), words);
        long[][] a = Evaluator.evaluate(expected, in);
        long[][] b = Evaluator.evaluate(actual, in);
        for (int o = 0; o < a.length; o++)
            assertArrayEquals(a[o], b[o], "output " + o + " (" + expected.outputName(o) + ")");
    }

    /** Asserts equal outputs on every input pattern (for up to about 16 inputs). */
    static void assertEquivalentExhaustive(Circuit expected, Circuit actual) {
        assertEquals(expected.numInputs(), actual.numInputs(), "inputs");
        assertEquals(expected.numOutputs(), actual.numOutputs(), "outputs");
        int n = expected.numInputs();
        for (int x = 0; x < (1 << n); x++) {
            boolean[] in = bits(x, n);
            assertArrayEquals(expected.evaluate(in), actual.evaluate(in), "input pattern " + Integer.toBinaryString(x));
        }
    }

    static boolean[] bits(long x, int n) {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = (x >>> i & 1) != 0;
        return b;
    }

    /**
     * A random circuit with every gate kind: AND, OR, XOR of fan-in 1..5, THRESHOLD with repeated
     * operands, WEIGHTED with small, large and negative weights, negated operands, and outputs
     * that are negated, constant, inputs or repeated.
     */
    static Circuit randomCircuit(long seed, int inputs, int gates, int outputs, boolean weighted, boolean hugeWeights) {
        Random r = new Random(seed);
        CircuitBuilder b = new CircuitBuilder();
        int[] lits = new int[inputs + gates];
        int n = 0;
        for (int i = 0; i < inputs; i++) lits[n++] = b.input("x" + i);
        int kinds = weighted ? 5 : 4;
        while (n < lits.length) {
            GateKind kind = GateKind.values()[r.nextInt(kinds)];
            int k = 1 + r.nextInt(kind.hasThreshold() ? 7 : 5);
            int[] ops = new int[k];
            for (int i = 0; i < k; i++) {
                // prefer recent nodes, so the circuit gets deep rather than wide
                int j = n - 1 - Math.min(n - 1, (int) Math.abs(r.nextGaussian() * 6));
                if (r.nextInt(4) == 0) j = r.nextInt(n);
                ops[i] = lits[j] ^ (r.nextBoolean() ? 1 : 0);
            }
            long[] w = null;
            long t;
            if (kind == GateKind.WEIGHTED) {
                w = new long[k];
                long bound = hugeWeights && r.nextInt(3) == 0 ? (1L << 58) / k : 20;
                long pos = 0;
                for (int i = 0; i < k; i++) {
                    w[i] = r.nextLong(-bound, bound + 1);
                    pos += Math.abs(w[i]);
                }
                t = r.nextLong(-pos / 2 - 1, pos + 2);
            } else {
                t = kind == GateKind.THRESHOLD ? r.nextInt(k + 2) : 0;
            }
            int lit = b.gate(kind, ops, w, t);
            if (lit >>> 1 != 0) lits[n++] = lit;
        }
        for (int o = 0; o < outputs; o++) {
            int pick = r.nextInt(10);
            int lit = pick == 0
                    ? r.nextInt(2) // constant
                    : pick == 1
                            ? lits[r.nextInt(inputs)] // an input
                            : lits[lits.length - 1 - r.nextInt(Math.min(gates, 12))] ^ (r.nextBoolean() ? 1 : 0);
            b.output("y" + o, lit);
        }
        return b.build();
    }

    static byte[] write(Circuit c, CircuitFormat f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(c, out, "t" + f.extension());
        return out.toByteArray();
    }

    static Circuit roundTrip(Circuit c, CircuitFormat f) throws IOException {
        return f.read(write(c, f), "t" + f.extension());
    }

    static Path circuit(String set, String name) {
        var p = BenchmarkCircuits.file(set, name);
        assumeTrue(p.isPresent(), () -> BenchmarkCircuits.whereLooked() + " (looking for " + set + "/" + name + ")");
        return p.get();
    }

    /** The unsigned number held by inputs or outputs {@code from .. from+width-1} of one pattern, LSB first. */
    static BigInteger number(long[][] planes, int from, int width, int pattern) {
        byte[] mag = new byte[width / 8 + 1];
        int w = pattern >>> 6, b = pattern & 63;
        for (int i = 0; i < width; i++) {
            if ((planes[from + i][w] >>> b & 1) != 0) mag[mag.length - 1 - i / 8] |= (byte) (1 << (i % 8));
        }
        return new BigInteger(1, mag);
    }

    static int[] seq(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }
}
