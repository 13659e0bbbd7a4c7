package dev.tc0.bench;

import dev.tc0.eval.Engine;
import dev.tc0.eval.KernelProvider;
import java.io.IOException;
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
 * The real circuits (ISCAS-85, EPFL) on {@link #PATTERNS} random patterns held in memory, one and
 * two threads, the engine choosing its mode: the report turns the time into gate evaluations per
 * second and sets it beside ABC's {@code &lnetsim} ({@link AbcBenchmark}) from the same run.
 * Needs the circuits directory and the formats reader ({@link CircuitFiles#unavailable()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.NATIVE, Jvm.HEAP})
public class RealCircuitBenchmark extends EngineRunBenchmark {
    /** The peers in src/docs/performance.md (Peers) were measured on 2^20 patterns. */
    public static final long PATTERNS = 1 << 20;

    @Param({
        "iscas85/c432.bench",
        "iscas85/c499.bench",
        "iscas85/c880.bench",
        "iscas85/c1355.bench",
        "iscas85/c1908.bench",
        "iscas85/c2670.bench",
        "iscas85/c3540.bench",
        "iscas85/c5315.bench",
        "iscas85/c6288.bench",
        "iscas85/c7552.bench",
        "epfl/adder.aig",
        "epfl/bar.aig",
        "epfl/div.aig",
        "epfl/hyp.aig",
        "epfl/log2.aig",
        "epfl/max.aig",
        "epfl/multiplier.aig",
        "epfl/sin.aig",
        "epfl/sqrt.aig",
        "epfl/square.aig"
    })
    public String circuit;

    @Param({"1", "2"})
    public int threads;

    /**
     * The kernel set by name ({@code KernelProvider.byName}): {@code -p kernels=auto,native}
     * sets the native kernels beside the interpreter; their library is compiled (or loaded from
     * the cache) in the trial's set-up, outside the measurement.
     */
    @Param({"auto"})
    public String kernels;

    /**
     * log2 of the batch: {@link #PATTERNS} by default, the peers' size; {@code -p log2Patterns=24}
     * for the large batches on which two threads are measured against one. The report's table
     * reads the default only.
     */
    @Param({"20"})
    public int log2Patterns;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        run = create(circuit, threads, kernels, 1L << log2Patterns);
    }

    public static EngineRun create(String circuit, int threads, long patterns) throws IOException {
        return create(circuit, threads, "auto", patterns);
    }

    static EngineRun create(String circuit, int threads, String kernels, long patterns) throws IOException {
        Engine.Options o = Engine.Options.defaults().withThreads(threads).withKernels(KernelProvider.byName(kernels));
        return new EngineRun(CircuitFiles.read(circuit), o, patterns, 17);
    }
}
