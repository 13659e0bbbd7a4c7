package dev.tc0.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.study.Batch;
import dev.tc0.compile.study.ReferenceCheck;
import dev.tc0.eval.Engine;
import dev.tc0.eval.PlaneFiles;
import dev.tc0.eval.ReferenceEvaluator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Every benchmark's workload computes the right answer: the engine, configured exactly as the
 * benchmark configures it, against {@link ReferenceEvaluator} or the family's reference. The
 * parameter lists are read from the benchmarks' own {@code @Param} annotations, so a new value
 * cannot slip in untested. Pattern counts are smaller than the benchmarks' where the reference
 * would be slow; correctness does not depend on the count (the evaluator's tests cover that).
 */
class BenchmarkWorkloadsTest {

    static List<String> params(Class<?> benchmark, String field) {
        try {
            return List.of(benchmark.getField(field).getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    static void assertSameAsReference(EngineRun run, String what) {
        try (run) {
            long[][] want = ReferenceEvaluator.evaluate(run.circuit(), run.inputs());
            long[][] got = run.outputs();
            // the reference evaluates every bit of the planes; the run only its patterns, the rest zero
            long patterns = run.patterns();
            for (long[] plane : want) {
                int used = (int) ((patterns + 63) >>> 6);
                if (patterns % 64 != 0) plane[used - 1] &= (1L << (patterns % 64)) - 1;
                Arrays.fill(plane, used, plane.length, 0L);
            }
            for (int o = 0; o < want.length; o++) assertArrayEquals(want[o], got[o], what + ", output " + o);
        }
    }

    static Stream<String> gates() {
        return params(KernelBenchmark.class, "gate").stream();
    }

    @ParameterizedTest
    @MethodSource("gates")
    void kernelCircuitsAreLevelsOfTheNamedGateAndEvaluateCorrectly(String gate) {
        GateSpec g = GateSpec.parse(gate);
        Circuit c = KernelWorkloads.circuit(g, 42);
        assertEquals(KernelWorkloads.gates(g), c.numGates());
        assertEquals(KernelWorkloads.levels(g), c.depth());
        assertEquals(KernelWorkloads.WIDTH, c.numOutputs());
        // cheap gates: enough of them that the work (edges per pattern) is near the target
        assertEquals(
                true,
                c.numGates() * (long) g.fanIn()
                        >= Math.min(KernelWorkloads.EDGES / 2, KernelWorkloads.WIDTH * g.fanIn()),
                gate);
        for (int i = 0; i < c.numGates(); i++) {
            assertEquals(g.kind(), c.kind(i), gate);
            assertEquals(g.fanIn(), c.fanIn(i), gate);
        }
        for (String kernels : params(KernelBenchmark.class, "kernels")) {
            assertSameAsReference(KernelBenchmark.create(g, kernels, 8), gate + " " + kernels);
        }
    }

    @Test
    void kernelBaselineCopiesInputsAndRunsNoGate() {
        for (String inputs : params(KernelBaselineBenchmark.class, "inputs")) {
            EngineRun run = KernelBaselineBenchmark.create(Integer.parseInt(inputs), 8);
            assertEquals(0, run.circuit().numGates());
            assertEquals(KernelWorkloads.WIDTH, run.circuit().numOutputs());
            assertSameAsReference(run, "baseline " + inputs);
        }
    }

    @Test
    void kernelBaselinesCoverEveryKernelCircuit() {
        List<String> baselines = params(KernelBaselineBenchmark.class, "inputs");
        gates().forEach(g ->
                assertEquals(true, baselines.contains(String.valueOf(KernelWorkloads.inputs(GateSpec.parse(g)))), g));
    }

    static Stream<Integer> depths() {
        return params(DepthBenchmark.class, "depth").stream().map(Integer::valueOf);
    }

    @ParameterizedTest
    @MethodSource("depths")
    void depthCircuitsHaveTheirDepthAndEvaluateCorrectlyInEveryEngine(int depth) {
        assertEquals(depth, DepthBenchmark.circuit(depth).depth());
        // 2^14 patterns: several tiles, and enough work per level that LEVELS really forks
        for (String mode : params(DepthBenchmark.class, "mode")) {
            for (String threads : params(DepthBenchmark.class, "threads")) {
                assertSameAsReference(
                        DepthBenchmark.create(depth, Engine.Mode.valueOf(mode), Integer.parseInt(threads), 1 << 14),
                        "depth " + depth + " " + mode + " x" + threads);
            }
        }
    }

    @Test
    void lengthBenchmarkRunsExactlyTheLadder() {
        assertEquals(LengthLadder.rungs(), params(LengthBenchmark.class, "rung"));
    }

    static Stream<String> rungs() {
        return LengthLadder.rungs().stream();
    }

    @ParameterizedTest
    @MethodSource("rungs")
    void lengthRungsMatchTheirFamilyReference(String rung) {
        CircuitFamily f = LengthLadder.familyOf(rung);
        int n = LengthLadder.n(rung);
        Circuit c = LengthLadder.circuit(rung);
        if (f.constantDepth()) {
            assertEquals(
                    LengthLadder.familyOf(f.name() + "/16").build(16).depth(),
                    c.depth(),
                    rung + ": depth must not grow");
        }
        Batch batch = Batch.sampled(rnd -> f.randomInput(n, rnd), f.numInputs(n), 128, new SplittableRandom(n));
        for (String threads : params(LengthBenchmark.class, "threads")) {
            try (EngineRun run = new EngineRun(
                    c, LengthBenchmark.options(Integer.parseInt(threads)), batch.planes(), batch.patterns())) {
                ReferenceCheck.Mismatch m = ReferenceCheck.compare(c, x -> f.reference(n, x), batch, run.outputs());
                assertNull(m, () -> rung + " x" + threads + ": " + m.message());
            }
        }
    }

    static Stream<String> realCircuits() {
        return params(RealCircuitBenchmark.class, "circuit").stream();
    }

    @ParameterizedTest
    @MethodSource("realCircuits")
    void realCircuitsEvaluateCorrectly(String circuit) throws Exception {
        assumeTrue(
                CircuitFiles.unavailable().isEmpty(),
                () -> "skipped: " + CircuitFiles.unavailable().orElse(""));
        for (String threads : params(RealCircuitBenchmark.class, "threads")) {
            assertSameAsReference(
                    RealCircuitBenchmark.create(circuit, Integer.parseInt(threads), 1 << 12), circuit + " x" + threads);
        }
    }

    @Test
    void benchmarkCircuitListsAgree() {
        assertEquals(CircuitFiles.NAMES, params(RealCircuitBenchmark.class, "circuit"));
        assertEquals(CircuitFiles.NAMES, params(AbcBenchmark.class, "circuit"));
    }

    /** ABC reads the plane files tc0 writes and computes what tc0 computes: the peer runs the same job. */
    @ParameterizedTest
    @MethodSource("realCircuits")
    void abcComputesTheSameOutputsOnTheSamePlanes(String circuit, @TempDir Path dir) throws Exception {
        assumeTrue(
                CircuitFiles.unavailable().isEmpty(),
                () -> "skipped: " + CircuitFiles.unavailable().orElse(""));
        assumeTrue(AbcPeer.available(), "skipped: " + AbcPeer.BINARY + " is not installed");
        Path file = CircuitFiles.path(circuit), in = dir.resolve("in.bin"), out = dir.resolve("out.bin");
        Circuit c = CircuitFiles.read(circuit);
        assertEquals(c.numInputs(), AbcPeer.inputCount(file));
        AbcPeer.writePatterns(in, c.numInputs(), 1024, 5);
        AbcPeer.simulate(file, in, out);
        long[][] want = ReferenceEvaluator.evaluate(c, PlaneFiles.read(in, c.numInputs()));
        long[][] got = PlaneFiles.read(out, c.numOutputs());
        for (int o = 0; o < want.length; o++)
            assertArrayEquals(want[o], got[o], circuit + " output " + o + " " + Arrays.toString(got[o]));
    }

    static Stream<String> transformerRungs() {
        return params(TransformerBenchmark.class, "rung").stream();
    }

    /**
     * Each compiled model agrees bit for bit with the p-precision forward pass on valid inputs,
     * and the benchmark's batch (built from such inputs) evaluates as the reference interpreter does.
     * The reference interpreter evaluates a threshold gate one pattern at a time, so the batch it
     * checks shrinks with the circuit ({@link #referencePatterns}); the forward-pass check does not.
     */
    @ParameterizedTest
    @MethodSource("transformerRungs")
    void compiledTransformersMatchTheForwardPass(String rung) {
        dev.tc0.compile.lowering.CompiledModel cm = TransformerBenchmark.compile(rung);
        java.util.List<int[]> words =
                dev.tc0.compile.lowering.Verification.inputs(cm.model().config(), cm.n(), 0, 300, 7);
        dev.tc0.compile.lowering.Verification.Verdict verdict = dev.tc0.compile.lowering.Verification.check(cm, words);
        assertEquals(null, verdict.mismatch(), () -> verdict.mismatch().message());
        assertEquals(300, verdict.agreed());
        long patterns = referencePatterns(cm.circuit().numEdges());
        assertSameAsReference(
                TransformerBenchmark.create(cm, Engine.Options.defaults().withThreads(2), patterns), rung);
    }

    /**
     * Patterns for the reference interpreter's check of a circuit with {@code edges} edges: 4096
     * up to 2^20 edges, then halved per doubling of the edges (about 2^32 edge-patterns), never
     * below 64 (one word: the engine's tiles and the batch's repetition still hold at that size).
     */
    static long referencePatterns(long edges) {
        long p = Long.highestOneBit(Math.max(1L, (1L << 32) / Math.max(1L, edges)));
        return Math.max(64, Math.min(1 << 12, p));
    }

    static Stream<String> latencyWorkloads() {
        return params(LatencyBenchmark.class, "workload").stream();
    }

    /**
     * Every latency workload in every configuration the benchmark runs (level mode, each thread
     * count, each batch) against the reference evaluator on the benchmark's own inputs.
     */
    @ParameterizedTest
    @MethodSource("latencyWorkloads")
    void latencyWorkloadsEvaluateCorrectlyInLevelMode(String workload) {
        for (String threads : params(LatencyBenchmark.class, "threads")) {
            for (String patterns : params(LatencyBenchmark.class, "patterns")) {
                EngineRun run = LatencyBenchmark.create(workload, Integer.parseInt(threads), Long.parseLong(patterns));
                Engine.Report report = run.run();
                assertEquals(Long.parseLong(patterns), report.patterns(), workload);
                assertEquals(Engine.Mode.LEVELS, report.mode(), workload);
                assertSameAsReference(run, workload + " x" + threads + " " + patterns + " patterns");
            }
        }
    }

    /** Each model runs beside its twin at the same n, and each twin is a sequential family. */
    @Test
    void latencyModelsComeWithTheirTwinsAtTheSameN() {
        List<String> ws = params(LatencyBenchmark.class, "workload");
        for (String w : ws) {
            if (LatencyBenchmark.isModel(w)) {
                assertEquals(
                        true,
                        dev.tc0.compile.transformer.models.ModelRegistry.names().contains(LengthLadder.family(w)),
                        w);
                String twin = LatencyBenchmark.TWINS.get(LengthLadder.family(w)) + "/" + LengthLadder.n(w);
                assertEquals(true, ws.contains(twin), w + " without " + twin);
            } else {
                assertEquals(false, LengthLadder.familyOf(w).constantDepth(), w);
                assertEquals(true, LatencyBenchmark.TWINS.containsValue(LengthLadder.family(w)), w);
            }
        }
    }
}
