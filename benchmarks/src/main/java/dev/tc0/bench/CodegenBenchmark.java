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
 * Generated code against the interpreter on one thread: the EPFL multiplier on 2^22 to 2^24
 * random patterns held in memory, each kernel set at the tile width it asks for (codegen and
 * codegen-vector 32 words, the interpreter its L2 fit). Generating codegen-vector's code took
 * minutes of C2 time on the multiplier (src/docs/results/codegen.md). Code generation and its JIT warm-up happen in the trial's
 * set-up (the first run compiles the plan), so the score is the steady state;
 * src/docs/results/codegen.md has the cold figures from {@code tc0 eval}. Not in run.sh's
 * default set: run it by name ({@code java -jar benchmarks/target/benchmarks.jar CodegenBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class CodegenBenchmark extends EngineRunBenchmark {
    @Param({"epfl/multiplier.aig"})
    public String circuit;

    @Param({"vector", "codegen", "codegen-vector"})
    public String kernels;

    @Param({"22", "24"})
    public int log2Patterns;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Engine.Options o = Engine.Options.defaults()
                .withThreads(1)
                .withMode(Engine.Mode.TILES)
                .withKernels(KernelProvider.byName(kernels));
        run = new EngineRun(CircuitFiles.read(circuit), o, 1L << log2Patterns, 17);
        run.run(); // generates and warms the code outside the measurement
    }
}
