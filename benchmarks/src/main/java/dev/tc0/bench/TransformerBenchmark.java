package dev.tc0.bench;

import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.ScalarLowering;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.lowering.Verification;
import dev.tc0.compile.study.ScalingStudy;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import dev.tc0.eval.Engine;
import java.util.List;
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
 * Compiled transformers against input length: each shipped model that compiles in seconds, at a
 * ladder of n up to its max_seq_len and past it (the model built for exactly n: to 256, majority
 * to 4096; reverse stops at 64, whose default compile at 128 has 64 M edges), and dyck1 and
 * reverse with block sums (model {@code dyck1+blocks}, {@code reverse+blocks}) to 1024 and 256,
 * and frac_prevs with them at 512, where its default compile leaves constant depth (the bus route),
 * evaluated on 2^16 valid inputs (random token sequences, one-hot encoded, repeated from
 * {@link #DISTINCT} distinct ones). The circuits' depth stays bounded as n grows; the
 * time per batch follows their size. The rung is {@code model/n}. The report's transformer section
 * compiles each rung again with {@link #compile} for its gates, edges and depth.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {Jvm.VECTOR, Jvm.HEAP})
public class TransformerBenchmark extends EngineRunBenchmark {
    /** Same batch as the length benchmark, so the two tables compare. */
    public static final long PATTERNS = LengthBenchmark.PATTERNS;

    /** Distinct input words per batch; the batch repeats them up to {@link #PATTERNS}. */
    public static final int DISTINCT = 4096;

    @Param({
        "majority/16",
        "majority/32",
        "majority/64",
        "majority/256",
        "majority/1024",
        "majority/4096",
        "dyck1/16",
        "dyck1/32",
        "dyck1/64",
        "dyck1/128",
        "dyck1/256",
        "hist/16",
        "hist/32",
        "hist/64",
        "hist/128",
        "hist/256",
        "reverse/16",
        "reverse/32",
        "reverse/64",
        "frac_prevs/16",
        "frac_prevs/32",
        "frac_prevs/64",
        "frac_prevs/128",
        "frac_prevs/256",
        "dyck1+blocks/256",
        "dyck1+blocks/1024",
        "frac_prevs+blocks/512",
        "reverse+blocks/64",
        "reverse+blocks/256"
    })
    public String rung;

    @Param({"1", "2"})
    public int threads;

    @Setup(Level.Trial)
    public void setup() {
        run = create(rung, threads, PATTERNS);
    }

    /**
     * The rung's model compiled at its n: the circuit the benchmark times. The model is the shipped
     * one up to its max_seq_len and, past it, the same builder run for n (the latency benchmark's n = 256);
     * a model named with {@link ScalingStudy#BLOCKS} (as {@code tc0 scale --block-sums} names its rows)
     * is compiled with block sums.
     */
    public static CompiledModel compile(String rung) {
        int n = LengthLadder.n(rung);
        String name = LengthLadder.family(rung);
        boolean blocks = name.endsWith(ScalingStudy.BLOCKS);
        if (blocks) name = name.substring(0, name.length() - ScalingStudy.BLOCKS.length());
        Transformer m = ModelRegistry.family(name).at(n);
        return TransformerLowering.compile(
                m,
                n,
                blocks
                        ? new TransformerLowering.Options(ScalarLowering.Limits.DEFAULT.withBlockSums(true), false)
                        : TransformerLowering.Options.DEFAULT);
    }

    /** The compiled model's circuit on {@code patterns} valid inputs. */
    public static EngineRun create(String rung, int threads, long patterns) {
        return create(compile(rung), Engine.Options.defaults().withThreads(threads), patterns);
    }

    /**
     * A compiled model's circuit under the given options on {@code patterns} valid inputs: random
     * token sequences, one-hot encoded, repeated from {@link #DISTINCT} distinct ones.
     */
    public static EngineRun create(CompiledModel cm, Engine.Options options, long patterns) {
        List<int[]> words = Verification.inputs(cm.model().config(), cm.n(), 0, DISTINCT, 31);
        return new EngineRun(cm.circuit(), options, cm.planes(words, patterns), patterns);
    }
}
