package dev.tc0.compile.lowering;

import dev.tc0.compile.transformer.ModelConfig;

import java.util.List;

/** Test helper: see {@link Verification}. */
final class LoweringCheck {
    private LoweringCheck() {}

    static List<int[]> inputs(ModelConfig c, int n, int limit, int random, long seed) {
        return Verification.inputs(c, n, limit, random, seed);
    }

    static int check(CompiledModel cm, List<int[]> words) {
        return Verification.check(cm, words);
    }
}
