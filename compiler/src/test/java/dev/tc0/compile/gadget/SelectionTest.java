package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.testing.NumberCircuit;
import dev.tc0.compile.testing.Samplers;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static NumberCircuit selection(int n, int k, Weights w) {
        int[] widths = new int[n];
        Arrays.fill(widths, k);
        return NumberCircuit.of(widths, (b, in) ->
                new int[][] {Selection.argmax(b, in, w), Selection.argmaxIndex(b, in, w), Selection.max(b, in, w)});
    }

    /** Leftmost maximum: one-hot, index, value. */
    private static final Function<BigInteger[], BigInteger[]> REFERENCE = keys -> {
        int best = 0;
        for (int j = 1; j < keys.length; j++) if (keys[j].compareTo(keys[best]) > 0) best = j;
        return new BigInteger[] {BigInteger.ONE.shiftLeft(best), BigInteger.valueOf(best), keys[best]};
    };

    @Test
    void exhaustiveForSmallShapes() {
        for (Weights w : Weights.values()) {
            selection(2, 4, w).checkExhaustive(REFERENCE);
            selection(3, 3, w).checkExhaustive(REFERENCE);
            selection(5, 2, w).checkExhaustive(REFERENCE);
        }
    }

    @Test
    void randomKeysWithManyTies() {
        for (Weights w : Weights.values()) {
            selection(9, 5, w).checkSampled(10_000, Samplers.smallRange(new SplittableRandom(9), 6), REFERENCE);
            selection(12, 10, w).checkRandom(10_000, new SplittableRandom(12), REFERENCE);
        }
    }

    @Test
    void depthIsIndependentOfTheNumberOfKeys() {
        for (int n = 3; n <= 32; n += 3) {
            int nn = n;
            for (Weights w : Weights.values()) {
                int dc = w == Weights.LARGE ? 1 : 3;
                int[] widths = new int[n];
                Arrays.fill(widths, 6);
                assertEquals(
                        dc + 1,
                        NumberCircuit.of(widths, (b, in) -> new int[][] {Selection.argmax(b, in, w)})
                                .depth(),
                        "argmax n=" + nn);
                assertEquals(
                        dc + 3,
                        NumberCircuit.of(widths, (b, in) -> new int[][] {Selection.max(b, in, w)})
                                .depth(),
                        "max n=" + nn);
            }
        }
    }
}
