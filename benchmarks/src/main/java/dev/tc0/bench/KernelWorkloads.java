package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.util.SplittableRandom;

/**
 * Circuits that isolate one kernel: {@link #levels} levels of {@link #WIDTH} gates of one kind and
 * fan-in, the first level over the inputs, every later one over the level below, each gate over
 * distinct operands with random negations (so the builder neither folds a complementary pair nor
 * merges two gates). Only the top level is output. Cheap gates get many levels: the gate work
 * then dwarfs the engine's input fill and output copy, which the matching {@link #baseline}
 * (same inputs, same outputs, no gates) times so the report can subtract it. With one level of
 * two-input gates the fill and copy were larger than the gates, and the difference was noise.
 */
public final class KernelWorkloads {
    /** Gates per level, and outputs of every circuit. */
    public static final int WIDTH = 256;
    /** Edges per pattern a circuit of cheap gates reaches: 16 k, so and2 runs 32 levels. */
    static final int EDGES = 1 << 14;
    /** Inputs of every circuit whose fan-in fits: one baseline serves all of them. */
    public static final int SMALL_INPUTS = 64;

    public static final int LARGE_INPUTS = 1024;

    private KernelWorkloads() {}

    public static int inputs(GateSpec g) {
        return g.fanIn() <= SMALL_INPUTS ? SMALL_INPUTS : LARGE_INPUTS;
    }

    /** Levels for this gate: enough for {@link #EDGES} edges, at least one. */
    public static int levels(GateSpec g) {
        return Math.max(1, EDGES / (WIDTH * g.fanIn()));
    }

    /** Gates in the circuit {@link #circuit} builds for this gate. */
    public static int gates(GateSpec g) {
        return WIDTH * levels(g);
    }

    public static Circuit circuit(GateSpec g, long seed) {
        int inputs = inputs(g);
        if (g.fanIn() > inputs) throw new IllegalArgumentException(g + ": fan-in above " + inputs + " inputs");
        SplittableRandom r = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder();
        int[] below = b.inputs("x", inputs);
        for (int level = 0; level < levels(g); level++) {
            int[] made = new int[WIDTH];
            for (int m = 0; m < WIDTH; ) {
                int[] lits = distinctLiterals(below, m % below.length, g.fanIn(), r);
                int lit = switch (g.kind()) {
                    case AND -> b.and(lits);
                    case OR -> b.or(lits);
                    case XOR -> b.xor(lits);
                    case THRESHOLD -> b.majority(lits);
                    case WEIGHTED -> b.weighted(weights(g.fanIn(), r), lits, 0);
                };
                if (lit >>> 1 < b.numNodes() - 1) continue; // folded, or the same as an earlier gate
                made[m++] = lit;
            }
            below = made;
        }
        for (int o = 0; o < WIDTH; o++) b.output("y" + o, below[o]);
        return b.build();
    }

    /** The same inputs and as many outputs as {@link #circuit}, every output an input: no gate runs. */
    public static Circuit baseline(int inputs) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", inputs);
        for (int o = 0; o < WIDTH; o++) b.output("y" + o, x[o % inputs]);
        return b.build();
    }

    /**
     * k distinct literals of {@code from}, the first {@code from[first]} (so every gate of a level
     * is read by the level above and none is dropped as dead), the rest by partial Fisher-Yates;
     * each negated with probability one half.
     */
    private static int[] distinctLiterals(int[] from, int first, int k, SplittableRandom r) {
        int[] pool = from.clone();
        pool[first] = from[0];
        pool[0] = from[first];
        int[] lits = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i == 0 ? 0 : i + r.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            lits[i] = pool[i] ^ r.nextInt(2);
        }
        return lits;
    }

    /** Signed weights of up to 16 bits: wide enough that the counter has real work in every column. */
    private static long[] weights(int k, SplittableRandom r) {
        long[] w = new long[k];
        for (int i = 0; i < k; i++) {
            do w[i] = r.nextLong(-(1L << 16), 1L << 16);
            while (w[i] == 0);
        }
        return w;
    }
}
