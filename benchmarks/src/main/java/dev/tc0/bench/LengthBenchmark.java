package dev.tc0.bench;

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
 * Time against input length n: the TC0 families, whose depth stays constant as n grows, beside
 * the sequential constructions of the same functions, whose depth grows with n. One batch of
 * {@link #PATTERNS} random patterns per rung, the engine choosing its mode. The report divides by
 * depth and gate count for time per level and per gate. The rungs are {@link LengthLadder#rungs()}
 * (a test keeps this list equal to it); compiled transformers have their own, {@link TransformerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class LengthBenchmark extends EngineRunBenchmark {
    /** 2^16 patterns: large enough for two threads to split by tiles, small enough for n = 4096 chains. */
    public static final long PATTERNS = 1 << 16;

    @Param({
        "majority/16",
        "majority/64",
        "majority/256",
        "majority/1024",
        "majority/4096",
        "majority-chain/16",
        "majority-chain/64",
        "majority-chain/256",
        "majority-chain/1024",
        "majority-chain/4096",
        "parity/16",
        "parity/64",
        "parity/256",
        "parity/1024",
        "parity-chain/16",
        "parity-chain/64",
        "parity-chain/256",
        "parity-chain/1024",
        "parity-chain/4096",
        "count/16",
        "count/64",
        "count/256",
        "count/1024",
        "count-chain/16",
        "count-chain/64",
        "count-chain/256",
        "count-chain/1024",
        "count-chain/4096",
        "dyck1/16",
        "dyck1/64",
        "dyck1/256",
        "dyck1/1024",
        "dyck1-chain/16",
        "dyck1-chain/64",
        "dyck1-chain/256",
        "dyck1-chain/1024",
        "dyck1-chain/4096",
        "add/16",
        "add/64",
        "add/256",
        "ripple-add/16",
        "ripple-add/64",
        "ripple-add/256",
        "ripple-add/1024",
        "ripple-add/4096",
        "iterated-add/16",
        "iterated-add/64",
        "iterated-add-ripple/16",
        "iterated-add-ripple/64",
        "sort/16",
        "sort/64",
        "sort-network/16",
        "sort-network/64",
        "sort-network/256",
        "multiply/16",
        "multiply/64",
        "multiply-ripple/16",
        "multiply-ripple/64",
        "multiply-ripple/256"
    })
    public String rung;

    @Param({"1", "2"})
    public int threads;

    @Setup(Level.Trial)
    public void setup() {
        run = create(rung, threads, PATTERNS);
    }

    public static EngineRun create(String rung, int threads, long patterns) {
        return new EngineRun(LengthLadder.circuit(rung), options(threads), patterns, 13);
    }

    /** The engine chooses mode and tile: this is what a user of the library gets. */
    public static Engine.Options options(int threads) {
        return Engine.Options.defaults().withThreads(threads);
    }
}
