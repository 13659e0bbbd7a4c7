package dev.tc0.bench;

import dev.tc0.eval.Engine;
import dev.tc0.eval.KernelProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every kernel by gate kind and fan-in, scalar and vector, over a ladder of tile widths (the
 * linearity control: time per gate-word should stay flat while the arena fits a cache level).
 * One tile of {@code 64 * words} patterns through levels of {@link KernelWorkloads#WIDTH} gates
 * (as many levels as make the gate work dominate, {@link KernelWorkloads#levels}) on one thread;
 * {@link KernelBaselineBenchmark} times the same run without gates, and the report subtracts it
 * to give ns per gate per word and two-input bit operations per cycle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class KernelBenchmark {
    @Param({
        "and2",
        "and3",
        "and4",
        "and8",
        "and32",
        "or2",
        "or4",
        "or32",
        "xor2",
        "xor3",
        "xor4",
        "xor8",
        "xor32",
        "threshold3",
        "threshold5",
        "threshold15",
        "threshold63",
        "threshold255",
        "threshold1001",
        "weighted3",
        "weighted15",
        "weighted63",
        "weighted255"
    })
    public String gate;

    @Param({"scalar", "vector"})
    public String kernels;

    /** Tile width in 64-bit words: 64 keeps the arena in L1/L2, 4096 pushes the wide ones to L3. */
    @Param({"64", "512", "4096"})
    public int words;

    private EngineRun run;

    @Setup(Level.Trial)
    public void setup() {
        run = create(GateSpec.parse(gate), kernels, words);
    }

    /** The run a parameter set times; the tests check its answers. */
    public static EngineRun create(GateSpec g, String kernels, int words) {
        return new EngineRun(KernelWorkloads.circuit(g, 42), options(kernels, words), 64L * words, 7);
    }

    /** One thread, one tile of exactly {@code words} words: nothing but the plan's gates and the copies. */
    static Engine.Options options(String kernels, int words) {
        return Engine.Options.defaults()
                .withThreads(1)
                .withMode(Engine.Mode.TILES)
                .withKernels(KernelProvider.byName(kernels))
                .withTileWords(words);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        run.close();
    }

    @Benchmark
    public Engine.Report gates() {
        return run.run();
    }
}
