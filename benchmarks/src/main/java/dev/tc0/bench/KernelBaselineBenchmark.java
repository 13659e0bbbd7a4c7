package dev.tc0.bench;

import dev.tc0.eval.Engine;
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
 * The no-op baseline of {@link KernelBenchmark}: the same engine run (input fill, output copy,
 * one tile) over a circuit with the same inputs and outputs and no gates. It depends only on the
 * input count and the tile width, not on the kernel set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class KernelBaselineBenchmark {
    @Param({"64", "1024"})
    public int inputs;

    @Param({"64", "512", "4096"})
    public int words;

    private EngineRun run;

    @Setup(Level.Trial)
    public void setup() {
        run = create(inputs, words);
    }

    public static EngineRun create(int inputs, int words) {
        return new EngineRun(
                KernelWorkloads.baseline(inputs), KernelBenchmark.options("scalar", words), 64L * words, 7);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        run.close();
    }

    @Benchmark
    public Engine.Report noGates() {
        return run.run();
    }
}
