package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.gadget.IteratedAddition.Method;
import dev.tc0.compile.testing.NumberCircuit;
import java.math.BigInteger;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiplicationTest {
    /** Depth by method: one level of partial products plus the iterated addition. */
    private static final Map<Method, Integer> DEPTH =
            Map.of(Method.DIRECT, 3, Method.BLOCK_SAVE_WEIGHTED, 5, Method.BLOCK_SAVE, 8, Method.COLUMNS, -1);

    private static NumberCircuit multiplier(int kx, int ky, Method method) {
        return NumberCircuit.single(new int[] {kx, ky}, (b, in) -> Multiplication.multiply(b, in[0], in[1], method));
    }

    @Test
    void exhaustiveForSmallWidths() {
        for (Method method : Method.values()) {
            for (int k = 1; k <= 5; k++)
                multiplier(k, k, method).checkExhaustive(x -> new BigInteger[] {x[0].multiply(x[1])});
            multiplier(6, 3, method).checkExhaustive(x -> new BigInteger[] {x[0].multiply(x[1])});
        }
    }

    @Test
    void randomForWiderWidths() {
        for (Method method : Method.values()) {
            multiplier(16, 16, method)
                    .checkRandom(10_000, new SplittableRandom(16), x -> new BigInteger[] {x[0].multiply(x[1])});
        }
    }

    @Test
    void depthIsIndependentOfTheWidth() {
        for (Method method : new Method[] {Method.DIRECT, Method.BLOCK_SAVE_WEIGHTED, Method.BLOCK_SAVE}) {
            for (int k = 6; k <= 31; k += 5) {
                assertEquals(DEPTH.get(method), multiplier(k, k, method).depth(), method + ", k=" + k);
            }
        }
    }
}
