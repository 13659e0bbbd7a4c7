package dev.tc0.compile.advice;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.circuit.io.PrefixWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Negations folded into threshold gates: the same function on every input, a threshold depth never
 * above the plain prefix writer's, and exactly the circuit's depth when no gate mixes negated and
 * plain inputs and no XOR is negated.
 */
class NegationAbsorptionTest {

    /** The threshold depth of a circuit's single output written by the prefix writer as it is. */
    static int prefixDepth(Circuit c) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrefixWriter.write(c, text, "test");
        return ThresholdForm.parse(ThresholdForm.tokens(text.toString(StandardCharsets.US_ASCII)))
                .depth();
    }

    /**
     * A random circuit over 8 inputs: gates of every kind but WEIGHTED on random literals of the
     * inputs and earlier gates, each negated with probability 1/2 (inputs only when
     * {@code negatedInputs}), one output, often negated.
     */
    static Circuit random(SplittableRandom rnd, boolean negatedInputs, boolean xor) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 8);
        List<Integer> gates = new ArrayList<>();
        int last = x[0];
        for (int g = 0; g < 12; g++) {
            int m = rnd.nextInt(2, 5);
            int[] ops = new int[m];
            for (int i = 0; i < m; i++) {
                boolean gate = !gates.isEmpty() && rnd.nextBoolean();
                int lit = gate ? gates.get(rnd.nextInt(gates.size())) : x[rnd.nextInt(x.length)];
                ops[i] = (gate || negatedInputs) && rnd.nextBoolean() ? Literal.not(lit) : lit;
            }
            last = switch (rnd.nextInt(xor ? 4 : 3)) {
                case 0 -> b.and(ops);
                case 1 -> b.or(ops);
                case 2 -> b.threshold(rnd.nextInt(1, m + 1), ops);
                default -> b.xor(ops);
            };
            if (!Literal.isConstant(last) && (last >>> 1) > x.length) gates.add(last & ~1);
        }
        b.output("y", rnd.nextBoolean() ? Literal.not(last) : last);
        return b.build();
    }

    @Test
    void sameFunctionAndNoDeeperThanThePlainWriter() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        int shallower = 0;
        for (int k = 0; k < 300; k++) {
            Circuit c = random(rnd, rnd.nextBoolean(), rnd.nextBoolean());
            if (c.numGates() == 0) continue;
            Circuit a = NegationAbsorption.of(c);
            assertEquals(c.inputNames(), a.inputNames());
            assertEquals(c.outputNames(), a.outputNames());
            for (boolean[] in : CheckInputs.of(c.numInputs(), 0, 0))
                assertArrayEquals(c.evaluate(in), a.evaluate(in), "circuit " + k + " on " + CheckInputs.bits(in));
            int before = prefixDepth(c), after = prefixDepth(a);
            assertTrue(after <= before, "circuit " + k + ": threshold depth " + after + " > " + before);
            if (after < before) shallower++;
        }
        assertTrue(shallower > 50, "only " + shallower + " of 300 circuits got shallower");
    }

    /** Without negated inputs and XOR, every negation is absorbed: the threshold depth is the circuit's. */
    @Test
    void negatedGateOutputsCostNoLevel() throws Exception {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int k = 0; k < 200; k++) {
            Circuit c = random(rnd, false, false);
            if (c.numGates() == 0 || c.output(0) >>> 1 <= c.numInputs()) continue;
            assertEquals(c.depth(), prefixDepth(NegationAbsorption.of(c)), "circuit " + k);
        }
    }
}
