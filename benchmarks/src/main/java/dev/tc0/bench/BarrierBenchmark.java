package dev.tc0.bench;

import dev.tc0.eval.SpinBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one level barrier on two threads, the per-level overhead of the level-parallel
 * engine: {@code spin} is one round of {@link SpinBarrier} (both threads arrive, both leave), as
 * the engine's team meets after each split level; {@code forkJoin} is what the engine did before,
 * a level's two chunks handed to a two-thread ForkJoinPool and joined. Time per operation is the
 * time per level that a level with no work would cost. Both need two idle cores to mean anything:
 * on a loaded machine the partner is descheduled and a round costs a time slice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BarrierBenchmark {
    /** Levels per invocation: the partner thread never waits for JMH between them. */
    static final int LEVELS = 10_000;

    private SpinBarrier barrier;
    private Thread partner;
    private volatile boolean stop;
    private ForkJoinPool pool;
    private volatile long sink;

    @Setup(Level.Trial)
    public void setup() {
        barrier = new SpinBarrier(2);
        stop = false;
        partner = new Thread(() -> {
            while (!stop) barrier.await(1);
        });
        partner.setDaemon(true);
        partner.start();
        pool = new ForkJoinPool(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        stop = true;
        barrier.await(0); // releases the partner, which then sees stop
        partner.join();
        pool.shutdownNow();
    }

    /** {@value #LEVELS} rounds of the spinning barrier with a partner thread. */
    @Benchmark
    @OperationsPerInvocation(LEVELS)
    public void spin() {
        for (int l = 0; l < LEVELS; l++) barrier.await(0);
    }

    /** {@value #LEVELS} levels as the ForkJoin engine ran them: two chunks forked and joined. */
    @Benchmark
    @OperationsPerInvocation(LEVELS)
    public void forkJoin() {
        for (int l = 0; l < LEVELS; l++) {
            pool.invoke(ForkJoinTask.adapt(
                    () -> ForkJoinTask.invokeAll(ForkJoinTask.adapt(() -> sink++), ForkJoinTask.adapt(() -> sink++))));
        }
    }
}
