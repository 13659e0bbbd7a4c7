package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.Kernels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Code generation time, cold: what a first run of a circuit on a kernel set pays before its first
 * tile ({@code Kernels.prepare} on a new plan). For {@code native} that is cutting the plan into
 * chunks, writing the C, the C compiler (into an empty library cache each time, so gcc runs every
 * invocation) and loading the library; for {@code codegen} and {@code codegen-vector} generating
 * and defining the JVM classes (their JIT compilation comes later, on first use, and is not in
 * this figure). The evaluation speed that repays it is {@link RealCircuitBenchmark}'s with
 * {@code -p kernels=auto,native}. Needs the circuits directory; with native, a C compiler.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.NATIVE, Jvm.HEAP})
public class GenerationBenchmark {
    @Param({"iscas85/c6288.bench", "epfl/multiplier.aig", "epfl/sqrt.aig"})
    public String circuit;

    @Param({"native"})
    public String kernels;

    private Circuit c;
    private Kernels k;
    private Path cache;
    private String cacheBefore;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        c = CircuitFiles.read(circuit);
        k = KernelProvider.byName(kernels);
        cacheBefore = System.getProperty("tc0.cache");
    }

    /** An empty library cache per invocation, so the compiler runs every time. */
    @Setup(Level.Invocation)
    public void emptyCache() throws IOException {
        cache = Files.createTempDirectory("tc0-gen-bench-");
        System.setProperty("tc0.cache", cache.toString());
    }

    @TearDown(Level.Invocation)
    public void removeCache() {
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cacheBefore == null) System.clearProperty("tc0.cache");
        else System.setProperty("tc0.cache", cacheBefore);
    }

    /** A new plan each time: generated code is kept with its plan. */
    @Benchmark
    public long generate() {
        EvalPlan plan = EvalPlan.of(c).depthFirst();
        return k.prepare(plan, k.preferredTileWords(plan));
    }
}
