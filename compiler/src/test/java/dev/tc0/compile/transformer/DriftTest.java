package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.transformer.models.ModelRegistry;
import dev.tc0.compile.transformer.models.PaperModels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** p-precision against double precision on the same operations. */
class DriftTest {

    @Test
    void driftShrinksAsPrecisionGrows() {
        List<int[]> inputs = RandomModels.allInputs(3, 3);
        double previous = Double.POSITIVE_INFINITY, first = 0;
        for (int p : new int[] {10, 16, 24}) {
            Transformer m =
                    RandomModels.random(11, PrecisionSpec.bits(p), AttentionKind.SOFTMAX, true, OutputMode.VALUE);
            Drift drift = Drift.measure(new Reference(m), inputs);
            assertTrue(
                    drift.maxStateDeviation() < previous,
                    "p=" + p + ": " + drift.maxStateDeviation() + " not below " + previous);
            if (first == 0) first = drift.maxStateDeviation();
            previous = drift.maxStateDeviation();
        }
        // 7 more mantissa bits from p=10 to p=24: the drift should fall by more than an order of magnitude
        assertTrue(previous < first / 20, "drift " + first + " at p=10 but still " + previous + " at p=24");
    }

    @Test
    void shippedModelsDecideLikeTheirDoublePrecisionTwins() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (String name : List.of("majority", "dyck1", "hist", "sort_unique", "reverse")) {
            Reference ref = new Reference(ModelRegistry.get(name));
            ModelConfig c = ref.model().config();
            List<int[]> inputs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = rnd.nextInt(1, Math.min(c.maxSeqLen(), 9));
                int[] w = new int[n];
                int first = c.bos() == null ? 0 : 1;
                for (int k = first; k < n; k++)
                    w[k] = rnd.nextInt(first, c.vocab().size());
                if (name.equals("sort_unique")) w = distinctPrefix(w);
                inputs.add(w);
            }
            Drift drift = Drift.measure(ref, inputs);
            assertEquals(0, drift.outputDisagreements(), name + ": " + drift);
        }
    }

    /** BOS followed by distinct tokens (sort_unique's domain). */
    private static int[] distinctPrefix(int[] w) {
        List<Integer> seen = new ArrayList<>();
        for (int k = 1; k < w.length; k++) if (!seen.contains(w[k])) seen.add(w[k]);
        int[] out = new int[seen.size() + 1];
        for (int k = 0; k < seen.size(); k++) out[k + 1] = seen.get(k);
        return out;
    }

    @Test
    void majorityDriftIsOnlyTheTruncatedWeights() {
        Reference ref = new Reference(PaperModels.majority(16));
        Drift drift = Drift.measure(ref, List.of(new int[] {1, 1, 0}, new int[] {1, 0, 1, 0, 1}));
        assertEquals(0, drift.outputDisagreements());
        assertTrue(drift.maxStateDeviation() > 0 && drift.maxStateDeviation() < 0.1, drift.toString());
    }
}
