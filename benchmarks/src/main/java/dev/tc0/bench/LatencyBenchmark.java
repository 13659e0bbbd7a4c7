package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.eval.Engine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Latency against depth: the time to answer one input (or 64: the same one-word tile) on a
 * compiled transformer, whose depth stays bounded as n grows, and on its sequential twin, a
 * circuit family of depth growing with n, at the same n. The level-parallel engine runs both with
 * one and two threads, so the report can fit T(P) = W / (P r) + D s over work W (edges) and depth
 * D and say where depth, not work, sets the time.
 *
 * <p>A workload is {@code name/n}: a shipped model (compiled as {@link TransformerBenchmark}
 * compiles, valid random inputs) when the name is a key of {@link #TWINS}, else a circuit family
 * (random inputs). The list stops at n = 64 for the models that take longer than about ten
 * seconds to compile at n = 256 (hist: 145 s, frac_prevs: 38 s on the project's machine), since
 * every fork compiles its workload again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Warm-up by time, long enough for C2 to compile the vector kernels on the loaded 2-core machine:
// with 3 x 300 ms, a first run showed the largest workloads still 10-100x slower in the first
// measured iteration than in the last.
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class LatencyBenchmark extends EngineRunBenchmark {
    /**
     * Each shipped model and the sequential family the report sets beside it. dyck1 and majority
     * have twins computing the same function; hist and frac_prevs count tokens, and count-chain,
     * the running counter over n bits, is the sequential form of that counting, not the same function.
     */
    public static final Map<String, String> TWINS = twins();

    @Param({
        "dyck1/16",
        "dyck1/64",
        "dyck1/256",
        "majority/16",
        "majority/64",
        "majority/256",
        "hist/16",
        "hist/64",
        "frac_prevs/16",
        "frac_prevs/64",
        "dyck1-chain/16",
        "dyck1-chain/64",
        "dyck1-chain/256",
        "majority-chain/16",
        "majority-chain/64",
        "majority-chain/256",
        "count-chain/16",
        "count-chain/64",
        "count-chain/256"
    })
    public String workload;

    @Param({"1", "2"})
    public int threads;

    /** One input and 64 inputs: both one 64-bit word per plane, one tile of the engine's smallest width. */
    @Param({"1", "64"})
    public long patterns;

    private static final Map<String, CompiledModel> COMPILED = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void setup() {
        run = create(workload, threads, patterns);
    }

    private static Map<String, String> twins() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dyck1", "dyck1-chain");
        m.put("majority", "majority-chain");
        m.put("hist", "count-chain");
        m.put("frac_prevs", "count-chain");
        return Collections.unmodifiableMap(m);
    }

    /** Whether the workload is a compiled transformer (else a sequential circuit family). */
    public static boolean isModel(String workload) {
        return TWINS.containsKey(LengthLadder.family(workload));
    }

    /** The circuit the workload times; models are compiled once per JVM (the report and the tests ask again). */
    public static Circuit circuit(String workload) {
        return isModel(workload) ? compiled(workload).circuit() : LengthLadder.circuit(workload);
    }

    private static CompiledModel compiled(String workload) {
        return COMPILED.computeIfAbsent(workload, TransformerBenchmark::compile);
    }

    /** The level-parallel engine: the mode whose time the model T(P) = W / (P r) + D s describes. */
    public static Engine.Options options(int threads) {
        return Engine.Options.defaults().withThreads(threads).withMode(Engine.Mode.LEVELS);
    }

    public static EngineRun create(String workload, int threads, long patterns) {
        if (isModel(workload)) return TransformerBenchmark.create(compiled(workload), options(threads), patterns);
        return new EngineRun(LengthLadder.circuit(workload), options(threads), patterns, 17);
    }
}
