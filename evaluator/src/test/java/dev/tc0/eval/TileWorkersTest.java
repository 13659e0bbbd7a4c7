package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tile mode on several threads runs one worker per thread, each claiming, evaluating and handing
 * over tiles without a barrier between them. These tests make tiles finish out of order (fills
 * that sleep for random times) and check that the sink still sees every tile once, in pattern
 * order, with the single-threaded engine's outputs; and that a source or sink failing half-way
 * ends the run with its exception, never a hang.
 */
class TileWorkersTest {
    private static final int WORDS = 8;
    /** 21 tiles of 512 patterns, the last one partial. */
    private static final long COUNT = 20L * 64 * WORDS + 77;

    private static final Circuit CIRCUIT =
            RandomCircuits.generate(RandomCircuits.Spec.of(12, 300, 9, 4, GateKind.values()), 31);

    /** A source over planes in memory whose fills sleep 0-2 ms, so later tiles can finish first. */
    private static final class SlowSource implements InputSource {
        final PlaneArraySource planes;
        final boolean randomAccess;
        final int failAtTile;
        final SplittableRandom random = new SplittableRandom(5);

        SlowSource(long[][] planes, boolean randomAccess, int failAtTile) {
            this.planes = new PlaneArraySource(planes, COUNT);
            this.randomAccess = randomAccess;
            this.failAtTile = failAtTile;
        }

        @Override
        public int numInputs() {
            return planes.numInputs();
        }

        @Override
        public long count() {
            return randomAccess ? COUNT : -1;
        }

        @Override
        public boolean randomAccess() {
            return randomAccess;
        }

        @Override
        public int fill(long first, int words, long[] dst, int[] offset) throws IOException {
            if (first / (64L * words) == failAtTile) throw new IOException("tile " + failAtTile + " is unreadable");
            int sleep;
            synchronized (random) {
                sleep = random.nextInt(3);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return planes.fill(first, words, dst, offset);
        }
    }

    /** Collects the planes and checks that tiles arrive contiguous and in order. */
    private static final class OrderedSink implements OutputSink {
        final PlaneArraySink planes = new PlaneArraySink(CIRCUIT.numOutputs(), COUNT);
        final int failAtCall;
        long next;
        int calls;

        OrderedSink(int failAtCall) {
            this.failAtCall = failAtCall;
        }

        @Override
        public void accept(long first, int count, long[] out, int words) throws IOException {
            if (calls++ == failAtCall) throw new IOException("disk full at call " + failAtCall);
            assertEquals(next, first, "tiles must reach the sink in pattern order");
            next += count;
            planes.accept(first, count, out, words);
        }
    }

    private static long[][] inputs() {
        return new RandomSource(CIRCUIT.numInputs(), COUNT, 77).planes();
    }

    private static long[][] expected(long[][] in) throws IOException {
        try (Engine e = new Engine(EvalPlan.of(CIRCUIT), new Engine.Options(1, Engine.Mode.TILES, kernels(), WORDS))) {
            PlaneArraySink sink = new PlaneArraySink(CIRCUIT.numOutputs(), COUNT);
            e.run(new PlaneArraySource(in, COUNT), sink);
            return sink.planes();
        }
    }

    private static Kernels kernels() {
        return KernelProvider.scalar();
    }

    /**
     * A sink that takes tiles in any order gets each tile once, as workers finish them, with no
     * worker waiting for a turn; the run's phases add up to no more than the workers' time.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aSinkThatTakesAnyOrderGetsEveryTileOnceWithoutTurns(int threads) throws IOException {
        long[][] in = inputs();
        long[][] want = expected(in);
        PlaneArraySink planes = new PlaneArraySink(CIRCUIT.numOutputs(), COUNT);
        java.util.Set<Long> firsts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        OutputSink anyOrder = new OutputSink() {
            @Override
            public void accept(long first, int count, long[] out, int words) {
                assertTrue(firsts.add(first), "tile at " + first + " handed over twice");
                planes.accept(first, count, out, words);
            }

            @Override
            public boolean anyOrder() {
                return true;
            }
        };
        Engine.Report r;
        try (Engine e =
                new Engine(EvalPlan.of(CIRCUIT), new Engine.Options(threads, Engine.Mode.TILES, kernels(), WORDS))) {
            r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> e.run(new SlowSource(in, true, -1), anyOrder));
        }
        assertEquals(COUNT, r.patterns());
        assertEquals(21, firsts.size());
        for (int o = 0; o < want.length; o++) assertArrayEquals(want[o], planes.planes()[o], "output " + o);
        Engine.Phases p = r.phases();
        assertEquals(threads, p.workers());
        assertEquals(0, p.turnWait(), "no turns to wait for");
        assertTrue(p.fill() > 0 && p.kernels() > 0 && p.wall() > 0, p.toString());
        assertTrue(p.fill() + p.kernels() + p.extract() + p.sink() <= p.workers() * p.wall(), p.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void tilesFinishingOutOfOrderReachTheSinkInOrder(int threads) throws IOException {
        long[][] in = inputs();
        long[][] want = expected(in);
        for (boolean randomAccess : new boolean[] {true, false}) {
            OrderedSink sink = new OrderedSink(-1);
            Engine.Report r;
            try (Engine e = new Engine(
                    EvalPlan.of(CIRCUIT), new Engine.Options(threads, Engine.Mode.TILES, kernels(), WORDS))) {
                r = assertTimeoutPreemptively(
                        Duration.ofSeconds(60), () -> e.run(new SlowSource(in, randomAccess, -1), sink));
            }
            assertEquals(COUNT, r.patterns());
            assertEquals(COUNT, sink.next, "every pattern handed over once");
            assertEquals(21, sink.calls);
            Engine.Phases p = r.phases(); // the phases are parts of the workers' time
            assertTrue(
                    p.fill() + p.kernels() + p.extract() + p.turnWait() + p.sink() <= p.workers() * p.wall(),
                    p.toString());
            long[][] got = sink.planes.planes();
            for (int o = 0; o < want.length; o++)
                assertArrayEquals(want[o], got[o], "output " + o + ", random access " + randomAccess);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aFailingSourceEndsTheRunWithItsError(int threads) {
        for (boolean randomAccess : new boolean[] {true, false}) {
            OrderedSink sink = new OrderedSink(-1);
            IOException e = runToFailure(threads, new SlowSource(inputs(), randomAccess, 7), sink);
            assertEquals("tile 7 is unreadable", e.getMessage());
            // tiles after the failing one never reach the sink
            assertTrue(sink.next <= 7L * 64 * WORDS, "handed over up to " + sink.next);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aFailingSinkEndsTheRunWithItsError(int threads) {
        for (boolean randomAccess : new boolean[] {true, false}) {
            OrderedSink sink = new OrderedSink(4);
            IOException e = runToFailure(threads, new SlowSource(inputs(), randomAccess, -1), sink);
            assertEquals("disk full at call 4", e.getMessage());
            assertEquals(5, sink.calls, "no tile is handed over after the failure");
        }
    }

    /** The run's exception, which must come within a minute (a lost wake-up would hang here). */
    private static IOException runToFailure(int threads, InputSource source, OutputSink sink) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThrows(IOException.class, () -> {
                    try (Engine engine = new Engine(
                            EvalPlan.of(CIRCUIT), new Engine.Options(threads, Engine.Mode.TILES, kernels(), WORDS))) {
                        engine.run(source, sink);
                    }
                }));
    }
}
