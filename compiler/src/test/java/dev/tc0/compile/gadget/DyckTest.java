package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.testing.NumberCircuit;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DyckTest {
    /** Bit i of the word is true for '(' at position i. */
    private static BigInteger balanced(BigInteger word, int n) {
        int depth = 0;
        for (int i = 0; i < n; i++) {
            depth += word.testBit(i) ? 1 : -1;
            if (depth < 0) return BigInteger.ZERO;
        }
        return depth == 0 ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static NumberCircuit dyck(int n) {
        return NumberCircuit.single(new int[] {n}, (b, in) -> new int[] {Dyck.balanced(b, in[0])});
    }

    @Test
    void exhaustiveUpToSixteenSymbols() {
        for (int n = 1; n <= 16; n++) {
            int nn = n;
            NumberCircuit c = dyck(n);
            c.checkExhaustive(x -> new BigInteger[] {balanced(x[0], nn)});
            assertTrue(c.gates() <= n + 1, "gates " + c.gates() + " for n=" + n);
        }
    }

    @Test
    void randomBalancedAndNearBalancedWords() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 40;
        // random words are almost never balanced: build balanced ones and perturb some
        dyck(n).checkSampled(
                        10_000,
                        widths -> {
                            BigInteger w = BigInteger.ZERO;
                            int open = 0;
                            for (int i = 0; i < n; i++) {
                                boolean mustClose = open == n - i, mayClose = open > 0;
                                boolean o = !mustClose && (!mayClose || rnd.nextBoolean());
                                if (o) {
                                    w = w.setBit(i);
                                    open++;
                                } else open--;
                            }
                            if (rnd.nextBoolean()) w = w.flipBit(rnd.nextInt(n));
                            return new BigInteger[] {w};
                        },
                        x -> new BigInteger[] {balanced(x[0], n)});
    }

    @Test
    void depthTwoForEveryEvenLengthAndConstantFalseForOdd() {
        for (int n = 2; n <= 64; n++) assertEquals(n % 2 == 0 ? 2 : 0, dyck(n).depth(), "n=" + n);
    }
}
