package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.RandomModels;
import dev.tc0.compile.transformer.Transformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transformers with arbitrary weights (Theorem 1 for every model): random models of the shape
 * that the value-set route cannot compile (2 layers, 2 heads, d_model 8, key and value size 4,
 * MLP 8, softmax, p = 8) compile through the arithmetic route, agree bit for bit with the exact
 * forward pass on random inputs, and keep their depth as n grows.
 */
class ArbitraryWeightsTest {
    /** {@code -Dtc0.lowering.full=true}: n = 8, 16 and 32 too, 10^4 random inputs at every n (default limits). */
    private static final boolean FULL = Boolean.getBoolean("tc0.lowering.full");

    private static final int RANDOM = FULL ? 10_000 : 2_000;
    private static final TransformerLowering.Options BUS =
            TransformerLowering.Options.DEFAULT.withRoute(TransformerLowering.Route.BUS);

    /** The model and its variants: every feature of the forward pass on the arithmetic route. */
    enum Variant {
        SOFTMAX_VALUE(RandomModels.Shape.MEDIUM, AttentionKind.SOFTMAX, false, OutputMode.VALUE),
        NORM_BOS_CAUSAL_ARGMAX(
                RandomModels.Shape.MEDIUM.withBos().withCausal(List.of(true, false)),
                AttentionKind.SOFTMAX,
                true,
                OutputMode.ARGMAX),
        CLASSIFIER(RandomModels.Shape.MEDIUM, AttentionKind.SOFTMAX, true, OutputMode.CLASSIFY_LAST),
        SATURATED(
                RandomModels.Shape.MEDIUM.withCausal(List.of(false, true)),
                AttentionKind.SATURATED,
                false,
                OutputMode.VALUE);

        final RandomModels.Shape shape;
        final AttentionKind kind;
        final boolean layerNorm;
        final OutputMode mode;

        Variant(RandomModels.Shape shape, AttentionKind kind, boolean layerNorm, OutputMode mode) {
            this.shape = shape;
            this.kind = kind;
            this.layerNorm = layerNorm;
            this.mode = mode;
        }

        Transformer model(int p) {
            return RandomModels.random(7 + ordinal(), shape, PrecisionSpec.bits(p), kind, layerNorm, mode);
        }
    }

    @Test
    void valueSetsGiveUpAndAutoTakesTheArithmeticRoute() {
        Transformer m = Variant.SOFTMAX_VALUE.model(8);
        TransformerLowering.Options valueSets =
                TransformerLowering.Options.DEFAULT.withRoute(TransformerLowering.Route.VALUE_SETS);
        LoweringLimitException e =
                assertThrows(LoweringLimitException.class, () -> TransformerLowering.compile(m, 2, valueSets));
        assertEquals(LoweringLimitException.Kind.VALUE_SET, e.kind(), e.getMessage());
        CompiledModel auto = TransformerLowering.compile(m, 2);
        CompiledModel bus = TransformerLowering.compile(m, 2, BUS);
        assertEquals(bus.circuit().numGates(), auto.circuit().numGates());
        assertEquals(16, LoweringCheck.check(auto, Verification.inputs(m.config(), 2, 4096, 0, 1)));
    }

    /**
     * Every variant on every input at n = 1, 2 and 4; in the full run n = 8, 16 and 32 too, on 10^4
     * random inputs (n = 32: about 10.7 M gates and 51 M edges), under the default limits.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void randomModelsAgreeWithTheReference(Variant v) throws IOException {
        Transformer m = v.model(8);
        int depth = -1;
        for (int n : FULL ? new int[] {1, 2, 4, 8, 16, 32} : new int[] {1, 2, 4}) {
            CompiledModel cm = TransformerLowering.compile(m, n, BUS);
            // the same depth from n = 8 on (the full run)
            if (n >= 8) {
                if (depth >= 0) assertEquals(depth, cm.circuit().depth(), v + " depth at n = " + n);
                depth = cm.circuit().depth();
            }
            List<int[]> words = Verification.inputs(m.config(), n, 4096, RANDOM, 1000L + n);
            assertEquals(
                    words.size(), LoweringCheck.check(cm, words), "no input may be ambiguous on the arithmetic route");
            report(v + " " + cm.summary() + ", " + words.size() + " inputs agree");
        }
    }

    /** Depth does not depend on n: the model at n = 4 and 8 (and 16 and 32 in the full run). */
    @Test
    void depthIsTheSameAtEveryN() throws IOException {
        Transformer m = Variant.SOFTMAX_VALUE.model(8);
        int depth = -1;
        for (int n : FULL ? new int[] {4, 8, 16, 32} : new int[] {4, 8}) {
            CompiledModel cm = TransformerLowering.compile(m, n, BUS);
            List<int[]> words = Verification.inputs(m.config(), n, 256, FULL ? RANDOM : 300, 3000L + n);
            assertEquals(words.size(), LoweringCheck.check(cm, words));
            report("depth " + cm.summary() + "\n" + cm.componentTable());
            if (depth >= 0) assertEquals(depth, cm.circuit().depth(), "depth at n = " + n);
            depth = cm.circuit().depth();
        }
    }

    /**
     * Saturated attention's normaliser is a count of the maxima; as minterms it is two levels
     * whatever n, so the depth is the same at n = 4 and 8 (the full run checks 8, 16 and 32 on
     * 10^4 inputs each; correctness here is {@link #randomModelsAgreeWithTheReference}'s).
     */
    @Test
    void saturatedDepthDoesNotFollowTheCount() {
        Transformer m = Variant.SATURATED.model(8);
        assertEquals(
                TransformerLowering.compile(m, 4, BUS).circuit().depth(),
                TransformerLowering.compile(m, 8, BUS).circuit().depth());
    }

    /**
     * The paper's p = O(log n): at p = 16 a one-layer random model (one head, d_model 4, key and
     * value size 2, MLP 4) compiles with the same depth at every n and agrees with the forward pass:
     * all inputs at n = 2 and 4, random ones at 8 (and at 16 in the full run, 2.6 M gates, 19 M edges).
     */
    @Test
    void sixteenBitsCompile() throws IOException {
        RandomModels.Shape small = new RandomModels.Shape(1, 1, 4, 2, 2, 4, 4, 16, false, List.of(false));
        Transformer m =
                RandomModels.random(11, small, PrecisionSpec.bits(16), AttentionKind.SOFTMAX, false, OutputMode.VALUE);
        int depth = -1;
        for (int n : FULL ? new int[] {2, 4, 8, 16} : new int[] {2, 4, 8}) {
            CompiledModel cm = TransformerLowering.compile(m, n, BUS);
            List<int[]> words = Verification.inputs(m.config(), n, 4096, FULL ? RANDOM : 300, 2000L + n);
            assertEquals(words.size(), LoweringCheck.check(cm, words));
            report("p=16 " + cm.summary());
            if (n >= 4) {
                if (depth >= 0) assertEquals(depth, cm.circuit().depth(), "depth at n = " + n);
                depth = cm.circuit().depth();
            }
        }
    }

    private static void report(String line) throws IOException {
        System.out.println(line);
        Path file = Path.of("target", "arbitrary-weights-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
