package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.gadget.IteratedAddition.Method;
import dev.tc0.compile.testing.NumberCircuit;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IteratedAdditionTest {
    private static int[] widths(int m, int k) {
        int[] w = new int[m];
        Arrays.fill(w, k);
        return w;
    }

    private static NumberCircuit unsigned(int m, int k, Method method) {
        return NumberCircuit.single(widths(m, k), (b, in) -> IteratedAddition.sum(b, in, method));
    }

    private static NumberCircuit signed(int m, int k, Method method) {
        return NumberCircuit.single(
                widths(m, k),
                (b, in) -> IteratedAddition.signedSum(b, in, IteratedAddition.signedSumWidth(in), method));
    }

    private static final Function<BigInteger[], BigInteger[]> SUM =
            x -> new BigInteger[] {Arrays.stream(x).reduce(BigInteger.ZERO, BigInteger::add)};

    private static Function<BigInteger[], BigInteger[]> signedSum(int k) {
        return x -> new BigInteger[] {
            Arrays.stream(x).map(v -> NumberCircuit.signed(v, k)).reduce(BigInteger.ZERO, BigInteger::add)
        };
    }

    @Test
    void everyMethodIsExactOnAllSmallInputs() {
        int[][] shapes = {{2, 5}, {3, 3}, {4, 4}, {5, 3}, {7, 2}, {16, 1}};
        for (Method method : Method.values()) {
            for (int[] s : shapes) {
                unsigned(s[0], s[1], method).checkExhaustive(SUM);
                if (s[1] >= 2) signed(s[0], s[1], method).checkExhaustive(signedSum(s[1]));
            }
        }
    }

    @Test
    void everyMethodMatchesBigIntegerOnRandomInputs() {
        for (Method method : Method.values()) {
            unsigned(16, 12, method).checkRandom(10_000, new SplittableRandom(1), SUM);
            signed(13, 6, method).checkRandom(10_000, new SplittableRandom(2), signedSum(6));
        }
    }

    @Test
    void numbersOfDifferentWidthsAndATruncatedWidth() {
        for (Method method : Method.values()) {
            NumberCircuit c = NumberCircuit.single(new int[] {5, 1, 3, 4}, (b, in) -> method.sum(b, in, 6));
            c.checkExhaustive(SUM);
        }
    }

    @Test
    void depthIsIndependentOfTheNumberOfSummands() {
        for (int m = 4; m <= 64; m += m < 16 ? 1 : 6) {
            int k = 8;
            assertEquals(2, unsigned(m, k, Method.DIRECT).depth(), "direct, m=" + m);
            assertEquals(4, unsigned(m, k, Method.BLOCK_SAVE_WEIGHTED).depth(), "block-save + weighted adder, m=" + m);
            assertEquals(7, unsigned(m, k, Method.BLOCK_SAVE).depth(), "block-save + carry-lookahead, m=" + m);
            assertEquals(2 * rounds(m) + 5, unsigned(m, k, Method.COLUMNS).depth(), "column counting, m=" + m);
        }
    }

    @Test
    void depthIsIndependentOfTheWidth() {
        // 8 summands make blocks of 3 bits; from k = 7 on, A and B overlap in at least two blocks
        // and the final adder's carry chain reaches its full depth
        for (int k = 7; k <= 40; k++) {
            assertEquals(2, unsigned(8, k, Method.DIRECT).depth(), "direct, k=" + k);
            assertEquals(7, unsigned(8, k, Method.BLOCK_SAVE).depth(), "block-save, k=" + k);
        }
    }

    @Test
    void directSizeStaysWithinTheBound() {
        for (int m = 2; m <= 32; m += 5) {
            for (int k = 2; k <= 24; k += 7) {
                int gates = unsigned(m, k, Method.DIRECT).gates();
                int width = Bits.bitLength((long) m * ((1L << k) - 1));
                long bound = 0;
                for (int i = 0; i < width; i++) {
                    long t = i < k ? 2L * m - 1 : ((long) m << k) >> i;
                    bound += t + 1;
                }
                assertEquals(true, gates <= bound, "direct m=" + m + " k=" + k + ": " + gates + " > " + bound);
            }
        }
    }

    @Test
    void blockSaveLeavesTwoNumbersWithTheSameSum() {
        for (int m : new int[] {3, 6, 8}) {
            NumberCircuit c =
                    NumberCircuit.of(widths(m, 2), (b, in) -> IteratedAddition.blockSave(b, in, 2 + Bits.ceilLog2(m)));
            c.checkExhaustiveRelation((in, out) -> out.length == 2
                    && out[0].add(out[1]).equals(Arrays.stream(in).reduce(BigInteger.ZERO, BigInteger::add)));
            assertEquals(2, c.depth(), "block-save depth, m=" + m);
        }
    }

    /** Rounds of m -> ceil(log2(m+1)) until at most 2 numbers remain. */
    private static int rounds(int m) {
        int r = 0;
        while (m > 2) {
            m = Bits.bitLength(m);
            r++;
        }
        return r;
    }
}
