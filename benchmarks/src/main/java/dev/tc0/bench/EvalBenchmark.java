package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneArraySource;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
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
 * Gate evaluations per second of the engine on 2^20 random patterns (planes in memory, outputs
 * discarded): a random two-input circuit of about 30k gates and a circuit of wide majority gates,
 * by thread count and kernel set. Gate-evals/s = gates * 2^20 / (time per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class EvalBenchmark {
    @Param({"random2-30k", "majority-wide"})
    public String circuit;

    @Param({"1", "2"})
    public int threads;

    @Param({"scalar", "vector"})
    public String kernels;

    @Param({"1048576"})
    public long patterns;

    Circuit c;
    Engine engine;
    PlaneArraySource source;

    @Setup(Level.Trial)
    public void setup() {
        c = Workloads.circuit(circuit);
        engine = new Engine(
                EvalPlan.of(c),
                Engine.Options.defaults()
                        .withThreads(threads)
                        .withKernels(KernelProvider.byName(kernels))
                        .withMode(Engine.Mode.TILES));
        source = new PlaneArraySource(new RandomSource(c.numInputs(), patterns, 1).planes(), patterns);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public long evaluate() throws IOException {
        return engine.run(source, OutputSink.discard()).evalNanos();
    }
}
