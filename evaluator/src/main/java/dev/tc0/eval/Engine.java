package dev.tc0.eval;

import dev.tc0.circuit.Circuit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an {@link EvalPlan} over a stream of input tiles.
 *
 * <p>A tile is {@code words} 64-bit words of patterns. Each tile has its own arena: a
 * {@code long[]} holding every slot's plane for the tile, then scratch planes for COUNT gates.
 * A tile is filled with inputs, evaluated, and its outputs handed to the sink in pattern order.
 * Two ways to use the cores:
 * <ul>
 * <li>{@link Mode#TILES}: on an engine-owned ForkJoinPool, one worker per thread claims tiles one
 *     after another and runs the whole plan over each in its own arena, fill to hand-off, with no
 *     barrier between workers. The throughput path, and the only one that pays on deep, narrow
 *     circuits.</li>
 * <li>{@link Mode#LEVELS}: on a {@link LevelTeam} (the caller and threads - 1 workers that stay
 *     awake between levels), each level with enough work is split into one chunk per thread,
 *     with a {@link SpinBarrier} after it; runs of small levels go to one thread. It pays when a
 *     batch has fewer tiles than cores (one input, a few hundred) and levels are wide.</li>
 * </ul>
 * Results never depend on the mode, the thread count, the kernels or the tile size.
 */
public final class Engine implements AutoCloseable {
    public enum Mode {
        AUTO,
        TILES,
        LEVELS
    }

    /** Arena budget per tile: this machine's 512 KiB L2 per core. */
    static final int ARENA_BUDGET_WORDS = 512 * 1024 / 8;

    static final int MAX_TILE_WORDS = 4096;
    static final int MIN_TILE_WORDS = 64;
    static final int SEQUENTIAL_TILE_WORDS = 256;
    /**
     * A level is split across the team only with at least this many operand-words of work, about
     * 50 us here. The barrier is no longer what limits it (about 0.1 us per level on two idle
     * threads, against 13-15 us for the ForkJoin hand-off used before): a split level's operands
     * were written by the other core one level earlier and cross between the cores' caches.
     * Measured with DepthBenchmark at 512 patterns: levels of 2^15 operand-words (depth 16) ran
     * 1.9x slower on two threads than on one, levels of 2^17 (depth 4) 1.35x faster.
     */
    static final long LEVEL_FORK_MIN_WORK = 1L << 17;
    /** Operand-words below which AUTO runs a whole batch on one thread (about 1-2 ms of work). */
    static final long PARALLEL_MIN_WORK = 1L << 22;

    /** Engine settings; {@code tileWords = 0} chooses the tile size from the plan. */
    public record Options(int threads, Mode mode, Kernels kernels, int tileWords) {
        public Options {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            if (tileWords < 0 || tileWords % 8 != 0) {
                throw new IllegalArgumentException("tile words must be a positive multiple of 8, not " + tileWords);
            }
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), Mode.AUTO, KernelProvider.get(), 0);
        }

        public Options withThreads(int t) {
            return new Options(t, mode, kernels, tileWords);
        }

        public Options withMode(Mode m) {
            return new Options(threads, m, kernels, tileWords);
        }

        public Options withKernels(Kernels k) {
            return new Options(threads, mode, k, tileWords);
        }

        public Options withTileWords(int w) {
            return new Options(threads, mode, kernels, w);
        }
    }

    /**
     * What a run did: patterns, the mode chosen, the tile size, the evaluation time alone, and the
     * time the kernels took to get ready for the plan (generated code: emitting and loading it).
     */
    public record Report(
            long patterns,
            Mode mode,
            int tileWords,
            int threads,
            String kernels,
            long evalNanos,
            long prepareNanos,
            Phases phases) {
        /** Gate evaluations per second: gates times patterns over evaluation time (no I/O). */
        public double gateEvalsPerSecond(long gates) {
            return evalNanos == 0 ? 0 : gates * (double) patterns / (evalNanos * 1e-9);
        }
    }

    /**
     * Where a run's time went, summed over the threads that ran tiles: filling arenas from the
     * source, the kernels, extracting outputs, waiting for a tile's turn to be handed to the sink
     * (its predecessor is still being evaluated), and the sink itself. {@code wall} is the run's
     * elapsed time from the first tile to the sink's finish; {@code workers * wall} less the five
     * is the time threads stood idle (starting, or with no tile left). It says where a second
     * thread loses: kernels that take longer per tile (shared caches), waits, or a sink that one
     * thread at a time can feed.
     */
    public record Phases(long fill, long kernels, long extract, long turnWait, long sink, long wall, int workers) {
        /** Thread time not in any phase: {@code workers * wall} less the phases. */
        public long idle() {
            return Math.max(0, workers * wall - fill - kernels - extract - turnWait - sink);
        }
    }

    private final EvalPlan plan;
    private final Options options;
    private ForkJoinPool pool;
    private LevelTeam team;

    public Engine(EvalPlan plan, Options options) {
        this.plan = plan;
        this.options = options;
    }

    /** The engine's pool, started on the first run that can use more than one thread. */
    private synchronized ForkJoinPool pool(long tilesInBatch) {
        if (pool == null && options.threads() > 1 && tilesInBatch > 1) pool = new ForkJoinPool(options.threads());
        return pool;
    }

    /** The level-mode team, started on the first level-parallel run. */
    private synchronized LevelTeam team() {
        if (team == null) team = new LevelTeam(options.threads());
        return team;
    }

    public EvalPlan plan() {
        return plan;
    }

    /** Evaluates planes held in memory with default options: the simplest entry point. */
    public static long[][] evaluate(Circuit c, long[][] inputPlanes) {
        int words = inputPlanes.length == 0 ? 0 : inputPlanes[0].length;
        try (Engine e = new Engine(EvalPlan.of(c), Options.defaults())) {
            PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), words * 64L);
            e.run(new PlaneArraySource(inputPlanes, words * 64L), sink);
            return sink.planes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Tile width for a batch under the mode AUTO chooses. */
    public int tileWords(long count) {
        return tileWords(planFor(chooseMode(count)), count);
    }

    /** The plan a mode runs: the levelized plan for LEVELS, the depth-first plan for TILES. */
    EvalPlan planFor(Mode mode) {
        return mode == Mode.LEVELS ? plan : plan.depthFirst();
    }

    /** Tile width for a batch: the arena fits the budget, the batch is not padded far. */
    int tileWords(EvalPlan plan, long count) {
        if (options.tileWords() > 0) return options.tileWords();
        // A kernel set may know its best width (generated code runs word by word: small tiles).
        int w = options.kernels().preferredTileWords(plan);
        if (w <= 0) w = fitToL2(plan);
        if (count >= 0) {
            long need = ((count + 63) >>> 6);
            need = (need + 7) & ~7L;
            if (need < w) w = (int) Math.max(8, need);
        }
        return w;
    }

    /** The widest tile (at most 4096 words) whose arena fits {@link #ARENA_BUDGET_WORDS}. */
    private static int fitToL2(EvalPlan plan) {
        long perWord = Math.max(1, plan.numSlots + plan.maxScratch);
        // A depth-first plan on a circuit with local wiring touches few slots at a time, so the
        // arena may outgrow L2 by a factor: 256-word tiles (three 2 KiB planes per gate) ran best
        // on the multiplier, c6288, sqrt and a random circuit. Wide random levels have no such
        // locality (a layered circuit 8192 gates wide ran 2x slower at 256 words), so the tile
        // still shrinks once the arena would pass four times the budget.
        if (plan.sequential) perWord = Math.max(perWord / 4, ARENA_BUDGET_WORDS / SEQUENTIAL_TILE_WORDS);
        // Below 64 words the per-gate dispatch outweighs the word loop (measured on random
        // two-input circuits), so a wide plan spills to L3 rather than shrink the tile further.
        int w = (int) Math.max(MIN_TILE_WORDS, Math.min(MAX_TILE_WORDS, ARENA_BUDGET_WORDS / perWord));
        return w & ~31;
    }

    /**
     * Words per COUNT strip: as long as possible (fewer program steps) while the scratch planes
     * stay within 64 KiB, and a divisor of the tile.
     */
    static int stripWords(EvalPlan plan, int words) {
        for (int s = 256; s > 8; s >>= 1) {
            if (words % s == 0 && (long) plan.maxScratch * s <= 8192) return s;
        }
        return 8;
    }

    /** True when AUTO runs the batch on the caller's thread alone. */
    private boolean smallBatch(long count) {
        return count >= 0
                && options.mode() == Mode.AUTO
                && Math.max(plan.numEdges, plan.numGates) * ((count + 63) >>> 6) < PARALLEL_MIN_WORK;
    }

    /** The mode AUTO resolves to for a batch of {@code count} patterns. */
    public Mode chooseMode(long count) {
        if (options.mode() != Mode.AUTO) return options.mode();
        int threads = options.threads();
        if (threads == 1 || smallBatch(count)) return Mode.TILES;
        int words = tileWords(plan, count);
        long tiles = tiles(count, words);
        if (tiles >= threads) return Mode.TILES;
        // Few tiles: only splitting levels can use the cores, and only if levels hold enough work.
        long edges = plan.numEdges, levels = Math.max(1, plan.depth);
        long avgLevelWork = edges / levels * words * Math.max(1, tiles);
        return avgLevelWork >= LEVEL_FORK_MIN_WORK ? Mode.LEVELS : Mode.TILES;
    }

    /**
     * The bytes a run over {@code count} patterns allocates for its tiles (an arena per tile in
     * flight, and the output tiles), at most: with the pool, as the thread count asks. Callers
     * check this against the heap before a run, since thread count and tile width are user-named.
     */
    public long workingBytes(long count) {
        Mode mode = chooseMode(count);
        EvalPlan plan = planFor(mode);
        int words = tileWords(plan, count);
        long tilesInBatch = tilesInBatch(count, mode, words);
        boolean pooled = !smallBatch(count) && options.threads() > 1 && tilesInBatch > 1;
        // pooled tiles: an arena and an output tile per worker; levels: an arena per tile, one output tile
        double arenas = pooled ? inFlight(count, words) : 1;
        double outTiles = pooled && mode == Mode.TILES ? arenas : 1;
        double bytes = 8.0 * (arenas * arenaWords(mode, plan, words) + outTiles * plan.numOutputs * words);
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** Tiles a batch splits into, for the pool's sake: unbounded for level mode and unknown counts. */
    private static long tilesInBatch(long count, Mode mode, int words) {
        return mode == Mode.LEVELS ? Long.MAX_VALUE : tiles(count, words);
    }

    /** Tiles of {@code words} words that {@code count} patterns fill; unbounded for an unknown count. */
    private static long tiles(long count, int words) {
        return count < 0 ? Long.MAX_VALUE : (count + 64L * words - 1) / (64L * words);
    }

    /** Words of one tile's arena: every slot's plane, then the COUNT scratch of each region. */
    private long arenaWords(Mode mode, EvalPlan plan, int words) {
        long regions = mode == Mode.LEVELS ? options.threads() : 1;
        return (long) plan.numSlots * words + regions * plan.maxScratch * stripWords(plan, words);
    }

    /**
     * Tiles in flight at once with the pool: one per thread (tile mode's workers, level mode's
     * wave), but no more than the batch has: each arena is allocated and zeroed per run, which
     * cost more than the evaluation at 512 patterns.
     */
    private int inFlight(long count, int words) {
        return (int) Math.max(1, Math.min(options.threads(), tiles(count, words)));
    }

    /** Evaluates every pattern of the source into the sink; the sink's {@code finish} is called. */
    public Report run(InputSource in, OutputSink out) throws IOException {
        if (in.numInputs() != plan.numInputs) {
            throw new IllegalArgumentException(
                    "the circuit has " + plan.numInputs + " inputs but the source gives " + in.numInputs());
        }
        long count = in.count();
        Mode mode = chooseMode(count);
        EvalPlan plan = planFor(mode);
        Kernels chosen = options.kernels().choose(plan, count, options.threads());
        if (chosen != options.kernels()) { // auto chose native code for this batch
            try (Engine e = new Engine(this.plan, options.withKernels(chosen))) {
                return e.run(in, out);
            }
        }
        int words = tileWords(plan, count);
        int threads = options.threads();
        // A single tile needs no pool in tile mode; level mode splits even one tile. A batch
        // whose whole work is below a millisecond or so runs on the caller's thread: waking a
        // second worker costs more than it saves (measured: a one-gate circuit on 2^20 inputs
        // took 0.05 ms on one thread and 0.3-13 ms on two, on this shared machine).
        long tilesInBatch = tilesInBatch(count, mode, words);
        ForkJoinPool pool = smallBatch(count) ? null : pool(tilesInBatch);
        int strip = stripWords(plan, words);
        long arenaLong = arenaWords(mode, plan, words);
        if (arenaLong > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a tile of " + words + " words needs " + arenaLong
                    + " words of values, more than one array holds; use narrower tiles");
        }
        int arenaWords = (int) arenaLong;
        int scratchBase = plan.numSlots * words;
        int wave = pool == null ? 1 : inFlight(count, words);
        long prepareNanos = options.kernels().prepare(plan, words);
        long start = System.nanoTime();
        if (mode == Mode.TILES && pool != null) {
            TileWorkers w = new TileWorkers(plan, in, out, count, words, strip, arenaWords, scratchBase);
            w.run(pool, wave);
            out.finish();
            Phases phases = new Phases(
                    w.fillNanos,
                    w.kernelNanos,
                    w.extractNanos,
                    w.waitNanos,
                    w.sinkNanos,
                    System.nanoTime() - start,
                    wave);
            return new Report(
                    w.patterns, mode, words, threads, options.kernels().name(), w.evalNanos, prepareNanos, phases);
        }

        long[][] arena = new long[wave][arenaWords];
        int[][] inputOffset = new int[wave][plan.numInputs];
        for (int t = 0; t < wave; t++) {
            for (int i = 0; i < plan.numInputs; i++) {
                inputOffset[t][i] = plan.inputSlot[i] < 0 ? -1 : plan.inputSlot[i] * words;
            }
        }
        long[] outTile = new long[Math.max(1, plan.numOutputs * words)];
        int[] filled = new int[wave];
        long first = 0, evalNanos = 0, fillNanos = 0, extractNanos = 0, sinkNanos = 0;
        boolean done = false;
        while (!done) {
            int tiles = 0;
            long fillStart = System.nanoTime();
            // Fill: in parallel when the source allows it, otherwise in order.
            if (in.randomAccess() && pool != null && wave > 1) {
                int n = (int) Math.min(wave, count < 0 ? wave : (count - first + 64L * words - 1) / (64L * words));
                final long f0 = first;
                List<ForkJoinTask<?>> fills = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    final int tt = t;
                    fills.add(ForkJoinTask.adapt(() -> {
                        try {
                            filled[tt] = in.fill(f0 + 64L * words * tt, words, arena[tt], inputOffset[tt]);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
                }
                invokeAll(pool, fills);
                tiles = n;
                for (int t = 0; t < n; t++)
                    if (filled[t] < 64 * words) {
                        tiles = t + (filled[t] > 0 ? 1 : 0);
                        done = true;
                        break;
                    }
                if (n < wave) done = true;
            } else {
                while (tiles < wave) {
                    int got = in.fill(first + 64L * words * tiles, words, arena[tiles], inputOffset[tiles]);
                    filled[tiles] = got;
                    if (got > 0) tiles++;
                    if (got < 64 * words) {
                        done = true;
                        break;
                    }
                }
            }
            fillNanos += System.nanoTime() - fillStart;
            if (tiles == 0) break;

            long t0 = System.nanoTime();
            if (mode == Mode.LEVELS && pool != null) evalLevels(plan, arena, tiles, words, strip, scratchBase);
            else for (int t = 0; t < tiles; t++) evalTile(plan, arena[t], words, strip, scratchBase);
            evalNanos += System.nanoTime() - t0;

            for (int t = 0; t < tiles; t++) {
                long x0 = System.nanoTime();
                extractOutputs(plan, arena[t], words, outTile);
                long x1 = System.nanoTime();
                out.accept(first, filled[t], outTile, words);
                extractNanos += x1 - x0;
                sinkNanos += System.nanoTime() - x1;
                first += filled[t];
            }
        }
        out.finish();
        // The wave's fills and levels may use the pool: its threads count as one worker here.
        Phases phases = new Phases(fillNanos, evalNanos, extractNanos, 0, sinkNanos, System.nanoTime() - start, 1);
        return new Report(first, mode, words, threads, options.kernels().name(), evalNanos, prepareNanos, phases);
    }

    /**
     * Tile mode on the pool, pipelined: each worker owns one arena and one output tile, claims the
     * next tile, fills, evaluates and extracts it while the arena is still in its core's cache, and
     * hands the outputs to the sink when every earlier tile has been handed over (at once, for a
     * sink that takes tiles in any order: an array of planes, a plane file, or none). No wave barrier:
     * a worker slowed by the machine delays only the hand-off of its own tile. (Before, a wave of
     * two tiles per thread was filled, evaluated and then extracted by the caller alone: on a
     * layered circuit 8192 outputs wide, two threads took 2.5 times as long as one.)
     */
    private final class TileWorkers {
        private final EvalPlan plan;
        private final InputSource in;
        private final OutputSink out;
        private final int words, strip, arenaWords, scratchBase;
        /** The batch's tiles when the source is read in any order; unbounded for a sequential one. */
        private final long batchTiles;
        /** The sink takes tiles in any order ({@link OutputSink#anyOrder}). */
        private final boolean anyOrder;

        private final AtomicLong claimed = new AtomicLong();
        /** Guards the sequential source, the hand-off turn and the fields below. */
        private final Object lock = new Object();

        private boolean ended;
        private long nextHandOff;
        /** The first error; written under the lock, read without it by workers claiming tiles. */
        private volatile Throwable failure;

        long patterns, evalNanos, fillNanos, kernelNanos, extractNanos, waitNanos, sinkNanos;

        TileWorkers(
                EvalPlan plan,
                InputSource in,
                OutputSink out,
                long count,
                int words,
                int strip,
                int arenaWords,
                int scratchBase) {
            this.plan = plan;
            this.in = in;
            this.out = out;
            this.words = words;
            this.strip = strip;
            this.arenaWords = arenaWords;
            this.scratchBase = scratchBase;
            this.batchTiles = in.randomAccess() ? tiles(count, words) : Long.MAX_VALUE;
            this.anyOrder = out.anyOrder();
        }

        void run(ForkJoinPool pool, int workers) throws IOException {
            List<ForkJoinTask<?>> tasks = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) tasks.add(pool.submit(this::work));
            for (ForkJoinTask<?> t : tasks) t.join();
            switch (failure) {
                case null -> {}
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IOException(failure); // an interrupt while waiting for the turn
            }
        }

        private void work() {
            long[] arena = new long[arenaWords];
            long[] outTile = new long[Math.max(1, plan.numOutputs * words)];
            int[] offset = new int[plan.numInputs];
            for (int i = 0; i < plan.numInputs; i++) offset[i] = plan.inputSlot[i] < 0 ? -1 : plan.inputSlot[i] * words;
            long busy = 0, filling = 0, extracting = 0, waiting = 0, sinking = 0;
            try {
                while (true) {
                    long tile;
                    int got;
                    long f0 = System.nanoTime();
                    if (batchTiles != Long.MAX_VALUE) { // random access, known length: any order, no lock
                        tile = claimed.getAndIncrement();
                        if (tile >= batchTiles || failure != null) break;
                        got = in.fill(tile * 64L * words, words, arena, offset);
                    } else {
                        synchronized (lock) { // a stream: read in order, one tile at a time
                            if (ended || failure != null) break;
                            tile = claimed.getAndIncrement();
                            got = in.fill(tile * 64L * words, words, arena, offset);
                            if (got < 64 * words) ended = true;
                        }
                        if (got == 0) break;
                    }
                    long t0 = System.nanoTime();
                    filling += t0 - f0;
                    evalTile(plan, arena, words, strip, scratchBase);
                    long t1 = System.nanoTime();
                    busy += t1 - t0;
                    extractOutputs(plan, arena, words, outTile);
                    long t2 = System.nanoTime();
                    extracting += t2 - t1;
                    long t3;
                    if (anyOrder) { // the sink takes tiles as they come: no turn to wait for
                        t3 = t2;
                        out.accept(tile * 64L * words, got, outTile, words);
                        synchronized (lock) {
                            patterns += got;
                        }
                    } else {
                        synchronized (lock) {
                            while (nextHandOff != tile && failure == null) lock.wait();
                            if (failure != null) break;
                            t3 = System.nanoTime();
                            out.accept(tile * 64L * words, got, outTile, words);
                            patterns += got;
                            nextHandOff++;
                            lock.notifyAll();
                        }
                    }
                    long t4 = System.nanoTime();
                    waiting += t3 - t2;
                    sinking += t4 - t3;
                }
            } catch (Throwable e) {
                synchronized (lock) {
                    if (failure == null) failure = e instanceof UncheckedIOException u ? u.getCause() : e;
                    lock.notifyAll();
                }
            }
            synchronized (lock) { // the run's evaluation time: the busiest worker's
                evalNanos = Math.max(evalNanos, busy);
                kernelNanos += busy;
                fillNanos += filling;
                extractNanos += extracting;
                waitNanos += waiting;
                sinkNanos += sinking;
            }
        }
    }

    private void evalTile(EvalPlan p, long[] v, int words, int strip, int scratchBase) {
        options.kernels().evalTile(p, v, words, scratchBase, strip);
    }

    /**
     * Level by level on the team: a level with enough work is split into one chunk per party and
     * tile (party c uses scratch region c), and the parties meet at the barrier after it; a run of
     * smaller levels goes to party 0 alone, with one barrier after the run. Every gate is computed
     * by exactly one party with the same kernel, so results do not depend on the team's size.
     */
    private void evalLevels(EvalPlan p, long[][] arena, int tiles, int words, int strip, int scratchBase) {
        Kernels k = options.kernels();
        LevelTeam team = team();
        int parties = team.size();
        // segment s covers levels segment[s] .. segment[s + 1] - 1; split[s]: whether it is one split level
        int[] segment = new int[p.depth + 2];
        boolean[] split = new boolean[p.depth + 1];
        int segments = 0;
        for (int l = 1; l <= p.depth; ) {
            segment[segments] = l;
            if (p.levelEdges(l) * (long) words * tiles >= LEVEL_FORK_MIN_WORK) {
                split[segments++] = true;
                l++;
            } else {
                while (l <= p.depth && p.levelEdges(l) * (long) words * tiles < LEVEL_FORK_MIN_WORK) l++;
                split[segments++] = false;
            }
        }
        segment[segments] = p.depth + 1;
        if (segments == 1 && !split[0]) { // no level worth splitting: no team, no barrier
            for (int l = 1; l <= p.depth; l++) {
                int g0 = p.runGate[p.levelRun[l - 1]], g1 = p.runGate[p.levelRun[l]];
                for (int t = 0; t < tiles; t++) k.evalGates(p, l, g0, g1, arena[t], words, scratchBase, strip);
            }
            return;
        }
        int count = segments;
        team.run(id -> {
            for (int s = 0; s < count; s++) {
                try {
                    if (split[s]) {
                        int l = segment[s];
                        int g0 = p.runGate[p.levelRun[l - 1]], g1 = p.runGate[p.levelRun[l]];
                        // cuts the kernels accept (generated code runs whole chunks)
                        int from = id == 0 ? g0 : k.cut(p, l, g0 + (int) ((long) (g1 - g0) * id / parties), words);
                        int to = id == parties - 1
                                ? g1
                                : k.cut(p, l, g0 + (int) ((long) (g1 - g0) * (id + 1) / parties), words);
                        int sb = scratchBase + id * p.maxScratch * strip;
                        for (int t = 0; t < tiles && from < to; t++)
                            k.evalGates(p, l, from, to, arena[t], words, sb, strip);
                    } else if (id == 0) {
                        for (int l = segment[s]; l < segment[s + 1]; l++) {
                            int g0 = p.runGate[p.levelRun[l - 1]], g1 = p.runGate[p.levelRun[l]];
                            for (int t = 0; t < tiles; t++)
                                k.evalGates(p, l, g0, g1, arena[t], words, scratchBase, strip);
                        }
                    }
                } catch (Throwable e) {
                    team.fail(e);
                }
                team.sync(id);
            }
        });
    }

    private static void extractOutputs(EvalPlan plan, long[] v, int words, long[] outTile) {
        for (int o = 0; o < plan.numOutputs; o++) {
            int ref = plan.outputRef[o];
            int dst = o * words;
            if (ref < 0) {
                java.util.Arrays.fill(outTile, dst, dst + words, ref == -1 ? -1L : 0L);
            } else {
                int src = (ref >>> 1) * words;
                long m = -(long) (ref & 1);
                for (int w = 0; w < words; w++) outTile[dst + w] = v[src + w] ^ m;
            }
        }
    }

    private static void invokeAll(ForkJoinPool pool, List<ForkJoinTask<?>> tasks) {
        pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
    }

    @Override
    public synchronized void close() {
        if (pool != null) pool.shutdownNow();
        if (team != null) team.close();
    }
}
