package dev.tc0.eval.codegen;

import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.Kernels;

/**
 * A plan compiled for one tile width: its chunks, the loaded classes that run them, and the
 * interpreter that runs the chunks too large to generate.
 */
final class CompiledPlan {
    final Chunks chunks;
    final int words;
    final long generationNanos;
    private final ChunkRunner[] runners;
    private final Kernels interpreter;

    CompiledPlan(EvalPlan plan, int words, int budget, Kernels interpreter) {
        long t0 = System.nanoTime();
        this.chunks = Chunks.of(plan, budget);
        this.words = words;
        this.runners = PlanClasses.load(chunks, words);
        this.interpreter = interpreter;
        this.generationNanos = System.nanoTime() - t0;
    }

    /** Chunks {@code from .. to} in order over one tile. */
    void run(int from, int to, long[] v, int scratchBase, int strip) {
        for (int c = from; c < to; c++) {
            if (chunks.interpreted[c]) {
                int g0 = chunks.start[c], g1 = chunks.start[c + 1];
                interpreter.evalGates(chunks.plan, chunks.level[c], g0, g1, v, words, scratchBase, strip);
            } else {
                runners[c / PlanClasses.CHUNKS_PER_CLASS].run(c % PlanClasses.CHUNKS_PER_CLASS, v);
            }
        }
    }
}
