package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.testing.NumberCircuit;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdditionTest {
    private static NumberCircuit adder(int k, Weights w) {
        return NumberCircuit.single(new int[] {k, k}, (b, in) -> Addition.add(b, in[0], in[1], k + 1, w));
    }

    @Test
    void exhaustiveForSmallWidths() {
        for (Weights w : Weights.values()) {
            for (int k = 1; k <= 7; k++) adder(k, w).checkExhaustive(x -> new BigInteger[] {x[0].add(x[1])});
        }
    }

    @Test
    void randomForWideWidths() {
        for (Weights w : Weights.values()) {
            for (int k : new int[] {16, 40, 61}) {
                adder(k, w).checkRandom(10_000, new SplittableRandom(k), x -> new BigInteger[] {x[0].add(x[1])});
            }
        }
        adder(64, Weights.UNIT).checkRandom(10_000, new SplittableRandom(64), x -> new BigInteger[] {x[0].add(x[1])});
    }

    @Test
    void truncatedWidthGivesTheSumModuloAPowerOfTwo() {
        for (Weights w : Weights.values()) {
            NumberCircuit c = NumberCircuit.single(new int[] {6, 4}, (b, in) -> Addition.add(b, in[0], in[1], 5, w));
            c.checkExhaustive(x -> new BigInteger[] {x[0].add(x[1])});
        }
    }

    @Test
    void weightedAdderHasDepthTwoAndFourKMinusOneGates() {
        for (int k = 1; k <= 61; k++) {
            NumberCircuit c = adder(k, Weights.LARGE);
            assertEquals(4 * k - 1, c.gates(), "gates, k=" + k);
            assertEquals(2, c.depth(), "depth, k=" + k);
        }
    }

    @Test
    void carryLookaheadHasDepthFiveAndQuadraticSize() {
        for (int k = 2; k <= 48; k++) {
            NumberCircuit c = adder(k, Weights.UNIT);
            assertEquals(k * (k - 1) / 2 + 7 * k - 4, c.gates(), "gates, k=" + k);
            assertEquals(k == 2 ? 3 : 5, c.depth(), "depth, k=" + k);
        }
    }
}
