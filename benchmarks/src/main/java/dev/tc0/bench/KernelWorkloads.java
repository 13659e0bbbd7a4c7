package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;

import java.util.SplittableRandom;

/**
 * One-level circuits that isolate one kernel: {@link #GATES} gates of one kind and fan-in, each
 * over distinct inputs with random negations (so the builder neither folds a complementary pair
 * nor merges two gates), every gate an output. The matching {@link #baseline} has the same
 * inputs and outputs and no gates: the engine's fill and output copy alone, which the report
 * subtracts to leave the kernel.
 */
public final class KernelWorkloads {
    /** Enough gates that the input fill is small beside the gate work, few enough to stay in L2 at 64 words. */
    public static final int GATES = 256;
    /** Inputs of every circuit whose fan-in fits: one baseline serves all of them. */
    public static final int SMALL_INPUTS = 64;
    public static final int LARGE_INPUTS = 1024;

    private KernelWorkloads() {}

    public static int inputs(GateSpec g) {
        return g.fanIn() <= SMALL_INPUTS ? SMALL_INPUTS : LARGE_INPUTS;
    }

    public static Circuit oneLevel(GateSpec g, long seed) {
        int inputs = inputs(g);
        if (g.fanIn() > inputs) throw new IllegalArgumentException(g + ": fan-in above " + inputs + " inputs");
        SplittableRandom r = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", inputs);
        for (int made = 0; made < GATES; ) {
            int[] lits = distinctLiterals(x, g.fanIn(), r);
            int lit = switch (g.kind()) {
                case AND -> b.and(lits);
                case OR -> b.or(lits);
                case XOR -> b.xor(lits);
                case THRESHOLD -> b.majority(lits);
                case WEIGHTED -> b.weighted(weights(g.fanIn(), r), lits, 0);
            };
            if (lit >>> 1 < b.numNodes() - 1) continue;   // folded, or the same as an earlier gate
            b.output("y" + made++, lit);
        }
        return b.build();
    }

    /** The same inputs and as many outputs as {@link #oneLevel}, every output an input: no gate runs. */
    public static Circuit baseline(int inputs) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", inputs);
        for (int o = 0; o < GATES; o++) b.output("y" + o, x[o % inputs]);
        return b.build();
    }

    /** k distinct inputs (partial Fisher-Yates), each negated with probability one half. */
    private static int[] distinctLiterals(int[] x, int k, SplittableRandom r) {
        int[] pool = x.clone();
        int[] lits = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(pool.length - i);
            int t = pool[i]; pool[i] = pool[j]; pool[j] = t;
            lits[i] = pool[i] ^ r.nextInt(2);
        }
        return lits;
    }

    /** Signed weights of up to 16 bits: wide enough that the counter has real work in every column. */
    private static long[] weights(int k, SplittableRandom r) {
        long[] w = new long[k];
        for (int i = 0; i < k; i++) {
            do w[i] = r.nextLong(-(1L << 16), 1L << 16); while (w[i] == 0);
        }
        return w;
    }
}
