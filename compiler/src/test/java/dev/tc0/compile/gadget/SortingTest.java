package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.testing.NumberCircuit;
import dev.tc0.compile.testing.Samplers;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SortingTest {
    private static int[] widths(int n, int k) {
        int[] w = new int[n];
        Arrays.fill(w, k);
        return w;
    }

    private static NumberCircuit sorter(int n, int k, Weights w) {
        return NumberCircuit.of(widths(n, k), (b, in) -> {
            int[][] sorted = Sorting.sort(b, in, w), ranks = Sorting.rank(b, in, w);
            int[][] out = new int[2 * n][];
            System.arraycopy(sorted, 0, out, 0, n);
            System.arraycopy(ranks, 0, out, n, n);
            return out;
        });
    }

    /** Sorted keys, then each key's stable rank, by insertion counting. */
    private static final Function<BigInteger[], BigInteger[]> REFERENCE = keys -> {
        int n = keys.length;
        BigInteger[] out = new BigInteger[2 * n];
        BigInteger[] sorted = keys.clone();
        Arrays.sort(sorted);
        System.arraycopy(sorted, 0, out, 0, n);
        for (int j = 0; j < n; j++) {
            int rank = 0;
            for (int l = 0; l < n; l++) {
                int c = keys[l].compareTo(keys[j]);
                if (c < 0 || (c == 0 && l < j)) rank++;
            }
            out[n + j] = BigInteger.valueOf(rank);
        }
        return out;
    };

    @Test
    void exhaustiveForSmallShapes() {
        for (Weights w : Weights.values()) {
            sorter(2, 5, w).checkExhaustive(REFERENCE);
            sorter(3, 3, w).checkExhaustive(REFERENCE);
            sorter(4, 3, w).checkExhaustive(REFERENCE);
            sorter(6, 2, w).checkExhaustive(REFERENCE);
        }
    }

    @Test
    void randomKeysWithTies() {
        for (Weights w : Weights.values()) {
            sorter(8, 4, w).checkSampled(10_000, Samplers.smallRange(new SplittableRandom(8), 5), REFERENCE);
            sorter(7, 9, w).checkRandom(10_000, new SplittableRandom(7), REFERENCE);
        }
    }

    @Test
    void depthIsIndependentOfTheNumberOfKeys() {
        for (int n = 3; n <= 24; n += 3) {
            for (Weights w : Weights.values()) {
                int dc = w == Weights.LARGE ? 1 : 3;
                assertEquals(
                        dc + 3,
                        NumberCircuit.of(widths(n, 5), (b, in) -> Sorting.sort(b, in, w))
                                .depth(),
                        "sort n=" + n);
                assertEquals(
                        dc + 2,
                        NumberCircuit.of(widths(n, 5), (b, in) -> Sorting.rank(b, in, w))
                                .depth(),
                        "rank n=" + n);
            }
        }
    }
}
