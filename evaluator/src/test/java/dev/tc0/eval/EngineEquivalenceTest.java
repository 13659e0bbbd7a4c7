package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.codegen.CodegenKernels;
import dev.tc0.eval.codegen.NativeKernels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every engine mode, kernel set (the interpreters and generated code over longs and vectors), thread count and tile size
 * gives the reference interpreter's outputs on random circuits of every gate kind. The build runs this class a second time with
 * {@code -Dtc0.vector.bits=128}, so both vector widths are covered.
 */
class EngineEquivalenceTest {
    static final long[] BATCHES = {0, 1, 63, 64, 65, 1021, 100_000};

    static List<Kernels> kernels() {
        List<Kernels> k = new ArrayList<>();
        k.add(KernelProvider.scalar());
        Kernels v = KernelProvider.vectorOrNull();
        assertNotNull(v, "the tests run with the Vector API module");
        k.add(v);
        // No JIT warm-up: it pays only over millions of patterns. Small chunks: every plan
        // here then spans many generated methods and classes.
        k.add(CodegenKernels.of(CodegenKernels.DEFAULT_CHUNK_BYTES, false));
        k.add(CodegenKernels.of(300, false));
        // Vector chunks are small by default (about 20 gates), so one budget spans many methods;
        // cold, they run in the bytecode interpreter and C1 at a fraction of the scalar code's speed.
        k.add(CodegenKernels.vector(CodegenKernels.VECTOR_CHUNK_BYTES, false));
        // C compiled by the machine's compiler, where one runs (NativeKernelsTest says when not).
        if (NativeKernels.compilerAvailable()) k.add(NativeKernels.INSTANCE);
        return k;
    }

    /**
     * Every configuration but the native kernels': for the widest counters, whose written-out
     * adders take gcc minutes (NativeKernelsTest covers wide and heavily weighted counters).
     */
    static List<Engine.Options> configurationsButNative() {
        return configurations().stream()
                .filter(o -> !(o.kernels() instanceof NativeKernels))
                .toList();
    }

    static List<Engine.Options> configurations() {
        List<Engine.Options> all = new ArrayList<>();
        for (Kernels k : kernels()) {
            for (int threads : new int[] {1, 2, 3}) {
                for (Engine.Mode m : Engine.Mode.values()) {
                    for (int tile : new int[] {0, 8, 32}) {
                        if (threads == 1 && m != Engine.Mode.AUTO) continue;
                        all.add(new Engine.Options(threads, m, k, tile));
                    }
                }
            }
        }
        return all;
    }

