package dev.tc0.compile.advice;

import dev.tc0.compile.transformer.Reference;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The check of Corollary 3.2 on one circuit: the exact reference forward pass of the advice
 * transformer on advice ‖ x against the circuit's value from the evaluator, for every output and
 * every given input.
 */
public final class AdviceCheck {
    /** Inputs compared (per output), and the first disagreement, or null. */
    public record Result(int checked, String mismatch) {
        public boolean ok() {
            return mismatch == null;
        }
    }

    private AdviceCheck() {}

    public static Result run(AdviceTransformer at, List<boolean[]> inputs) {
        int outputs = at.circuit().numOutputs();
        // the reference memoises and is not thread-safe: one per chunk, and one per output in it,
        // since it reuses what the previous pass on the same advice computed
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), inputs.size() / 16));
        String[] first = new String[chunks];
        int[] firstAt = new int[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Reference[] ref = new Reference[outputs];
            for (int o = 0; o < outputs; o++) ref[o] = new Reference(at.model());
            for (int w = c; w < inputs.size() && first[c] == null; w += chunks) {
                boolean[] x = inputs.get(w);
                boolean[] want = at.circuit().evaluate(x);
                for (int o = 0; o < outputs; o++) {
                    boolean got = ref[o].output(at.encode(o, x)).accepted();
                    if (got != want[o]) {
                        first[c] = "on input " + CheckInputs.bits(x) + " output " + o + " ("
                                + at.circuit().outputName(o) + "): the transformer says " + (got ? 1 : 0)
                                + ", the circuit " + (want[o] ? 1 : 0);
                        firstAt[c] = w;
                        break;
                    }
                }
            }
        });
        String mismatch = null;
        int at0 = Integer.MAX_VALUE;
        for (int c = 0; c < chunks; c++)
            if (first[c] != null && firstAt[c] < at0) {
                at0 = firstAt[c];
                mismatch = first[c];
            }
        return new Result(inputs.size(), mismatch);
    }
}
