package dev.tc0.eval;

/**
 * How a plan is evaluated over one tile's arena: the engine's only view of a kernel set. The
 * interpreters ({@link WordKernels}: {@link ScalarKernels} and the Vector API twin) dispatch one
 * word loop per run of gates; the code generator ({@code dev.tc0.eval.codegen}) compiles the plan
 * into straight-line JVM code. Both read inputs from and leave values in the same slots, so the
 * engine's sources, sinks and modes do not depend on the choice.
 */
public abstract class Kernels {
    public abstract String name();

    @Override
    public String toString() {
        return name();
    }

    /**
     * Gets ready to run {@code plan} on tiles of {@code words} words, before the timed part of a
     * run, and returns the nanoseconds that took (0 when there is nothing to prepare). The
     * interpreters need nothing; the code generator emits and loads its classes here.
     */
    public long prepare(EvalPlan plan, int words) {
        return 0;
    }

    /**
     * The kernel set to run a batch of {@code count} patterns ({@code -1}: unknown) of {@code plan}
     * on {@code threads} threads with: this one, unless the set chooses per batch ({@code auto},
     * which may pick native code for a batch that repays compiling it). The engine asks once per
     * run; results never depend on the answer.
     */
    public Kernels choose(EvalPlan plan, long count, int threads) {
        return this;
    }

    /**
     * The kernels {@link Warmup} runs before a timed run: these, unless they have nothing the JIT
     * needs to compile (native code), when the interpreter they fall back on stands in.
     */
    public Kernels warmUpWith() {
        return this;
    }

    /**
     * The tile width this kernel set runs {@code plan} best at, or 0 to leave it to the engine
     * (an arena that fits L2). The engine takes it unless the options name a width.
     */
    public int preferredTileWords(EvalPlan plan) {
        return 0;
    }

    /**
     * The whole plan over one tile, level by level, run by run.
     *
     * @param words        tile width in words: slot {@code s} occupies {@code v[s*words ..]}
     * @param scratchBase  arena offset of this task's scratch planes, each {@code strip} words
     * @param strip        words per COUNT strip; divides {@code words}
     */
    public abstract void evalTile(EvalPlan plan, long[] v, int words, int scratchBase, int strip);

    /**
     * Plan gates {@code from .. to} of level {@code level} over one tile: a task of the level
     * engine. {@code from} and {@code to} are cuts this kernel set chose ({@link #cut}).
     */
    public abstract void evalGates(
            EvalPlan plan, int level, int from, int to, long[] v, int words, int scratchBase, int strip);

    /**
     * The cut at or next to plan gate {@code g} of level {@code level} where the level engine may
     * split the level between tasks; {@code g} itself for the interpreters, a chunk boundary for
     * generated code, which runs whole chunks only.
     */
    public int cut(EvalPlan plan, int level, int g, int words) {
        return g;
    }
}
