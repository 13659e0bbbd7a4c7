package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.BenchmarkCircuits;
import dev.tc0.circuit.io.CircuitFormat;
import dev.tc0.circuit.io.Formats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Load time of a real circuit in each format, from a file in the page cache to a {@link Circuit}:
 * the EPFL multiplier (27k gates) and hyp (214k gates). The shipped .aig is converted once per
 * trial to every other format in a temporary directory. Skipped (setup fails with a message)
 * when the shared circuits are absent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class LoadBenchmark {
    @Param({"multiplier", "hyp"})
    public String circuit;

    @Param({"AIG", "AAG", "BLIF", "BENCH", "TC0"})
    public String format;

    Path dir;
    Path file;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path aig = BenchmarkCircuits.file("epfl", circuit + ".aig")
                .orElseThrow(() ->
                        new IllegalStateException("shared circuits not found: " + BenchmarkCircuits.whereLooked()));
        Circuit c = Formats.read(aig);
        CircuitFormat f = CircuitFormat.valueOf(format);
        dir = Files.createTempDirectory("tc0-load");
        file = dir.resolve(circuit + f.extension());
        Formats.write(c, file, f);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    public Circuit load() throws IOException {
        return Formats.read(file);
    }
}
