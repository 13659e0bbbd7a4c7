package dev.tc0.eval.codegen;

import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.Kernels;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The native kernel set ({@code -Dtc0.kernels=native}, {@code tc0 eval --kernels native}): each
 * plan is emitted as C over 512-bit GCC vectors ({@link CSource}), compiled by the machine's C
 * compiler into a cached shared library ({@link NativeCompiler}) and called through the foreign
 * function API on the engine's own arena (a critical call that reads the Java array in place).
 * Values live in registers and the stack within a chunk, as in hand-written straight-line C; the
 * chunks keep each C function small enough to compile quickly.
 */
public final class NativeKernels extends Kernels {
    /**
     * Chunk budget in {@link Chunks#cost} units (about 50 per two-input gate): some 4,000 gates
     * per C function. Larger chunks keep more values in registers (the multiplier: 1.9e12
     * gate-evals/s at a quarter of this, 2.2e12 here and at five times it) but compile more
     * slowly, and a chunk's values bound its stack frame, which runs on a Java thread's stack.
     */
    public static final int DEFAULT_CHUNK_COST = 200_000;

    /**
     * The default set; {@code -Dtc0.native.chunkCost=N} sets the chunk budget and {@code
     * -Dtc0.native.unitCost=N} the translation units' size, for measurements.
     */
    public static final NativeKernels INSTANCE = of(
            Integer.getInteger("tc0.native.chunkCost", DEFAULT_CHUNK_COST),
            Long.getLong("tc0.native.unitCost", CSource.UNIT_COST));

    /** A tile width that overrides {@link #preferredTileWords} ({@code -Dtc0.native.tileWords}, for measurements). */
    static final int TILE_WORDS_SET = Integer.getInteger("tc0.native.tileWords", 0) & ~7;

    /** Edges times words a tile should hold: about 2^18 vector operations, some 100 us. */
    static final double MIN_TILE_EDGE_WORDS = 1 << 21;

    private static final FunctionDescriptor RUN = FunctionDescriptor.ofVoid(
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);

    private final int budget;
    private final long unitCost;
    private final Kernels interpreter;

    private NativeKernels(int budget, long unitCost) {
        if (budget < 1) throw new IllegalArgumentException("chunk budget must be positive, not " + budget);
        this.budget = budget;
        this.unitCost = unitCost;
        Kernels v = KernelProvider.vectorOrNull();
        this.interpreter = v != null ? v : KernelProvider.scalar();
    }

    /** Kernels whose C functions hold chunks of at most {@code budget} cost units. */
    public static NativeKernels of(int budget) {
        return new NativeKernels(budget, CSource.UNIT_COST);
    }

    /** Kernels whose translation units hold chunks of about {@code unitCost} cost units (tests). */
    static NativeKernels of(int budget, long unitCost) {
        return new NativeKernels(budget, unitCost);
    }

