package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.SEQUENTIAL;
import static dev.tc0.compile.family.CircuitFamily.Regime.TC0;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Bits;
import dev.tc0.compile.gadget.Comparison;
import dev.tc0.compile.gadget.Counting;
import dev.tc0.compile.gadget.Dyck;
import dev.tc0.compile.gadget.Weights;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Functions of n bits that only count: majority, parity, the count itself and Dyck-1, each as a
 * constant-depth threshold circuit and as a sequential chain (a running XOR or counter).
 */
final class CountingFamilies {
    private CountingFamilies() {}

    static List<CircuitFamily> all() {
        return List.of(
                new Family(
                        "majority",
                        "strict majority of n bits: one threshold gate",
                        TC0,
                        1,
                        n -> n,
                        (b, n, x) -> new int[] {Counting.majority(b, x)},
                        CountingFamilies::majority),
                new Family(
                        "parity",
                        "parity of n bits: the depth-2 symmetric-function circuit, n + 1 gates",
                        TC0,
                        1,
                        n -> n,
                        (b, n, x) -> new int[] {Counting.parity(b, x)},
                        CountingFamilies::parity),
                new Family(
                        "count",
                        "number of true bits among n, in binary: depth-2 popcount",
                        TC0,
                        1,
                        n -> n,
                        (b, n, x) -> Counting.popcount(b, x),
                        CountingFamilies::count),
                new Family(
                        "dyck1",
                        "is the word of n parentheses (true = open) balanced: prefix thresholds, depth 2",
                        TC0,
                        1,
                        n -> n,
                        (b, n, x) -> new int[] {Dyck.balanced(b, x)},
                        CountingFamilies::dyck1,
                        CountingFamilies::dyckWord),
                new Family(
                        "majority-chain",
                        "strict majority of n bits by a running counter compared at the end",
                        SEQUENTIAL,
                        1,
                        n -> n,
                        (b, n, x) -> new int[] {
                            Comparison.atLeast(
                                    b, runningCount(b, x), Bits.constant(n / 2 + 1, Bits.bitLength(n)), Weights.LARGE)
                        },
                        CountingFamilies::majority),
                new Family(
                        "parity-chain",
                        "parity of n bits by a chain of two-input XOR gates",
                        SEQUENTIAL,
                        1,
                        n -> n,
                        (b, n, x) -> new int[] {xorChain(b, x)},
                        CountingFamilies::parity),
                new Family(
                        "count-chain",
                        "number of true bits among n by a running half-adder counter",
                        SEQUENTIAL,
                        1,
                        n -> n,
                        (b, n, x) -> runningCount(b, x),
                        CountingFamilies::count),
                new Family(
                        "dyck1-chain",
                        "Dyck-1 membership by a running up/down counter with an underflow flag",
                        SEQUENTIAL,
                        1,
                        n -> n,
                        (b, n, x) -> new int[] {dyckChain(b, x)},
                        CountingFamilies::dyck1,
                        CountingFamilies::dyckWord));
    }

    // ---- circuits ----

    private static int xorChain(CircuitBuilder b, int[] x) {
        int acc = x[0];
        for (int i = 1; i < x.length; i++) acc = b.xor(acc, x[i]);
        return acc;
    }

    private static int[] runningCount(CircuitBuilder b, int[] x) {
        int[] c = new int[Bits.bitLength(x.length)]; // all constant false
        for (int xi : x) c = Sequential.increment(b, c, xi);
        return c;
    }

    private static int dyckChain(CircuitBuilder b, int[] open) {
        int[] c = new int[Bits.bitLength(open.length)];
        int failed = CircuitBuilder.constant(false);
        for (int o : open) {
            int[] next = Sequential.upDown(b, c, o);
            // a close on an empty counter borrows out of the top bit: the word is already lost
            failed = b.or(failed, b.and(CircuitBuilder.not(o), next[c.length]));
            c = java.util.Arrays.copyOf(next, c.length);
        }
        return b.and(CircuitBuilder.not(failed), Comparison.equalsConstant(b, c, 0));
    }

    // ---- references ----

    private static boolean[] majority(int n, boolean[] x) {
        return new boolean[] {2 * BitCodec.count(x) > n};
    }

    private static boolean[] parity(int n, boolean[] x) {
        return new boolean[] {BitCodec.count(x) % 2 == 1};
    }

    private static boolean[] count(int n, boolean[] x) {
        return BitCodec.bits(BitCodec.count(x), Bits.bitLength(n));
    }

    private static boolean[] dyck1(int n, boolean[] open) {
        int depth = 0;
        for (boolean o : open) {
            depth += o ? 1 : -1;
            if (depth < 0) return new boolean[] {false};
        }
        return new boolean[] {depth == 0};
    }

    /** Half the time a balanced word (when n is even), else one with a random flip or uniform. */
    private static boolean[] dyckWord(int n, RandomGenerator rnd) {
        boolean[] w = new boolean[n];
        if (n % 2 == 1 || rnd.nextInt(4) == 0) {
            for (int i = 0; i < n; i++) w[i] = rnd.nextBoolean();
            return w;
        }
        int open = 0;
        for (int i = 0; i < n; i++) {
            boolean mustClose = open == n - i, mayClose = open > 0;
            w[i] = !mustClose && (!mayClose || rnd.nextBoolean());
            open += w[i] ? 1 : -1;
        }
        if (rnd.nextBoolean()) w[rnd.nextInt(n)] ^= true;
        return w;
    }
}
