package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time against depth at a fixed amount of work: layered circuits of {@link #GATES} two-input
 * gates arranged as depth D times width {@code GATES / D}, under the level-parallel and the
 * tile-parallel engine with one and two threads, for one small batch (latency: a single tile)
 * and one large batch (throughput). With equal gate counts, any growth with D is the cost of
 * depth itself: per-level barriers, short runs, operands that leave L1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class DepthBenchmark extends EngineRunBenchmark {
    /** Gates as generated; the builder then drops those no upper level reads, the same share at every depth. */
    public static final int GATES = 1 << 15;

    public static final int INPUTS = 256;

    @Param({"4", "16", "64", "256", "1024"})
    public int depth;

    @Param({"LEVELS", "TILES"})
    public Engine.Mode mode;

    @Param({"1", "2"})
    public int threads;

    /** 512 patterns is one 8-word tile (latency); 2^20 is many tiles (throughput). */
    @Param({"512", "1048576"})
    public long patterns;

    @Setup(Level.Trial)
    public void setup() {
        run = create(depth, mode, threads, patterns);
    }

    public static Circuit circuit(int depth) {
        return RandomCircuits.layered(INPUTS, depth, GATES / depth, GateKind.AND, 3);
    }

    public static EngineRun create(int depth, Engine.Mode mode, int threads, long patterns) {
        return new EngineRun(
                circuit(depth), Engine.Options.defaults().withThreads(threads).withMode(mode), patterns, 11);
    }
}
