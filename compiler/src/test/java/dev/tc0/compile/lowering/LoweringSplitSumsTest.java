package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A mean whose selected keys weigh far more than the others (frac_prevs' layer 1: Tracr's
 * selection by scores gives the unselected keys e^-20 of a selected one's weight), y = ⊕_k α_k ⊗
 * x_k with x_k in {0, 1}, against {@link PMath} on every input (13 keys, 8,192 inputs).
 *
 * <p>Four selected keys weigh 1/4, nine others 127·2^-40 each (a full mantissa at p = 16, so the
 * grid unit is 2^-40): 5 x 10 = 50 exact sums, past the cap of 40 used here. The spans' intervals
 * ([K/4, K/4 + 9·127·2^-40] for K = 0..4) hold several hundred p = 16 results, since f_p tells
 * apart every grid value below 128 and every second one below 256; the achievable sums
 * ({@link Threshold#split}: K/4 plus one of the ten multiples of 127·2^-40) have only 14.
 */
class LoweringSplitSumsTest {

    private static final Precision PREC = Precision.of(16);
    private static final int SELECTED = 4, OTHERS = 9, KEYS = SELECTED + OTHERS;

    private static ScalarLowering.Limits limits(boolean blockSums) {
        ScalarLowering.Limits d = ScalarLowering.Limits.DEFAULT;
        return new ScalarLowering.Limits(
                40, d.maxDomain(), d.maxGates(), d.maxWeightBits(), d.maxWideBits(), 32, d.maxEdges(), blockSums);
    }

    private static PFloat[] weights() {
        PFloat[] alpha = new PFloat[KEYS];
        for (int k = 0; k < KEYS; k++) alpha[k] = k < SELECTED ? PREC.fromDouble(0.25) : new PFloat(PREC.p(), 127, -40);
        return alpha;
    }

    private record Built(CircuitBuilder b, Scalar y) {}

    /** One 0/1 input per key, y = ⊕ α_k ⊗ x_k. */
    private static Built build(ScalarLowering.Limits limits) {
        PFloat[] alpha = weights();
        CircuitBuilder b = new CircuitBuilder();
        ScalarLowering s = new ScalarLowering(b, PREC, limits);
        List<Scalar> terms = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            PFloat a = alpha[k];
            Domain x = s.domainOf(b.inputs("x" + k, 2));
            terms.add(s.map(s.of(x, new PFloat[] {PREC.zero(), PREC.one()}), v -> PMath.multiply(PREC, a, v)));
        }
        Scalar y = s.sum(terms);
        b.outputs("y", s.bits(y));
        return new Built(b, y);
    }

    /**
     * With block sums the sum is found among its achievable values: one minterm per result that
     * occurs (14), and y's bits equal PMath's exact sum on every input. Without them the sums pass
     * the cap, the intervals' results pass the cap on runs, and the value-set route refuses.
     */
    @Test
    void splitSumsHaveOneRunPerResultAndEqualPMath() {
        PFloat[] alpha = weights();
        Built built = build(limits(true));
        Circuit c = built.b().build();
        Set<PFloat> results = new HashSet<>();
        for (int mask = 0; mask < 1 << KEYS; mask++) {
            boolean[] in = new boolean[c.numInputs()];
            List<PFloat> terms = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                boolean on = (mask >> k & 1) != 0;
                in[2 * k + (on ? 1 : 0)] = true;
                terms.add(PMath.multiply(PREC, alpha[k], on ? PREC.one() : PREC.zero()));
            }
            PFloat want = PMath.sum(PREC, terms);
            results.add(want);
            boolean[] out = c.evaluate(in);
            long code = 0;
            for (int i = 0; i < PREC.p(); i++) if (out[i]) code |= 1L << i;
            assertEquals(want, PREC.decode(code), "y at keys " + Integer.toBinaryString(mask));
        }
        assertEquals(14, results.size(), "results that occur");
        assertEquals(results.size(), built.y().domain().size(), "one minterm per result that occurs");
        LoweringLimitException refused = assertThrows(LoweringLimitException.class, () -> build(limits(false)));
        // one short line however many positions the sum spans
        assertTrue(
                refused.getMessage().contains("a sum of 13 independent scalars (2 minterms each) has more than 40"),
                refused.getMessage());
    }
}
