package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.transformer.ModelConfig;
import java.util.List;

/** Test helper: see {@link Verification}. */
final class LoweringCheck {
    private LoweringCheck() {}

    static List<int[]> inputs(ModelConfig c, int n, int limit, int random, long seed) {
        return Verification.inputs(c, n, limit, random, seed);
    }

    /** Fails at the first word where circuit and reference differ; else the words compared in full. */
    static int check(CompiledModel cm, List<int[]> words) {
        Verification.Verdict v = Verification.check(cm, words);
        assertTrue(v.agrees(), () -> v.mismatch().message());
        return v.agreed();
    }
}