    static long[][] run(Circuit c, Engine.Options o, long[][] planes, long count) throws IOException {
        try (Engine e = new Engine(EvalPlan.of(c), o)) {
            PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), count);
            Engine.Report r = e.run(new PlaneArraySource(planes, count), sink);
            assertEquals(count, r.patterns());
            return sink.planes();
        }
    }

    static long[][] reference(Circuit c, long[][] planes, long count) {
        long[][] out = ReferenceEvaluator.evaluate(c, planes);
        int words = (int) ((count + 63) >>> 6);
        long[][] trimmed = new long[out.length][words];
        for (int o = 0; o < out.length; o++) {
            for (int w = 0; w < words; w++)
                trimmed[o][w] = out[o][w] & InputSource.lowBits((int) Math.min(64, count - 64L * w));
        }
        return trimmed;
    }

    private static void check(Circuit c, long seed, long count, List<Engine.Options> configs) throws IOException {
        long[][] planes = new RandomSource(c.numInputs(), count, seed).planes();
        long[][] want = reference(c, planes, count);
        for (Engine.Options o : configs) {
            long[][] got = run(c, o, planes, count);
            for (int out = 0; out < want.length; out++) {
                int oi = out;
                assertArrayEquals(want[out], got[out], () -> "output " + oi + " mismatch with " + o + " on " + c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND", "OR", "XOR", "THRESHOLD", "WEIGHTED", "ALL"})
    void randomCircuitsOfEachKindMatchTheReference(String which) throws IOException {
        GateKind[] kinds = which.equals("ALL") ? GateKind.values() : new GateKind[] {GateKind.valueOf(which)};
        for (int fanIn : new int[] {1, 2, 3, 4, 5, 9, 40, 300}) {
            List<Engine.Options> configs = fanIn < 40 ? configurations() : configurationsButNative();
            Circuit c = RandomCircuits.generate(
                    RandomCircuits.Spec.of(24, 150, 12, fanIn, kinds), fanIn * 31L + which.hashCode());
            for (long count : new long[] {0, 1, 63, 64, 65, 1021}) check(c, count + fanIn, count, configs);
        }
    }

    @Test
    void largeBatchesOnEveryConfiguration() throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(40, 400, 16, 12, GateKind.values()), 7);
        check(c, 99, 100_000, configurations());
    }

    @Test
    void largeAndNegativeWeights() throws IOException {
        RandomCircuits.Spec spec =
                RandomCircuits.Spec.of(30, 120, 10, 20, GateKind.WEIGHTED).withWeightBits(50);
        for (long seed = 0; seed < 4; seed++) {
            Circuit c = RandomCircuits.generate(spec, seed);
            check(c, seed, 1021, configurationsButNative());
        }
    }

    @Test
    void wideThresholdGatesUpToFanIn1001() throws IOException {
        for (int k : new int[] {3, 15, 63, 64, 255, 1001}) {
            dev.tc0.circuit.CircuitBuilder b = new dev.tc0.circuit.CircuitBuilder();
            int[] x = b.inputs("x", 64);
            java.util.SplittableRandom r = new java.util.SplittableRandom(k);
            int[] ops = new int[k];
            for (int i = 0; i < k; i++) ops[i] = x[r.nextInt(64)] ^ r.nextInt(2);
            for (int t : new int[] {1, 2, k / 3, k / 2, k / 2 + 1, k - 1, k}) {
                b.output("t" + t, b.threshold(Math.max(0, t), ops));
            }
            check(b.build(), k, 4096, configurations());
        }
    }

    @Test
    void levelModeOnAWideCircuitForksLevels() throws IOException {
        // Wide enough that levels exceed the fork threshold, so the parallel path really runs.
        Circuit c = RandomCircuits.layered(256, 6, 4000, GateKind.AND, 5);
        long count = 64L * 256;
        List<Engine.Options> configs = new ArrayList<>();
        for (Kernels k : kernels()) configs.add(new Engine.Options(2, Engine.Mode.LEVELS, k, 256));
        check(c, 3, count, configs);
    }

    /**
     * Level mode on the team: wide levels (split, one chunk per thread) alternate with runs of
     * narrow ones (one thread, no barrier), for 1 to 5 threads and batches of one tile and a few.
     */
    @Test
    void levelTeamSplitsWideLevelsAndRunsNarrowOnesAlone() throws IOException {
        dev.tc0.circuit.CircuitBuilder b = new dev.tc0.circuit.CircuitBuilder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int[] layer = b.inputs("x", 128);
        for (int block = 0; block < 3; block++) {
            for (int width : new int[] {3000, 2, 3, 2, 2500}) {
                int[] next = new int[width];
                for (int g = 0; g < width; g++) {
                    int a = layer[r.nextInt(layer.length)] ^ r.nextInt(2);
                    int c = layer[r.nextInt(layer.length)] ^ r.nextInt(2);
                    next[g] = (g & 1) == 0 ? b.and(a, c) : b.xor(a, c);
                }
                layer = next;
            }
        }
        for (int g = 0; g < layer.length; g += 97) b.output("y" + g, layer[g]);
        Circuit c = b.build();
        List<Engine.Options> configs = new ArrayList<>();
        for (int threads = 1; threads <= 5; threads++) {
            for (Kernels k : kernels()) configs.add(new Engine.Options(threads, Engine.Mode.LEVELS, k, 64));
        }
        check(c, 5, 64L * 64, configs);
        check(c, 6, 64L * 64 * 5 - 17, configs);
    }
}
