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
    /**
     * The longest warm-up per chunk: C2 took 20-100 ms per 2 KB chunk of {@code long} code here,
     * and about 0.3 s per vector chunk of a thousand bytes.
     */
    static final long WARM_UP_NANOS_PER_CHUNK = 1_000_000_000L;
    /** Warm-up calls per chunk and round. */
    static final int ROUND_CALLS = 500;
    /** At least this many rounds: past C1's 200 invocations and C2's 5000 (tiered thresholds). */
    static final int MIN_ROUNDS = 11;
    /**
     * How long the JIT must be idle before the run starts: one C2 compile took up to half a
     * second on a loaded machine, and the total moves only when a compile ends.
     */
    static final long QUIET_NANOS = 500_000_000L;

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
        if (warmUp) warmUp(plan.numSlots(), WARM_UP_NANOS_PER_CHUNK * chunks.count());
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
     * Calls every generated chunk on a throwaway arena, in rounds of {@link #ROUND_CALLS} calls
     * each, until the JIT has been idle for half a second (see the class comment). Rounds go on
     * while C2 works, rather than one fixed number of calls and a wait: tiered compilation raises
     * its thresholds with the length of C2's queue, so with hundreds of chunks queued at once
     * the later ones need more calls than the first before they are queued at all (the vector
     * variant's chunks take C2 about 0.3 s each, and were still in C1 after 5500 calls). The
     * JVM offers no per-method status, so this watches the total compilation time, and gives up
     * after {@code maxNanos}, or after {@link #MIN_ROUNDS} where that time is not monitored.
     */
    private void warmUp(int slots, long maxNanos) {
        long[] scratch = new long[Math.max(1, slots) * words];
        var jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long deadline = System.nanoTime() + maxNanos;
        long last = -1, changed = System.nanoTime();
        for (int round = 0; ; round++) {
            for (int rep = 0; rep < ROUND_CALLS; rep++) {
                for (int k = 0; k < runners.length; k++) {
                    int n = Math.min(PlanClasses.CHUNKS_PER_CLASS, chunks.count() - k * PlanClasses.CHUNKS_PER_CLASS);
                    runners[k].run(0, n, scratch, rep * step % words, step);
                }
            }
            long now = System.nanoTime();
            if (round + 1 < MIN_ROUNDS) continue;
            if (!monitored || now > deadline) return;
            long total = jit.getTotalCompilationTime();
            if (total != last) {
                last = total;
                changed = now;
            } else if (now - changed > QUIET_NANOS) {
                return;
            }
            try {
                Thread.sleep(QUIET_NANOS / 10_000_000L); // leaves the compiler threads a core
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
