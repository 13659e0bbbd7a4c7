package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.testing.NumberCircuit;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class CountingTest {
    private static final int RANDOM_PATTERNS = 10_000;

    private static BigInteger bit(boolean v) {
        return v ? BigInteger.ONE : BigInteger.ZERO;
    }

    @Test
    void majorityIsOneGateAndMatchesCounting() {
        for (int n = 1; n <= 12; n++) {
            int size = n;
            NumberCircuit c = NumberCircuit.single(new int[] {n}, (b, in) -> new int[] {Counting.majority(b, in[0])});
            c.checkExhaustive(x -> new BigInteger[] {bit(2 * x[0].bitCount() > size)});
            assertTrue(c.gates() <= 1);
            assertEquals(n == 1 ? 0 : 1, c.depth());
        }
    }

    @Test
    void thresholdsAndExactCountsForEveryT() {
        for (int n = 1; n <= 8; n++) {
            for (int t = -1; t <= n + 1; t++) {
                int tt = t;
                NumberCircuit c = NumberCircuit.of(new int[] {n}, (b, in) -> new int[][] {
                    {Counting.atLeast(b, tt, in[0])}, {Counting.atMost(b, tt, in[0])}, {Counting.exactly(b, tt, in[0])}
                });
                c.checkExhaustive(x -> {
                    int s = x[0].bitCount();
                    return new BigInteger[] {bit(s >= tt), bit(s <= tt), bit(s == tt)};
                });
                assertTrue(c.depth() <= 2, "exact count depth");
                if (n >= 2 && tt > 0 && tt < n)
                    assertEquals(3, c.gates(), "[s >= t], [s >= t+1] and their AND; n=" + n + " t=" + tt);
            }
        }
    }

    @Test
    void anySymmetricFunctionInDepthTwoWithOneGatePerChangePlusOne() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n = 2; n <= 10; n++) {
            for (int trial = 0; trial < 6; trial++) {
                boolean[] table = new boolean[n + 1];
                for (int s = 0; s <= n; s++) table[s] = rnd.nextBoolean();
                IntPredicate f = s -> table[s];
                int changes = 0;
                for (int j = 1; j <= n; j++) if (table[j] != table[j - 1]) changes++;
                NumberCircuit c =
                        NumberCircuit.single(new int[] {n}, (b, in) -> new int[] {Counting.symmetric(b, f, in[0])});
                c.checkExhaustive(x -> new BigInteger[] {bit(table[x[0].bitCount()])});
                assertEquals(changes + (changes >= 2 ? 1 : 0), c.gates(), "gates");
                assertEquals(Math.min(changes, 2), c.depth(), "depth");
            }
        }
    }

    @Test
    void parityHasNPlusOneGatesAndDepthTwoForEveryN() {
        for (int n = 2; n <= 64; n++) {
            NumberCircuit c = NumberCircuit.single(new int[] {n}, (b, in) -> new int[] {Counting.parity(b, in[0])});
            if (n <= 14) c.checkExhaustive(x -> new BigInteger[] {bit(x[0].bitCount() % 2 == 1)});
            else if (n % 16 == 0)
                c.checkRandom(RANDOM_PATTERNS, new SplittableRandom(n), x ->
                        new BigInteger[] {bit(x[0].bitCount() % 2 == 1)});
            assertEquals(n + 1, c.gates(), "gates of parity " + n);
            assertEquals(2, c.depth(), "depth of parity " + n);
        }
    }

    @Test
    void popcountHasNPlusLogGatesAndDepthTwo() {
        for (int n = 2; n <= 64; n++) {
            NumberCircuit c = NumberCircuit.single(new int[] {n}, (b, in) -> Counting.popcount(b, in[0]));
            if (n <= 14) c.checkExhaustive(x -> new BigInteger[] {BigInteger.valueOf(x[0].bitCount())});
            else if (n % 16 == 0 || n == 63)
                c.checkRandom(RANDOM_PATTERNS, new SplittableRandom(n), x ->
                        new BigInteger[] {BigInteger.valueOf(x[0].bitCount())});
            int width = Bits.ceilLog2(n + 1);
            assertEquals(n + width - 1, c.gates(), "gates of popcount " + n);
            assertEquals(2, c.depth(), "depth of popcount " + n);
        }
    }

    @Test
    void repeatedOperandsCountEveryOccurrence() {
        // count of (x0, x0, x1): the operand x0 weighs twice
        NumberCircuit c =
                NumberCircuit.single(new int[] {2}, (b, in) -> Counting.popcount(b, in[0][0], in[0][0], in[0][1]));
        c.checkExhaustive(x ->
                new BigInteger[] {BigInteger.valueOf(2L * (x[0].testBit(0) ? 1 : 0) + (x[0].testBit(1) ? 1 : 0))});
    }
}
