package dev.tc0.eval.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.PlaneArraySink;
import dev.tc0.eval.PlaneArraySource;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.ReferenceEvaluator;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Generated code, over {@code long} words and over {@code LongVector}s, against {@link
 * ReferenceEvaluator} and the interpreter where the random circuits of {@code
 * EngineEquivalenceTest} do not reach: plans of many chunks and classes, outputs that are inputs
 * or constants, the bytecode limit C2 compiles under, and the per-plan cache. ({@code
 * EngineEquivalenceTest} runs every gate kind, mode, thread count and tile size with both too.)
 */
class CodegenTest {
    /** HotSpot's HugeMethodLimit: longer methods are never compiled. */
    static final int HUGE_METHOD_LIMIT = 8000;

    static long[][] evaluate(Circuit c, Engine.Options o, long[][] planes, long count) throws IOException {
        try (Engine e = new Engine(EvalPlan.of(c), o)) {
            PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), count);
            e.run(new PlaneArraySource(planes, count), sink);
            return sink.planes();
        }
    }

    /** Every output of every configuration equals the reference (all patterns: count is a word multiple). */
    static void assertMatchesReference(Circuit c, long count, Engine.Options... configs) throws IOException {
        long[][] planes = new RandomSource(c.numInputs(), count, 5).planes();
        long[][] want = ReferenceEvaluator.evaluate(c, planes);
        for (Engine.Options o : configs) {
            long[][] got = evaluate(c, o, planes, count);
            for (int out = 0; out < want.length; out++) {
                int oi = out;
                assertArrayEquals(want[out], got[out], () -> "output " + oi + " with " + o);
            }
        }
    }

    /** Default chunks without the JIT warm-up (one test below keeps it). */
    static final CodegenKernels COLD = CodegenKernels.of(CodegenKernels.DEFAULT_CHUNK_BYTES, false);

    /** The vector variant's default chunks without the warm-up. */
    static final CodegenKernels VECTOR_COLD = CodegenKernels.vector(CodegenKernels.VECTOR_CHUNK_BYTES, false);

    static Engine.Options options(CodegenKernels k, int threads, Engine.Mode mode, int tile) {
        return new Engine.Options(threads, mode, k, tile);
    }

    @Test
    void aPlanOfManyChunksAndClassesMatchesTheReferenceInBothEngines() throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(64, 6000, 40, 6, GateKind.values()), 11);
        CodegenKernels k = CodegenKernels.of(400, false);
        CodegenKernels vk = CodegenKernels.vector(400, false);
        EvalPlan plan = EvalPlan.of(c);
        assertTrue(
                Chunks.of(plan.depthFirst(), 400).count() > 2 * PlanClasses.CHUNKS_PER_CLASS,
                "the plan spans several generated classes");
        assertMatchesReference(
                c,
                64L * 512,
                options(k, 1, Engine.Mode.TILES, 0),
                options(k, 2, Engine.Mode.TILES, 64),
                options(k, 2, Engine.Mode.LEVELS, 256),
                options(k, 3, Engine.Mode.LEVELS, 8),
                options(COLD, 2, Engine.Mode.AUTO, 0),
                options(vk, 1, Engine.Mode.TILES, 0),
                options(vk, 2, Engine.Mode.TILES, 64),
                options(vk, 3, Engine.Mode.LEVELS, 8),
                options(VECTOR_COLD, 2, Engine.Mode.AUTO, 0));
    }

    /** Outputs that are inputs, negated inputs, constants, one gate twice, an OR and a majority. */
    static Circuit outputsOfEveryShape() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 6);
        int g = b.and(x[0], CircuitBuilder.not(x[1]));
        int h = b.xor(g, x[2], x[3]);
        b.output("x0", x[0]);
        b.output("notx5", CircuitBuilder.not(x[5]));
        b.output("false", CircuitBuilder.constant(false));
        b.output("true", CircuitBuilder.constant(true));
        b.output("g", g);
        b.output("g again", g);
        b.output("not h", CircuitBuilder.not(h));
        b.output("or", b.or(h, CircuitBuilder.not(x[4])));
        b.output("maj", b.majority(h, x[4], CircuitBuilder.not(g)));
        return b.build();
    }

    @Test
    void outputsThatAreInputsConstantsOrSharedGates() throws IOException {
        // The default sets, JIT warm-up included.
        CodegenKernels vector = CodegenKernels.vectorOrNull();
        assertTrue(vector != null && vector.name().startsWith("codegen-vector-"), "the tests run with the Vector API");
        Circuit c = outputsOfEveryShape();
        for (int tile : new int[] {8, 16, 32}) {
            assertMatchesReference(
                    c,
                    64L * 100,
                    options(CodegenKernels.INSTANCE, 1, Engine.Mode.TILES, tile),
                    options(CodegenKernels.INSTANCE, 2, Engine.Mode.LEVELS, tile),
                    options(vector, 1, Engine.Mode.TILES, tile),
                    options(vector, 2, Engine.Mode.LEVELS, tile));
        }
    }

    @Test
    void thresholdAndWeightedGatesAreGeneratedInlineWithNegativeWeights() throws IOException {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 24);
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 1; k <= 24; k += 3) {
            int[] lits = new int[k];
            long[] w = new long[k];
            long sum = 0;
            for (int i = 0; i < k; i++) {
                lits[i] = x[r.nextInt(24)] ^ r.nextInt(2);
                w[i] = r.nextLong(-40, 41);
                sum += Math.abs(w[i]);
            }
            for (long t : new long[] {-sum - 1, -3, 0, 1, k / 2, sum / 3, sum, sum + 1}) {
                b.output("w" + k + "_" + t, b.weighted(w, lits, t));
            }
            for (long t : new long[] {0, 1, k / 2, k, k + 1}) b.output("t" + k + "_" + t, b.threshold(t, lits));
        }
        Circuit c = b.build();
        EvalPlan plan = EvalPlan.of(c);
        Chunks chunks = Chunks.of(plan.depthFirst(), Chunks.DEFAULT_BUDGET);
        for (int i = 0; i < chunks.count(); i++) assertFalse(chunks.interpreted[i], "chunk " + i + " is generated");
        Engine.Options vector = new Engine.Options(1, Engine.Mode.TILES, KernelProvider.vectorOrNull(), 32);
        long[][] planes = new RandomSource(c.numInputs(), 64L * 64, 9).planes();
        long[][] interpreted = evaluate(c, vector, planes, 64L * 64);
        // The vector variant at the scalar budget generates every COUNT gate too.
        CodegenKernels allVector = CodegenKernels.vector(Chunks.DEFAULT_BUDGET, false);
        for (CodegenKernels k : new CodegenKernels[] {COLD, allVector}) {
            long[][] generated = evaluate(c, options(k, 1, Engine.Mode.TILES, 32), planes, 64L * 64);
            for (int o = 0; o < c.numOutputs(); o++)
                assertArrayEquals(interpreted[o], generated[o], k + ": " + c.outputName(o));
        }
        assertMatchesReference(
                c,
                64L * 64,
                options(COLD, 2, Engine.Mode.LEVELS, 16),
                options(allVector, 2, Engine.Mode.LEVELS, 16),
                options(VECTOR_COLD, 1, Engine.Mode.TILES, 8));
    }

    @Test
    void aGateTooLargeForAMethodIsLeftToTheInterpreter() throws IOException {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 64);
        SplittableRandom r = new SplittableRandom(1);
        int[] lits = new int[600];
        for (int i = 0; i < lits.length; i++) lits[i] = x[r.nextInt(64)] ^ r.nextInt(2);
        int big = b.threshold(300, lits);
        b.output("big", big);
        b.output("mixed", b.and(big, b.xor(x[0], x[1])));
        Circuit c = b.build();
        Chunks chunks = Chunks.of(EvalPlan.of(c).depthFirst(), Chunks.DEFAULT_BUDGET);
        int interpreted = 0;
        for (int i = 0; i < chunks.count(); i++) if (chunks.interpreted[i]) interpreted++;
        assertEquals(1, interpreted, "the fan-in-600 gate runs in the interpreter");
        assertMatchesReference(
                c,
                64L * 64,
                options(COLD, 1, Engine.Mode.TILES, 64),
                options(COLD, 2, Engine.Mode.LEVELS, 16),
                options(VECTOR_COLD, 1, Engine.Mode.TILES, 64),
                options(VECTOR_COLD, 2, Engine.Mode.LEVELS, 16));
    }

    @Test
    void everyGeneratedMethodStaysUnderTheHugeMethodLimit() {
        assertChunksUnderTheHugeMethodLimit(WordCode.LongCode.INSTANCE, Chunks.DEFAULT_BUDGET);
        assertChunksUnderTheHugeMethodLimit(VectorCode.INSTANCE, CodegenKernels.VECTOR_CHUNK_BYTES);
    }

    static void assertChunksUnderTheHugeMethodLimit(WordCode code, int budget) {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(40, 3000, 20, 60, GateKind.values()), 4);
        EvalPlan plan = EvalPlan.of(c);
        for (EvalPlan p : new EvalPlan[] {plan, plan.depthFirst()}) {
            Chunks chunks = Chunks.of(p, budget);
            // The widest tile makes every arena offset a 3-byte ldc, the longest form.
            ChunkEmitter emitter = new ChunkEmitter(chunks, 4096, code);
            int longest = 0;
            for (int first = 0; first < chunks.count(); first += PlanClasses.CHUNKS_PER_CLASS) {
                int last = Math.min(chunks.count(), first + PlanClasses.CHUNKS_PER_CLASS);
                ClassModel m =
                        ClassFile.of().parse(PlanClasses.classBytes(emitter, chunks, first, last, code.wordsPerCall()));
                for (MethodModel method : m.methods()) {
                    int length = method.findAttribute(java.lang.classfile.Attributes.code())
                            .map(CodeAttribute::codeLength)
                            .orElse(0);
                    longest = Math.max(longest, length);
                }
            }
            assertTrue(longest < HUGE_METHOD_LIMIT, code.kernelsName() + ": longest generated method: " + longest);
            assertTrue(longest > budget / 10, code.kernelsName() + ": chunks are not trivially small: " + longest);
        }
    }

    @Test
    void aPlanIsCompiledOncePerTileWidth() {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(10, 200, 5, 3, GateKind.values()), 2);
        EvalPlan plan = EvalPlan.of(c).depthFirst();
        CodegenKernels k = CodegenKernels.of(500, false);
        CompiledPlan a = k.compiled(plan, 16);
        assertSame(a, k.compiled(plan, 16));
        CompiledPlan b = k.compiled(plan, 32);
        assertEquals(32, b.words);
        assertSame(a, k.compiled(plan, 16), "both widths stay cached");
        assertTrue(a.generationNanos > 0);
    }

    @Test
    void levelCutsAreChunkStartsWithinTheLevel() {
        Circuit c = RandomCircuits.layered(64, 5, 3000, GateKind.AND, 3);
        EvalPlan plan = EvalPlan.of(c);
        CodegenKernels k = CodegenKernels.of(300, false);
        Chunks chunks = k.compiled(plan, 8).chunks;
        for (int g = 0; g < chunks.start[chunks.count()]; g += 37) {
            int c0 = chunks.chunkOf(g);
            int cut = k.cut(plan, chunks.level[c0], g, 8);
            assertTrue(cut >= g && cut <= chunks.start[c0 + 1], "cut " + cut + " for gate " + g);
            assertTrue(cut == chunks.start[chunks.count()] || chunks.start[chunks.chunkOf(cut)] == cut, "cut " + cut);
            // A cut never crosses into the next level.
            assertTrue(cut == g || chunks.level[chunks.chunkOf(cut - 1)] == chunks.level[c0]);
        }
    }
}
