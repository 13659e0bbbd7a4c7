package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.testing.NumberCircuit;
import dev.tc0.compile.testing.Samplers;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static BigInteger bit(boolean v) {
        return v ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static NumberCircuit all(int k, Weights w) {
        return NumberCircuit.of(new int[] {k, k}, (b, in) -> new int[][] {
            {Comparison.greaterThan(b, in[0], in[1], w)},
            {Comparison.atLeast(b, in[0], in[1], w)},
            {Comparison.equal(b, in[0], in[1], w)}
        });
    }

    private static final Function<BigInteger[], BigInteger[]> REFERENCE = x -> {
        int c = x[0].compareTo(x[1]);
        return new BigInteger[] {bit(c > 0), bit(c >= 0), bit(c == 0)};
    };

    @Test
    void exhaustiveForSmallWidths() {
        for (Weights w : Weights.values())
            for (int k = 1; k <= 6; k++) all(k, w).checkExhaustive(REFERENCE);
    }

    @Test
    void randomNearbyOperandsForWideWidths() {
        for (Weights w : Weights.values()) {
            for (int k : new int[] {16, 33, 62}) {
                all(k, w).checkSampled(10_000, Samplers.nearby(new SplittableRandom(k)), REFERENCE);
            }
        }
    }

    @Test
    void sizeAndDepthFollowTheFormulasForEveryWidth() {
        for (int k = 2; k <= 62; k++) {
            int kk = k;
            NumberCircuit large = NumberCircuit.single(
                    new int[] {k, k}, (b, in) -> new int[] {Comparison.greaterThan(b, in[0], in[1], Weights.LARGE)});
            assertEquals(1, large.gates());
            assertEquals(1, large.depth());
            NumberCircuit unit = NumberCircuit.single(
                    new int[] {k, k}, (b, in) -> new int[] {Comparison.greaterThan(b, in[0], in[1], Weights.UNIT)});
            assertEquals(2 * kk, unit.gates(), "unit comparator gates, k=" + k);
            assertEquals(3, unit.depth(), "unit comparator depth, k=" + k);
            NumberCircuit eqLarge = NumberCircuit.single(
                    new int[] {k, k}, (b, in) -> new int[] {Comparison.equal(b, in[0], in[1], Weights.LARGE)});
            assertEquals(3, eqLarge.gates());
            assertEquals(2, eqLarge.depth());
            NumberCircuit eqUnit = NumberCircuit.single(
                    new int[] {k, k}, (b, in) -> new int[] {Comparison.equal(b, in[0], in[1], Weights.UNIT)});
            assertEquals(3 * kk + 1, eqUnit.gates(), "unit equality gates, k=" + k);
            assertEquals(3, eqUnit.depth());
        }
    }

    @Test
    void equalityToAConstantIsOneGate() {
        for (int k = 1; k <= 8; k++) {
            for (long c = -1; c <= (1L << k); c++) {
                long cc = c;
                NumberCircuit nc = NumberCircuit.single(
                        new int[] {k}, (b, in) -> new int[] {Comparison.equalsConstant(b, in[0], cc)});
                nc.checkExhaustive(x -> new BigInteger[] {bit(x[0].longValue() == cc)});
                assertEquals(k >= 2 && c >= 0 && c < (1L << k) ? 1 : 0, nc.gates());
            }
        }
    }

    @Test
    void operandsOfDifferentWidthsAreZeroExtended() {
        for (Weights w : Weights.values()) {
            NumberCircuit c = NumberCircuit.of(new int[] {5, 3}, (b, in) -> new int[][] {
                {Comparison.greaterThan(b, in[0], in[1], w)},
                {Comparison.atLeast(b, in[0], in[1], w)},
                {Comparison.equal(b, in[0], in[1], w)}
            });
            c.checkExhaustive(REFERENCE);
        }
    }
}
