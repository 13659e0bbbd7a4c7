package dev.tc0.circuit;

import java.util.SplittableRandom;

/**
 * Seeded random circuits for tests and benchmarks. Operands are drawn mostly from recent nodes
 * (so depth grows) and sometimes from anywhere; negations, repeated operands and constants occur.
 */
public final class RandomCircuits {
    private RandomCircuits() {}

    /** Gate mix and sizes of a random circuit. */
    public record Spec(
            int inputs, int gates, int outputs, int maxFanIn, GateKind[] kinds, int weightBits, boolean constants) {
        public static Spec of(int inputs, int gates, int outputs, int maxFanIn, GateKind... kinds) {
            return new Spec(inputs, gates, outputs, maxFanIn, kinds, 20, true);
        }

        public Spec withWeightBits(int bits) {
            return new Spec(inputs, gates, outputs, maxFanIn, kinds, bits, constants);
        }

        public Spec withConstants(boolean c) {
            return new Spec(inputs, gates, outputs, maxFanIn, kinds, weightBits, c);
        }
    }

    public static Circuit generate(Spec s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder();
        for (int i = 0; i < s.inputs(); i++) b.input("x" + i);
        int[] made = new int[s.gates()];
        int count = 0;
        int attempts = 0;
        while (count < s.gates() && attempts++ < s.gates() * 20) {
            GateKind kind = s.kinds()[r.nextInt(s.kinds().length)];
            int k = 1 + r.nextInt(Math.max(1, s.maxFanIn()));
            int[] lits = new int[k];
            for (int i = 0; i < k; i++) lits[i] = pick(r, b, made, count, s.constants());
            int lit = switch (kind) {
                case AND -> b.and(lits);
                case OR -> b.or(lits);
                case XOR -> b.xor(lits);
                case THRESHOLD -> b.threshold(r.nextInt(k + 2), lits);
                case WEIGHTED -> {
                    long[] w = new long[k];
                    long bound = 1L << Math.min(s.weightBits(), 61 - (32 - Integer.numberOfLeadingZeros(k)));
                    long sum = 0;
                    for (int i = 0; i < k; i++) {
                        w[i] = r.nextLong(-bound, bound + 1);
                        sum += Math.abs(w[i]);
                    }
                    yield b.weighted(w, lits, r.nextLong(-sum - 1, sum + 2));
                }
            };
            if (Literal.node(lit) > s.inputs()) made[count++] = lit;
        }
        for (int o = 0; o < s.outputs(); o++) {
            int lit;
            int roll = r.nextInt(20);
            if (roll == 0 && s.constants()) lit = r.nextInt(2);
            else if (roll == 1 || count == 0) lit = Literal.of(1 + r.nextInt(Math.max(1, s.inputs())), r.nextBoolean());
            else lit = made[count - 1 - r.nextInt(Math.min(count, 1 + count / 4))] ^ (r.nextBoolean() ? 1 : 0);
            if (s.inputs() == 0 && Literal.node(lit) > 0 && count == 0) lit = 0;
            b.output("y" + o, lit);
        }
        return b.build();
    }

    private static int pick(SplittableRandom r, CircuitBuilder b, int[] made, int count, boolean constants) {
        int neg = r.nextInt(3) == 0 ? 1 : 0;
        int roll = r.nextInt(100);
        if (constants && roll == 0) return r.nextInt(2);
        if (count == 0 || roll < 15) return Literal.of(1 + r.nextInt(Math.max(1, b.numInputs())), false) ^ neg;
        if (roll < 70) return made[count - 1 - r.nextInt(Math.min(count, 64))] ^ neg;
        return made[r.nextInt(count)] ^ neg;
    }

    /**
     * A layered circuit of {@code depth} levels of {@code width} two-input gates each; every gate
     * reads two gates of the level below (or inputs at the bottom), so the depth is exact.
     */
    public static Circuit layered(int inputs, int depth, int width, GateKind kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder();
        int[] below = new int[inputs];
        for (int i = 0; i < inputs; i++) below[i] = b.input("x" + i);
        for (int d = 0; d < depth; d++) {
            int[] level = new int[width];
            for (int w = 0; w < width; w++) {
                int x, y, lit;
                int tries = 0;
                do {
                    x = below[r.nextInt(below.length)] ^ r.nextInt(2);
                    y = below[r.nextInt(below.length)] ^ r.nextInt(2);
                    lit = kind == GateKind.XOR ? b.xor(x, y) : kind == GateKind.OR ? b.or(x, y) : b.and(x, y);
                } while ((Literal.node(lit) <= inputs || contains(level, w, lit)) && ++tries < 100);
                level[w] = lit;
            }
            below = level;
        }
        for (int i = 0; i < below.length; i++) b.output("y" + i, below[i]);
        return b.build();
    }

    private static boolean contains(int[] a, int n, int lit) {
        for (int i = 0; i < n; i++) if ((a[i] >>> 1) == (lit >>> 1)) return true;
        return false;
    }
}
