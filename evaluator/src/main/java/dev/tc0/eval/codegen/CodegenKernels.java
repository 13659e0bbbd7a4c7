package dev.tc0.eval.codegen;

import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.Kernels;

/**
 * The code-generating kernel sets ({@code -Dtc0.kernels=codegen|codegen-vector}, {@code tc0 eval
 * --kernels ...}): each plan is compiled, once per tile width, into hidden classes of
 * straight-line code ({@link Chunks}, {@link ChunkEmitter}, {@link PlanClasses}), so a tile runs
 * without a dispatch per gate. {@code codegen} computes one {@code long} per operation, {@code
 * codegen-vector} one {@code LongVector} of the vector interpreter's species ({@link WordCode}).
 * Compiled plans live with their plan ({@link EvalPlan#derived}).
 */
public final class CodegenKernels extends Kernels {
    /** Bytecode bytes per generated chunk method by default. */
    public static final int DEFAULT_CHUNK_BYTES = Chunks.DEFAULT_BUDGET;

    /**
     * Bytecode bytes per chunk of the vector variant: small enough that C2 inlines every {@code
     * LongVector} call of a chunk, so no vector is boxed (measured in src/docs/results/codegen.md).
     */
    public static final int VECTOR_CHUNK_BYTES = 1000;

    /**
     * The default set. {@code -Dtc0.codegen.chunkBytes=N} sets the chunk budget and
     * {@code -Dtc0.codegen.warmUp=false} skips the JIT warm-up, for measurements.
     */
    public static final CodegenKernels INSTANCE = new CodegenKernels(
            Integer.getInteger("tc0.codegen.chunkBytes", DEFAULT_CHUNK_BYTES),
            warmUpByDefault(),
            WordCode.LongCode.INSTANCE);

    private final int budget;
    private final boolean warmUp;
    private final WordCode code;
    private final Kernels interpreter;

    private CodegenKernels(int budget, boolean warmUp, WordCode code) {
        if (budget < 1) throw new IllegalArgumentException("chunk budget must be positive, not " + budget);
        this.budget = budget;
        this.warmUp = warmUp;
        this.code = code;
        Kernels v = KernelProvider.vectorOrNull();
        this.interpreter = v != null ? v : KernelProvider.scalar();
    }

    /**
     * Kernels whose chunks take at most {@code budget} bytes of bytecode, with or without the JIT
     * warm-up before a run (tests of small plans skip it: it pays only over millions of patterns).
     */
    public static CodegenKernels of(int budget, boolean warmUp) {
        return new CodegenKernels(budget, warmUp, WordCode.LongCode.INSTANCE);
    }

    /**
     * The vector variant's default set ({@code -Dtc0.codegen.vectorChunkBytes=N} sets its chunk
     * budget), or null when the Vector API module is absent.
     */
    public static CodegenKernels vectorOrNull() {
        try {
            return VectorDefault.INSTANCE;
        } catch (LinkageError e) {
            return null;
        }
    }

    /** The vector variant with chunks of at most {@code budget} bytes; needs the Vector API module. */
    public static CodegenKernels vector(int budget, boolean warmUp) {
        return new CodegenKernels(budget, warmUp, VectorCode.INSTANCE);
    }

    /** Loaded on first use only: {@link VectorCode} needs {@code jdk.incubator.vector}. */
    private static final class VectorDefault {
        static final CodegenKernels INSTANCE =
                vector(Integer.getInteger("tc0.codegen.vectorChunkBytes", VECTOR_CHUNK_BYTES), warmUpByDefault());
    }

    private static boolean warmUpByDefault() {
        return !"false".equals(System.getProperty("tc0.codegen.warmUp"));
    }

    @Override
    public String name() {
        return code.kernelsName();
    }

    /**
     * Small tiles: a generated chunk runs word by word, so the tile need not amortise a dispatch
     * per gate, and a small arena keeps every value a block touches close (on the multiplier,
     * 32-word tiles ran 2-3x faster than the interpreter's 256).
     */
    @Override
    public int preferredTileWords(EvalPlan plan) {
        return CompiledPlan.TILE_WORDS;
    }

    @Override
    public long prepare(EvalPlan plan, int words) {
        long t0 = System.nanoTime();
        compiled(plan, words);
        return System.nanoTime() - t0;
    }

    @Override
    public void evalTile(EvalPlan plan, long[] v, int words, int scratchBase, int strip) {
        CompiledPlan p = compiled(plan, words);
        p.run(0, p.chunks.count(), v, scratchBase, strip);
    }

    /** {@code from} and {@code to} are chunk starts ({@link #cut}) or the plan's end. */
    @Override
    public void evalGates(EvalPlan plan, int level, int from, int to, long[] v, int words, int scratchBase, int strip) {
        CompiledPlan p = compiled(plan, words);
        p.run(p.chunks.chunkAt(from), p.chunks.chunkAt(to), v, scratchBase, strip);
    }

    @Override
    public int cut(EvalPlan plan, int level, int g, int words) {
        return compiled(plan, words).chunks.cut(g);
    }

    /** The compiled plan for this tile width, generated on first use and kept with the plan. */
    CompiledPlan compiled(EvalPlan plan, int words) {
        return plan.derived(
                new Key(this, words), k -> new CompiledPlan(plan, words, budget, code, interpreter, warmUp));
    }

    /** Code differs by kernel set (chunk budget, word code) and tile width (constant arena offsets). */
    private record Key(CodegenKernels kernels, int words) {}
}
