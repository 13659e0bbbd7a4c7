package dev.tc0.eval.codegen;

import static dev.tc0.eval.codegen.CodegenTest.assertMatchesReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native kernels (C compiled by the machine's C compiler) against {@code ReferenceEvaluator}:
 * plans of one chunk and of many, every gate kind, wide counters, both engines, several tile
 * widths; the library cache; and the errors a missing
 * or failing compiler gives. Skipped, with a message, where no C compiler runs ({@code
 * EngineEquivalenceTest} covers the native kernels on every configuration too when one does).
 */
class NativeKernelsTest {
    @BeforeAll
    static void needsACompiler() {
        assumeTrue(
                NativeKernels.compilerAvailable(),
                "no C compiler runs here ('" + NativeCompiler.compiler()
                        + " --version' fails): native kernels untested");
    }

    /** About 1,800 chunks for 2,000 gates, in some six translation units compiled side by side. */
    static final NativeKernels SMALL_CHUNKS = NativeKernels.of(300, 20_000);

    static Engine.Options[] everyMode(Kernels k) {
        return new Engine.Options[] {
            new Engine.Options(1, Engine.Mode.TILES, k, 0),
            new Engine.Options(2, Engine.Mode.TILES, k, 8),
            new Engine.Options(3, Engine.Mode.TILES, k, 32),
            new Engine.Options(2, Engine.Mode.LEVELS, k, 16),
            new Engine.Options(3, Engine.Mode.LEVELS, k, 64),
            new Engine.Options(2, Engine.Mode.AUTO, k, 256)
        };
    }

    static Engine.Options[] both(Kernels a, Kernels b) {
        return Stream.concat(Stream.of(everyMode(a)), Stream.of(everyMode(b))).toArray(Engine.Options[]::new);
    }

    @Test
    void randomCircuitsOfEveryKindInOneChunkAndInMany() throws IOException {
        for (int fanIn : new int[] {2, 3, 9}) {
            Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(32, 2000, 24, fanIn, GateKind.values()), fanIn);
            EvalPlan plan = EvalPlan.of(c);
            int few = NativeKernels.INSTANCE.compiled(plan.depthFirst()).chunks.count();
            int many = SMALL_CHUNKS.compiled(plan.depthFirst()).chunks.count();
            assertTrue(few * 10 < many, few + " chunks by default, " + many + " at a small budget");
            int units = SMALL_CHUNKS.translationUnits(plan.depthFirst());
            assertTrue(units > 4, units + " translation units");
            assertMatchesReference(c, 64L * 300, both(NativeKernels.INSTANCE, SMALL_CHUNKS));
        }
    }

    @Test
    void wideAndNegativelyWeightedCountersAndSharedSums() throws IOException {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 64);
        SplittableRandom r = new SplittableRandom(3);
        for (int k : new int[] {1, 4, 17, 64, 600}) {
            int[] lits = new int[k];
            long[] w = new long[k];
            long sum = 0;
            for (int i = 0; i < k; i++) {
                lits[i] = x[r.nextInt(64)] ^ r.nextInt(2);
                w[i] = r.nextLong(-(1L << 40), 1L << 40);
                sum += Math.abs(w[i]);
            }
            for (long t : new long[] {-sum - 1, -3, 0, 1, sum / 3, sum, sum + 1}) {
                b.output("w" + k + "_" + t, b.weighted(w, lits, t));
            }
            // One operand list, several thresholds: a run of gates that share one sum.
            for (long t : new long[] {0, 1, k / 2, k / 2 + 1, k, k + 1})
                b.output("t" + k + "_" + t, b.threshold(t, lits));
        }
        assertMatchesReference(b.build(), 64L * 64, both(NativeKernels.INSTANCE, SMALL_CHUNKS));
    }

    @Test
    void outputsThatAreInputsConstantsOrSharedGates() throws IOException {
        assertMatchesReference(CodegenTest.outputsOfEveryShape(), 64L * 100, everyMode(NativeKernels.INSTANCE));
    }

    @Test
    void aLibraryIsCompiledOncePerMachineAndLoadedFromTheCache() throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(16, 300, 8, 3, GateKind.values()), 77);
        NativeKernels.Library first = NativeKernels.of(1234).compiled(EvalPlan.of(c));
        long stamp = Files.getLastModifiedTime(first.path).toMillis();
        // Another kernel set and another plan of the same circuit: the same source, so the same file.
        NativeKernels.Library again = NativeKernels.of(1234).compiled(EvalPlan.of(c));
        assertEquals(first.path, again.path);
        assertEquals(stamp, Files.getLastModifiedTime(again.path).toMillis(), "not compiled again");
        try (Stream<Path> files = Files.list(first.path.getParent())) {
            List<Path> left = files.filter(p -> !p.toString().endsWith(".so")).toList();
            assertEquals(List.of(), left, "no source or temporary file is left in the cache");
        }
    }

    @Test
    void aMissingOrFailingCompilerIsOneClearError(@TempDir Path dir) throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(8, 40, 4, 2, GateKind.values()), 5);
        String before = System.getProperty("tc0.native.cc");
        try {
            System.setProperty("tc0.native.cc", dir.resolve("no-such-cc").toString());
            NativeCodeException e = assertThrows(
                    NativeCodeException.class, () -> NativeKernels.of(999).compiled(EvalPlan.of(c)));
            assertTrue(e.getMessage().startsWith("native kernels need a C compiler: cannot run '"), e.getMessage());
            Path failing = dir.resolve("failing-cc");
            Files.writeString(failing, "#!/bin/sh\necho 'fake.c:1: error: no' >&2\nexit 3\n");
            assertTrue(failing.toFile().setExecutable(true));
            System.setProperty("tc0.native.cc", failing.toString());
            e = assertThrows(
                    NativeCodeException.class, () -> NativeKernels.of(998).compiled(EvalPlan.of(c)));
            assertTrue(e.getMessage().contains("failed (exit 3): fake.c:1: error: no"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        } finally {
            if (before == null) System.clearProperty("tc0.native.cc");
            else System.setProperty("tc0.native.cc", before);
        }
        try (Stream<Path> files = Files.list(NativeCompiler.cacheDir())) {
            assertEquals(
                    List.of(),
                    files.filter(p -> !p.toString().endsWith(".so")).toList(),
                    "a failed compile leaves nothing in the cache");
        }
    }

    @Test
    void autoChoosesNativeCodeOnlyForABatchThatRepaysIt() throws IOException {
        Kernels interpreter = KernelProvider.vectorOrNull();
        AutoKernels auto = new AutoKernels(interpreter);
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(24, 3000, 12, 2, GateKind.values()), 4242);
        EvalPlan plan = EvalPlan.of(c).depthFirst();
        double edges = plan.numEdges();
        // Patterns for which the interpreter's estimated time is t seconds on one thread.
        java.util.function.DoubleToLongFunction patterns =
                t -> (long) (t * AutoKernels.INTERPRETER_EDGES_PER_SECOND / edges);
        assertSame(interpreter, auto.choose(plan, -1, 1), "an unknown batch");
        assertSame(interpreter, auto.choose(plan, 1 << 20, 1), "a small batch");
        // Repays a compile: the saving passes gcc's estimated time per edge.
        // gcc's estimated time, shared among the compilers that run at once.
        double compile = AutoKernels.COMPILE_SECONDS_PER_EDGE * edges / NativeKernels.INSTANCE.compileJobs(plan);
        long big = patterns.applyAsLong(Math.max(2 * AutoKernels.MIN_SECONDS, 2 * compile / AutoKernels.SAVED));
        assertSame(NativeKernels.INSTANCE, auto.choose(plan, big, 1));
        assertSame(interpreter, auto.choose(plan, big, 64), "64 threads take 1/64 of the time");
        // Repays loading a cached library but not a compile: native once the library is cached.
        Circuit wide = RandomCircuits.generate(RandomCircuits.Spec.of(64, 20000, 2000, 2, GateKind.AND), 4243);
        plan = EvalPlan.of(wide).depthFirst();
        double compileWide =
                AutoKernels.COMPILE_SECONDS_PER_EDGE * plan.numEdges() / NativeKernels.INSTANCE.compileJobs(plan);
        assertTrue(compileWide > 2 * AutoKernels.LOAD_SECONDS, plan.numEdges() + " edges compile longer than a load");
        // Saves halfway between a load and a compile.
        double seconds =
                Math.max(AutoKernels.MIN_SECONDS, (AutoKernels.LOAD_SECONDS + compileWide) / 2 / AutoKernels.SAVED);
        assertTrue(AutoKernels.SAVED * seconds < compileWide, "the batch does not repay a compile");
        long mid = (long) (seconds * AutoKernels.INTERPRETER_EDGES_PER_SECOND / plan.numEdges());
        Files.deleteIfExists(NativeKernels.INSTANCE.libraryPath(plan));
        assertSame(interpreter, auto.choose(plan, mid, 1), "not compiled yet");
        NativeKernels.INSTANCE.compiled(plan);
        assertSame(NativeKernels.INSTANCE, auto.choose(plan, mid, 1), "in the cache");
        // Past MAX_EDGES native code's lead is gone: no batch, however large, chooses it.
        Circuit huge =
                RandomCircuits.generate(RandomCircuits.Spec.of(64, 80_000, 16, 64, GateKind.AND, GateKind.OR), 4244);
        plan = EvalPlan.of(huge).depthFirst();
        assertTrue(plan.numEdges() > AutoKernels.MAX_EDGES, plan.numEdges() + " edges");
        assertSame(interpreter, auto.choose(plan, Long.MAX_VALUE / 1024, 1), "too large to pay");
    }

    @Test
    void anEngineOnAutoRunsTheBatchOnNativeCodeWhenChosen() throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(24, 500, 12, 3, GateKind.values()), 31);
        // An interpreter assumed a million times slower: every batch repays compiling.
        AutoKernels eager = new AutoKernels(KernelProvider.vectorOrNull(), NativeKernels.INSTANCE, 1e6);
        long count = 64L * 2048;
        long[][] planes = new dev.tc0.eval.RandomSource(c.numInputs(), count, 3).planes();
        long[][] want = dev.tc0.eval.ReferenceEvaluator.evaluate(c, planes);
        for (int threads : new int[] {1, 2}) {
            try (Engine e = new Engine(EvalPlan.of(c), new Engine.Options(threads, Engine.Mode.AUTO, eager, 0))) {
                dev.tc0.eval.PlaneArraySink sink = new dev.tc0.eval.PlaneArraySink(c.numOutputs(), count);
                Engine.Report r = e.run(new dev.tc0.eval.PlaneArraySource(planes, count), sink);
                assertEquals(NativeKernels.INSTANCE.name(), r.kernels());
                for (int o = 0; o < want.length; o++)
                    org.junit.jupiter.api.Assertions.assertArrayEquals(want[o], sink.planes()[o]);
            }
        }
    }
}
