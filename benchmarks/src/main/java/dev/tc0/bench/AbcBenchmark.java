package dev.tc0.bench;

import java.io.IOException;
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
 * ABC's {@code &lnetsim} on the real circuits, in the same JMH run as {@link RealCircuitBenchmark}:
 * {@link #simulate} on {@link RealCircuitBenchmark#PATTERNS} patterns, {@link #startup} the same
 * command on 64 patterns. The report takes the difference as ABC's simulation time (one core; it
 * includes reading the planes from the page cache and writing the outputs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR})
public class AbcBenchmark {
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

    private Path dir, file, big, tiny, out;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        if (!AbcPeer.available()) throw new IllegalStateException(AbcPeer.BINARY + " is not installed");
        file = CircuitFiles.path(circuit);
        dir = Files.createTempDirectory("tc0-abc");
        big = dir.resolve("in.bin");
        tiny = dir.resolve("tiny.bin");
        out = dir.resolve("out.bin");
        int inputs = AbcPeer.inputCount(file);
        AbcPeer.writePatterns(big, inputs, RealCircuitBenchmark.PATTERNS, 17);
        AbcPeer.writePatterns(tiny, inputs, 64, 17);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    public void simulate() throws IOException, InterruptedException {
        AbcPeer.simulate(file, big, out);
    }

    @Benchmark
    public void startup() throws IOException, InterruptedException {
        AbcPeer.simulate(file, tiny, out);
    }
}
