package dev.tc0.eval.codegen;

import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.Kernels;
import java.lang.management.ManagementFactory;

/**
 * A plan compiled for one tile width: its chunks, the loaded classes that run them, and the
 * interpreter that runs the chunks too large to generate.
 *
 * <p>A tile runs a block of {@link #BLOCK} words at a time, every chunk of a class per block and
 * each chunk word by word: a block of the values a class touches stays in L1/L2 between writer
 * and readers. Generated methods are warmed up here ({@link #warmUp}) before the timed run:
 * interpreted, a straight-line method costs about a hundred times its compiled self, and a run
 * of a few million patterns calls each chunk too few times to leave that behind by itself.
 */
final class CompiledPlan {
    /**
     * Words per block: one 64-byte cache line of every value ({@code -Dtc0.codegen.blockWords},
     * a multiple of 8, for measurements). A vector call covers 2-8 of them.
     */
    static final int BLOCK = Math.max(8, Integer.getInteger("tc0.codegen.blockWords", 8) & ~7);
    /**
     * The tile width the engine is asked for ({@link CodegenKernels#preferredTileWords}); {@code
     * -Dtc0.codegen.tileWords} sets it, rounded down to a multiple of 8, for measurements.
     */
    static final int TILE_WORDS = Math.max(8, Integer.getInteger("tc0.codegen.tileWords", 32) & ~7);
    /** The longest wait for the JIT per chunk: C2 took 20-100 ms per 2 KB chunk here. */
    static final long JIT_WAIT_NANOS_PER_CHUNK = 100_000_000L;
    /** Warm-up calls per chunk: past C1's 200 invocations and C2's 5000 (tiered thresholds). */
    static final int WARM_UP_CALLS = 5500;

    final Chunks chunks;
    final int words;
    final long generationNanos;
    private final int step;
    private final ChunkRunner[] runners;
    private final Kernels interpreter;

    CompiledPlan(EvalPlan plan, int words, int budget, WordCode code, Kernels interpreter, boolean warmUp) {
        long t0 = System.nanoTime();
        this.chunks = Chunks.of(plan, budget);
        this.words = words;
        this.step = code.wordsPerCall();
        this.runners = PlanClasses.load(chunks, words, code);
        this.interpreter = interpreter;
        if (warmUp) {
            warmUp(plan.numSlots());
            awaitJit(JIT_WAIT_NANOS_PER_CHUNK * chunks.count());
        }
        this.generationNanos = System.nanoTime() - t0;
    }

    /** Chunks {@code from .. to} in order over one tile. */
    void run(int from, int to, long[] v, int scratchBase, int strip) {
        for (int c = from; c < to; ) {
            if (chunks.interpreted[c]) {
                int g0 = chunks.start[c], g1 = chunks.start[c + 1];
                interpreter.evalGates(chunks.plan, chunks.level[c], g0, g1, v, words, scratchBase, strip);
                c++;
                continue;
            }
            // A stretch of generated chunks of one class, block by block.
            int k = c / PlanClasses.CHUNKS_PER_CLASS, end = c + 1;
            while (end < to && !chunks.interpreted[end] && end / PlanClasses.CHUNKS_PER_CLASS == k) end++;
            ChunkRunner r = runners[k];
            int c0 = c % PlanClasses.CHUNKS_PER_CLASS, c1 = c0 + (end - c);
            for (int b = 0; b < words; b += BLOCK) r.run(c0, c1, v, b, Math.min(BLOCK, words - b));
            c = end;
        }
    }

    /**
     * Waits until the JIT has been idle for a moment: the warm-up queued every chunk for C2, which
     * takes tens of milliseconds each, and a run that starts before they are done spends its first
     * seconds in C1 code. The JVM offers no per-method status, so this watches the total
     * compilation time, and gives up after {@code maxNanos} or where it is not monitored.
     */
    private static void awaitJit(long maxNanos) {
        var jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return;
        long deadline = System.nanoTime() + maxNanos, last = -1;
        int quiet = 0;
        // The total moves only when a compile ends, and one C2 compile of a chunk took up to
        // half a second on a loaded machine: quiet means half a second without a change.
        while (quiet < 10 && System.nanoTime() < deadline) {
            long now = jit.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Calls every generated chunk on a throwaway arena, call by call (see the class comment). */
    private void warmUp(int slots) {
        long[] scratch = new long[Math.max(1, slots) * words];
        for (int rep = 0; rep < WARM_UP_CALLS; rep++) {
            for (int k = 0; k < runners.length; k++) {
                int n = Math.min(PlanClasses.CHUNKS_PER_CLASS, chunks.count() - k * PlanClasses.CHUNKS_PER_CLASS);
                runners[k].run(0, n, scratch, rep * step % words, step);
            }
        }
    }
}
