package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.transformer.models.CvpModel;
import dev.tc0.compile.transformer.models.ModelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reference pass ({@link Reference#run}, {@link Reference#output}: PackedPass) against its
 * straightforward twin ({@link Reference#at}: ForwardPass over PrecisionArithmetic): every residual
 * state and the output, bit for bit. Each model runs a sequence of inputs through one Reference,
 * because the fast pass keeps attention scores and affine outputs from one pass to the next: the
 * sequence repeats inputs, changes one token at a time, changes the length and goes back.
 */
class PackedPassTest {

    /** Equal traces: every state float's representation, and the output's fields. */
    static void assertSameTrace(Trace<PFloat> want, Trace<PFloat> got, String what) {
        assertEquals(want.precisionBits(), got.precisionBits(), what);
        assertEquals(want.states().size(), got.states().size(), what);
        for (int s = 0; s < want.states().size(); s++)
            assertEquals(want.states().get(s), got.states().get(s), what + ": state " + s);
        assertSameOutput(want.output(), got.output(), what);
    }

    static void assertSameOutput(ModelOutput<PFloat> want, ModelOutput<PFloat> got, String what) {
        assertEquals(want.mode(), got.mode(), what);
        assertEquals(want.accepted(), got.accepted(), what + ": accepted");
        assertArrayEquals(want.labels(), got.labels(), what + ": labels");
        assertEquals(want.scores(), got.scores(), what + ": scores");
    }

    /** Random inputs and their neighbours: one token changed, a repeat, another length. */
    static List<int[]> sequence(ModelConfig c, int maxLen, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int bos = c.bos() == null ? -1 : c.vocab().indexOf(c.bos());
        int first = bos >= 0 ? 1 : 0;
        List<int[]> out = new ArrayList<>();
        int[] w = null;
        for (int k = 0; k < count; k++) {
            int step = rnd.nextInt(4);
            if (w == null || step == 0 || w.length <= first) { // a fresh input, of a random length
                w = new int[rnd.nextInt(first + 1, maxLen + 1)];
                if (bos >= 0) w[0] = bos;
                for (int i = first; i < w.length; i++) w[i] = token(c, bos, rnd);
            } else if (step == 1) { // a repeat
                w = w.clone();
            } else { // one or two tokens changed
                w = w.clone();
                for (int t = 0; t < step - 1; t++) w[rnd.nextInt(first, w.length)] = token(c, bos, rnd);
            }
            out.add(w);
        }
        out.add(out.getFirst()); // back to where it began
        return out;
    }

    private static int token(ModelConfig c, int bos, SplittableRandom rnd) {
        while (true) {
            int t = rnd.nextInt(c.vocab().size());
            if (t != bos) return t;
        }
    }

    static void assertTwins(Transformer model, List<int[]> inputs, String what) {
        Reference fast = new Reference(model), plain = new Reference(model);
        int k = 0;
        for (int[] tokens : inputs) {
            String at = what + " on " + Arrays.toString(tokens);
            Trace<PFloat> want =
                    plain.at(model.config().precision().bitsFor(tokens.length)).run(tokens);
            // alternate the two entry points: both advance the same kept state
            if (k++ % 2 == 0) assertSameTrace(want, fast.run(tokens), at);
            else assertSameOutput(want.output(), fast.output(tokens), at);
        }
    }

    record Variant(AttentionKind kind, boolean layerNorm, OutputMode mode, List<Boolean> causal, boolean bos) {}

    static List<Variant> variants() {
        List<Variant> v = new ArrayList<>();
        for (AttentionKind kind : AttentionKind.values())
            for (boolean norm : List.of(false, true))
                for (OutputMode mode : OutputMode.values())
                    v.add(new Variant(
                            kind,
                            norm,
                            mode,
                            List.of(mode.ordinal() % 2 == 0, mode.ordinal() < 2),
                            mode == OutputMode.ARGMAX));
        return v;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void randomModelsAgreeWithTheStraightforwardPass(Variant v) {
        for (long seed = 1; seed <= 3; seed++) {
            RandomModels.Shape shape = RandomModels.Shape.MEDIUM.withCausal(v.causal());
            if (v.bos()) shape = shape.withBos();
            PrecisionSpec precision = seed == 3 ? PrecisionSpec.perLog2N(3) : PrecisionSpec.bits(seed == 1 ? 8 : 16);
            Transformer m = RandomModels.random(seed, shape, precision, v.kind(), v.layerNorm(), v.mode());
            assertTwins(m, sequence(m.config(), 12, 12, seed), v + " seed " + seed);
        }
    }

    /**
     * A model whose scores tie everywhere: zero query weights make every score 0, so every head
     * averages over all positions (causal or not), and its values are few distinct floats.
     */
    @Test
    void tiedScoresAgreeWithTheStraightforwardPass() {
        Transformer r = RandomModels.random(
                9,
                RandomModels.Shape.MEDIUM.withCausal(List.of(true, false)),
                PrecisionSpec.bits(12),
                AttentionKind.SATURATED,
                false,
                OutputMode.VALUE);
        List<Layer> layers = new ArrayList<>();
        for (Layer l : r.layers())
            layers.add(new Layer(
                    Linear.zero(l.query().in(), l.query().out()),
                    l.key(),
                    l.value(),
                    l.linear(),
                    l.linear1(),
                    l.linear2(),
                    l.attnNorm(),
                    l.mlpNorm()));
        Transformer m = new Transformer(r.config(), r.tokenEmbed(), r.posEmbed(), layers, r.finalNorm(), r.unembed());
        assertTwins(m, sequence(m.config(), 20, 10, 9), "tied scores");
    }

    @Test
    void shippedModelsAgreeWithTheStraightforwardPass() {
        for (String name : ModelRegistry.names()) {
            Transformer m = ModelRegistry.get(name);
            assertTwins(m, sequence(m.config(), 24, 6, name.hashCode()), name);
        }
    }

    /** With room to keep only some score rows between passes, the others are recomputed: the same bits. */
    @Test
    void aSmallBudgetForKeptScoresChangesNoBit() {
        Transformer m = CvpModel.build(2, 40);
        ModelConfig c = m.config();
        List<int[]> inputs = sequence(c, 30, 12, 3);
        for (long budget : new long[] {0, 100, 1000}) {
            Reference plain = new Reference(m);
            java.util.Map<Integer, PackedPass> fast = new java.util.HashMap<>();
            for (int[] tokens : inputs) {
                int p = c.precision().bitsFor(tokens.length);
                Trace<PFloat> want = plain.at(p).run(tokens);
                Trace<PFloat> got = fast.computeIfAbsent(p, bits -> new PackedPass(m, bits, budget))
                        .run(tokens);
                assertSameTrace(want, got, "budget " + budget + " on " + Arrays.toString(tokens));
            }
        }
    }

    /** The instruction-following model on advice-like inputs: a fixed prefix, then changing bits. */
    @Test
    void cvpModelOnSharedPrefixesAgreesWithTheStraightforwardPass() {
        Transformer m = CvpModel.build(2, 40);
        // x0 x1 x2, g3 = [x0 + x1 >= 1], g4 = [g3 + x2 <= 1]
        List<String> circuit = List.of(
                "X", "X", "X", ">=", "1", "0", "&", "&", "1", "<=", "1", "0", "&", "1", "1", "1", "&", "1", "1");
        List<int[]> inputs = new ArrayList<>();
        for (int x = 0; x < 8; x++) {
            List<String> t = new ArrayList<>(circuit);
            for (int i = 0; i < 3; i++) t.add((x >> i & 1) == 1 ? "1" : "0");
            inputs.add(m.config().encode(t));
        }
        inputs.add(inputs.get(3));
        assertTwins(m, inputs, "cvp");
        Reference ref = new Reference(m);
        for (int x = 0; x < 8; x++) {
            boolean g3 = (x & 1) + (x >> 1 & 1) >= 1, g4 = (g3 ? 1 : 0) + (x >> 2 & 1) <= 1;
            assertEquals(g4, ref.output(inputs.get(x)).accepted(), "x = " + x);
        }
    }
}
