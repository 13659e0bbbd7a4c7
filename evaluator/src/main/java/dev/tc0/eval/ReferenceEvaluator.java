package dev.tc0.eval;

import dev.tc0.circuit.Circuit;

/**
 * A plain word-parallel interpreter straight over the {@link Circuit}: no plan, no slots, no
 * kernels. It is the independent reference the engines are tested against, so it stays as simple
 * as possible: every node gets a plane, gates are evaluated in node order, THRESHOLD and WEIGHTED
 * count bit by bit.
 */
public final class ReferenceEvaluator {
    private static final int CHUNK = 16; // words evaluated together; keeps memory at nodes * 128 B

    private ReferenceEvaluator() {}

    public static long[][] evaluate(Circuit c, long[][] inputPlanes) {
        if (inputPlanes.length != c.numInputs()) {
            throw new IllegalArgumentException(
                    "expected " + c.numInputs() + " input planes, got " + inputPlanes.length);
        }
        int words = inputPlanes.length == 0 ? 0 : inputPlanes[0].length;
        long[][] out = new long[c.numOutputs()][words];
        long[] v = new long[c.numNodes() * CHUNK];
        for (int w0 = 0; w0 < words; w0 += CHUNK) {
            int n = Math.min(CHUNK, words - w0);
            for (int i = 0; i < c.numInputs(); i++) {
                System.arraycopy(inputPlanes[i], w0, v, (1 + i) * CHUNK, n);
            }
            for (int g = 0; g < c.numGates(); g++) {
                int base = c.gateNode(g) * CHUNK;
                for (int w = 0; w < n; w++) v[base + w] = gateWord(c, g, v, w);
            }
            for (int o = 0; o < c.numOutputs(); o++) {
                int lit = c.output(o);
                for (int w = 0; w < n; w++) out[o][w0 + w] = lit(v, lit, w);
            }
        }
        return out;
    }

    private static long lit(long[] v, int literal, int w) {
        return v[(literal >>> 1) * CHUNK + w] ^ -(long) (literal & 1);
    }

    private static long gateWord(Circuit c, int g, long[] v, int w) {
        int k = c.fanIn(g);
        switch (c.kind(g)) {
            case AND: {
                long r = -1L;
                for (int i = 0; i < k; i++) r &= lit(v, c.operand(g, i), w);
                return r;
            }
            case OR: {
                long r = 0;
                for (int i = 0; i < k; i++) r |= lit(v, c.operand(g, i), w);
                return r;
            }
            case XOR: {
                long r = 0;
                for (int i = 0; i < k; i++) r ^= lit(v, c.operand(g, i), w);
                return r;
            }
            default: {
                long r = 0;
                for (int b = 0; b < 64; b++) {
                    long sum = 0;
                    for (int i = 0; i < k; i++) {
                        if ((lit(v, c.operand(g, i), w) >>> b & 1) != 0) sum += c.weight(g, i);
                    }
                    if (sum >= c.threshold(g)) r |= 1L << b;
                }
                return r;
            }
        }
    }
}
