package dev.tc0.eval.codegen;

import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.Kernels;
import java.nio.file.Files;

/**
 * The {@code auto} kernel set: the interpreter, or the native kernels for a run whose batch
 * repays compiling the plan with the machine's C compiler ({@link #choose}). Every method but
 * {@code choose} is the interpreter's, so code that asks for {@code auto} without a batch in
 * hand (a warm-up, a tile width) gets the interpreter.
 */
public final class AutoKernels extends Kernels {
    /**
     * The interpreter's speed assumed per thread, in edge evaluations per second: above what it
     * reaches (the multiplier about 9e11 per core, hist at n = 64 about 5e11), so its time is
     * underestimated and native code is chosen late rather than early.
     */
    static final double INTERPRETER_EDGES_PER_SECOND = 1e12;
    /**
     * gcc's time per edge on one core, above what it took here (1.0-1.2e-4 s on the multiplier,
     * c6288 and dyck1 at n = 64; 1.7e-5 on a random two-input circuit).
     */
    static final double COMPILE_SECONDS_PER_EDGE = 2e-4;
    /** Loading a cached library: writing and hashing the source, then the loader (0.05-0.4 s here). */
    static final double LOAD_SECONDS = 0.5;
    /** The share of the interpreter's time native code saves: it ran 2.6-3.9x faster, so about 0.6-0.75. */
    static final double SAVED = 0.6;
    /**
     * Plans with more edges stay on the interpreter: native code's lead shrinks as its code
     * outgrows the caches (one thread, against the vector interpreter: the EPFL multiplier, 54 k
     * edges, 3.9x; hyp, 429 k edges, 3.4x; a 128-bit ripple multiplier, 356 k edges, 2.2x; the
     * 256-bit one, 1.4 M edges and 12 MB of code, 1.0-1.15x), and its compile grows with it.
     */
    static final long MAX_EDGES = 1 << 20;
    /** Below this estimated interpreter time nothing is worth checking (no compiler probe, no hash). */
    static final double MIN_SECONDS = 1.0;

    private final Kernels interpreter;
    private final NativeKernels nativeKernels;
    private final double edgesPerSecond;

    /** Auto over {@code interpreter}; native code when a batch repays it. */
    public AutoKernels(Kernels interpreter) {
        this(interpreter, NativeKernels.INSTANCE, INTERPRETER_EDGES_PER_SECOND);
    }

    /** Auto assuming the interpreter runs {@code edgesPerSecond} per thread (tests make it slow). */
    AutoKernels(Kernels interpreter, NativeKernels nativeKernels, double edgesPerSecond) {
        this.interpreter = interpreter;
        this.nativeKernels = nativeKernels;
        this.edgesPerSecond = edgesPerSecond;
    }

    /** The interpreter this set runs when native code does not pay. */
    public Kernels interpreter() {
        return interpreter;
    }

    /**
     * Native code when a C compiler runs here and the interpreter's estimated time for the batch
     * ({@link #INTERPRETER_EDGES_PER_SECOND} per thread) would save more than the library costs:
     * {@link #LOAD_SECONDS} when it is in the cache, {@link #COMPILE_SECONDS_PER_EDGE} per edge
     * when it must be compiled, divided among the compilers that run at once ({@link
     * NativeKernels#compileJobs}). The multiplier (54 k edges) on one thread thus switches at about
     * 2^24 patterns with its library cached and 2^28 without; a batch of unknown size, and a plan
     * of more than {@link #MAX_EDGES} edges, stay on the interpreter.
     */
    @Override
    public Kernels choose(EvalPlan plan, long count, int threads) {
        if (count <= 0 || plan.numEdges() > MAX_EDGES) return interpreter;
        double interpreted = plan.numEdges() * (double) count / (edgesPerSecond * threads);
        if (interpreted < MIN_SECONDS || !NativeKernels.compilerProbed()) return interpreter;
        boolean cached = Files.isRegularFile(nativeKernels.libraryPath(plan));
        double cost =
                cached ? LOAD_SECONDS : COMPILE_SECONDS_PER_EDGE * plan.numEdges() / nativeKernels.compileJobs(plan);
        return SAVED * interpreted > cost ? nativeKernels : interpreter;
    }

    @Override
    public String name() {
        return interpreter.name();
    }

    @Override
    public Kernels warmUpWith() {
        return interpreter.warmUpWith();
    }

    @Override
    public long prepare(EvalPlan plan, int words) {
        return interpreter.prepare(plan, words);
    }

    @Override
    public int preferredTileWords(EvalPlan plan) {
        return interpreter.preferredTileWords(plan);
    }

    @Override
    public void evalTile(EvalPlan plan, long[] v, int words, int scratchBase, int strip) {
        interpreter.evalTile(plan, v, words, scratchBase, strip);
    }

    @Override
    public void evalGates(EvalPlan plan, int level, int from, int to, long[] v, int words, int scratchBase, int strip) {
        interpreter.evalGates(plan, level, from, to, v, words, scratchBase, strip);
    }

    @Override
    public int cut(EvalPlan plan, int level, int g, int words) {
        return interpreter.cut(plan, level, g, words);
    }
}
