package dev.tc0.bench.report;

import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Writes the report tests' JMH sample: a real, tiny, in-process run of a few parameter sets of
 * the kernel, baseline, depth and length benchmarks. Its numbers mean nothing; its shape is JMH's.
 * Regenerate with {@code -Dtc0.regenerateSample=true} on {@link ReportTest} (or run this main).
 */
final class SampleRun {
    static final Path CHECKED_IN = Path.of("src/test/resources/dev/tc0/bench/report/sample.json");

    private SampleRun() {}

    static void write(Path json) throws RunnerException {
        Options o = new OptionsBuilder()
                .include("\\.KernelBenchmark\\.")
                .include("\\.KernelBaselineBenchmark\\.")
                .include("\\.DepthBenchmark\\.")
                .include("\\.LengthBenchmark\\.")
                .param("gate", "and2", "threshold15")
                .param("kernels", "scalar", "vector")
                .param("words", "64")
                .param("inputs", "64")
                .param("depth", "4", "16")
                .param("mode", "TILES")
                .param("threads", "1")
                .param("patterns", "512")
                .param("rung", "majority/16", "majority/64", "parity-chain/16", "parity-chain/64")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .build();
        new Runner(o).run();
    }

    public static void main(String[] args) throws RunnerException {
        write(args.length > 0 ? Path.of(args[0]) : CHECKED_IN);
    }
}