    /**
     * Whether a C compiler can be run here: {@code cc --version} (or the configured compiler)
     * succeeds. Tests skip with a message when it does not.
     */
    public static boolean compilerAvailable() {
        try {
            Process p = new ProcessBuilder(NativeCompiler.compiler(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "native-" + CSource.LANES * 64;
    }

    /** Nothing of its own to warm up: the engine's code and the fallback interpreter are. */
    @Override
    public Kernels warmUpWith() {
        return interpreter;
    }

    /**
     * 32-word tiles, wider for small plans: on the multiplier 16 to 64 words ran alike and 256 a
     * third slower (every block of 8 words touches one line of each slot; slots 2 KB apart share
     * few cache sets). A tile must also carry enough work to hide the engine's per-tile hand-off
     * between threads: c6288 (2.4 k gates, 4.8 k edges) on two threads took 10.6 ms per 2^20
     * patterns at 32 words and 0.75 ms at 256. So the width doubles from 32 until a tile holds
     * {@link #MIN_TILE_EDGE_WORDS} edge-words, up to 256.
     */
    @Override
    public int preferredTileWords(EvalPlan plan) {
        if (TILE_WORDS_SET > 0) return TILE_WORDS_SET;
        int w = 32;
        while (w < 256 && (double) plan.numEdges() * w < MIN_TILE_EDGE_WORDS) w *= 2;
        return w;
    }

    @Override
    public long prepare(EvalPlan plan, int words) {
        long t0 = System.nanoTime();
        compiled(plan);
        return System.nanoTime() - t0;
    }

    @Override
    public void evalTile(EvalPlan plan, long[] v, int words, int scratchBase, int strip) {
        Library lib = compiled(plan);
        lib.run(v, words, 0, lib.chunks.count());
    }

    /** {@code from} and {@code to} are chunk starts ({@link #cut}) or the plan's end. */
    @Override
    public void evalGates(EvalPlan plan, int level, int from, int to, long[] v, int words, int scratchBase, int strip) {
        Library lib = compiled(plan);
        lib.run(v, words, lib.chunks.chunkAt(from), lib.chunks.chunkAt(to));
    }

    @Override
    public int cut(EvalPlan plan, int level, int g, int words) {
        return compiled(plan).chunks.cut(g);
    }

    private static volatile Boolean probed;

    /** {@link #compilerAvailable}, asked once per process. */
    static boolean compilerProbed() {
        Boolean p = probed;
        if (p == null) probed = p = compilerAvailable();
        return p;
    }

    /** Where the plan's library is or would be in the cache. */
    Path libraryPath(EvalPlan plan) {
        return source(plan).path();
    }

    /**
     * How many C compilers build the plan's library at once: one per translation unit (the last,
     * the chunk table, takes no time), at most one per core.
     */
    int compileJobs(EvalPlan plan) {
        int units = Math.max(1, translationUnits(plan) - 1);
        return Math.min(units, NativeCompiler.jobs());
    }

    /** The C translation units of the plan's library, the chunk table's included. */
    int translationUnits(EvalPlan plan) {
        return source(plan).units();
    }

    /** A plan's chunks, how many translation units they make, and where their library is, or will be, in the cache. */
    private record Source(Chunks chunks, int units, Path path) {}

    private record SourceKey(NativeKernels kernels) {}

    /**
     * The plan's chunks and library path, made once per plan: auto's look into the cache and the
     * build share them (writing and hashing the C of a large plan takes a tenth of a second).
     */
    private Source source(EvalPlan plan) {
        return plan.derived(new SourceKey(this), k -> {
            Chunks chunks = Chunks.of(plan, budget(plan));
            List<String> units = CSource.of(chunks, unitCost);
            return new Source(chunks, units.size(), NativeCompiler.libraryPath(units));
        });
    }

    /**
     * The chunk budget for a plan: an eighth for a levelized plan (the level engine's). There a
     * chunk is a stretch of one level, whose every gate loads its operands and stores its value,
     * and gcc's time grows faster than linearly with the memory operations in one function: a
     * chunk of 6,400 gates of a random layered circuit took it 40 s, a 20,000-gate circuit about
     * four minutes. In a depth-first plan most values stay in registers.
     */
    private int budget(EvalPlan plan) {
        return plan.isSequential() ? budget : Math.max(1, budget / 8);
    }

    /** The plan's library, built on first use and kept with the plan. */
    Library compiled(EvalPlan plan) {
        Source s = source(plan); // outside: derived values are made one at a time
        return plan.derived(this, k -> new Library(s.chunks(), s.path(), unitCost));
    }

    /** A plan's chunks and the loaded library that runs them. */
    static final class Library {
        final Chunks chunks;
        final Path path;
        private final MethodHandle run;

        /**
         * Loads the library at {@code path}, compiling the chunks into it first (in units of
         * about {@code unitCost}) when it is not there.
         */
        Library(Chunks chunks, Path path, long unitCost) {
            this.chunks = chunks;
            this.path = path;
            // The source again only for a compile, which costs seconds: it is not kept with the plan.
            if (!Files.isRegularFile(path)) NativeCompiler.compile(CSource.of(chunks, unitCost), path);
            SymbolLookup lookup = SymbolLookup.libraryLookup(path, Arena.global());
            MemorySegment fn = lookup.find("tc0_run")
                    .orElseThrow(() -> new NativeCodeException("native kernels: " + path + " has no tc0_run"));
            // Critical: the call may read the Java array in place, and it never calls back.
            this.run = Linker.nativeLinker().downcallHandle(fn, RUN, Linker.Option.critical(true));
        }

        /** Chunks {@code from .. to} over a tile; the engine's widths are multiples of 8 words. */
        void run(long[] v, int words, int from, int to) {
            if (words % CSource.LANES != 0) throw new IllegalArgumentException("tile of " + words + " words");
            if (from >= to) return;
            try {
                run.invokeExact(MemorySegment.ofArray(v), (long) words, from, to);
            } catch (Throwable t) {
                throw new IllegalStateException("native kernels: call failed", t);
            }
        }
    }
}
