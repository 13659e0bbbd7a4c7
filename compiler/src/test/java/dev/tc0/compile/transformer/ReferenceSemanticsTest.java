package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.number.RealFunctions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reference forward pass against a second, deliberately plain implementation of the order of
 * operations written in src/docs/transformer.md: dense loops over the double weights, every weight
 * truncated where it is used, zero weights included. Bit-for-bit agreement is required.
 */
class ReferenceSemanticsTest {

    /** The documented semantics, transcribed directly. */
    private static final class Plain {
        final Transformer m;
        final Precision P;

        Plain(Transformer m, int p) {
            this.m = m;
            this.P = Precision.of(p);
        }

        PFloat w(double x) {
            return P.fromDouble(x);
        }

        /** y_c = ⊕(residual_c, b_c, w_rc ⊗ x_r for every r). */
        PFloat[] affine(Linear l, PFloat[] x, PFloat[] residual) {
            PFloat[] y = new PFloat[l.out()];
            for (int c = 0; c < y.length; c++) {
                List<PFloat> terms = new ArrayList<>();
                if (residual != null) terms.add(residual[c]);
                terms.add(w(l.b()[c]));
                for (int r = 0; r < x.length; r++) terms.add(PMath.multiply(P, w(l.w()[r][c]), x[r]));
                y[c] = PMath.sum(P, terms);
            }
            return y;
        }

        PFloat[] norm(LayerNormParams n, PFloat[] x) {
            int d = x.length;
            PFloat mean = PMath.divide(P, PMath.sum(P, List.of(x)), d);
            PFloat[] u = new PFloat[d];
            List<PFloat> squares = new ArrayList<>();
            for (int c = 0; c < d; c++) {
                u[c] = PMath.sum(P, x[c], mean.negate());
                squares.add(PMath.multiply(P, u[c], u[c]));
            }
            PFloat r = RealFunctions.inverseNorm(
                    P, PMath.sum(P, squares), d, new BigDecimal(m.config().layerNormEpsilon()));
            PFloat[] y = new PFloat[d];
            for (int c = 0; c < d; c++)
                y[c] = PMath.sum(P, w(n.offset()[c]), PMath.multiply(P, w(n.scale()[c]), PMath.multiply(P, u[c], r)));
            return y;
        }

        PFloat[][] run(int[] tokens) {
            ModelConfig c = m.config();
            int n = tokens.length, d = c.dModel();
            PFloat[][] h = new PFloat[n][d];
            for (int i = 0; i < n; i++)
                for (int k = 0; k < d; k++)
                    h[i][k] = PMath.sum(P, w(m.tokenEmbed()[tokens[i]][k]), w(m.posEmbed()[i][k]));
            for (int l = 0; l < c.numLayers(); l++) {
                Layer L = m.layers().get(l);
                PFloat[][] q = new PFloat[n][], k = new PFloat[n][], v = new PFloat[n][];
                for (int i = 0; i < n; i++) {
                    PFloat[] x = c.layerNorm() ? norm(L.attnNorm(), h[i]) : h[i];
                    q[i] = affine(L.query(), x, null);
                    k[i] = affine(L.key(), x, null);
                    v[i] = affine(L.value(), x, null);
                }
                PFloat[][] next = new PFloat[n][];
                for (int i = 0; i < n; i++) {
                    int end = c.isCausal(l) ? i + 1 : n;
                    PFloat[] heads = new PFloat[c.numHeads() * c.valueSize()];
                    for (int hd = 0; hd < c.numHeads(); hd++) {
                        PFloat[] s = new PFloat[end];
                        PFloat[] sigma = new PFloat[end];
                        for (int j = 0; j < end; j++) {
                            List<PFloat> terms = new ArrayList<>();
                            for (int t = 0; t < c.keySize(); t++)
                                terms.add(PMath.multiply(P, q[i][hd * c.keySize() + t], k[j][hd * c.keySize() + t]));
                            sigma[j] = PMath.sum(P, terms);
                        }
                        PFloat max = sigma[0];
                        for (PFloat x : sigma) if (x.compareTo(max) > 0) max = x;
                        for (int j = 0; j < end; j++) {
                            s[j] = c.attention() == AttentionKind.SOFTMAX
                                    ? RealFunctions.exp(P, sigma[j], new BigDecimal(c.softmaxScale()))
                                    : sigma[j].compareTo(max) == 0 ? P.one() : P.zero();
                        }
                        PFloat z = PMath.sum(P, List.of(s));
                        for (int t = 0; t < c.valueSize(); t++) {
                            List<PFloat> terms = new ArrayList<>();
                            for (int j = 0; j < end; j++)
                                terms.add(PMath.multiply(P, PMath.divide(P, s[j], z), v[j][hd * c.valueSize() + t]));
                            heads[hd * c.valueSize() + t] = PMath.sum(P, terms);
                        }
                    }
                    PFloat[] o = affine(L.linear(), heads, h[i]);
                    PFloat[] hidden = affine(L.linear1(), c.layerNorm() ? norm(L.mlpNorm(), o) : o, null);
                    for (int r = 0; r < hidden.length; r++) hidden[r] = PMath.relu(P, hidden[r]);
                    next[i] = affine(L.linear2(), hidden, o);
                }
                h = next;
            }
            return h;
        }
    }

    private static void compare(Transformer model, int p, List<int[]> inputs) {
        Plain plain = new Plain(model, p);
        ForwardPass<PFloat> reference = new Reference(model).at(p);
        for (int[] tokens : inputs) {
            PFloat[][] expected = plain.run(tokens);
            List<List<PFloat>> actual = reference.run(tokens).last();
            for (int i = 0; i < expected.length; i++)
                assertEquals(
                        List.of(expected[i]),
                        actual.get(i),
                        "position " + i + " of " + java.util.Arrays.toString(tokens));
        }
    }

    private static List<int[]> someInputs(long seed) {
        List<int[]> all = RandomModels.allInputs(3, 6);
        List<int[]> pick = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 25; i++) pick.add(all.get(rnd.nextInt(all.size())));
        return pick;
    }

    @Test
    void softmaxWithLayerNormMatchesTheDocumentedOrder() {
        for (long seed = 1; seed <= 3; seed++) {
            Transformer m = RandomModels.random(
                    seed, PrecisionSpec.bits(16), AttentionKind.SOFTMAX, true, OutputMode.CLASSIFY_LAST);
            compare(m, 16, someInputs(seed));
        }
    }

    @Test
    void saturatedWithoutLayerNormMatchesTheDocumentedOrder() {
        for (long seed = 4; seed <= 6; seed++) {
            Transformer m = RandomModels.random(
                    seed, PrecisionSpec.bits(12), AttentionKind.SATURATED, false, OutputMode.ARGMAX);
            compare(m, 12, someInputs(seed));
        }
    }

    /** The observer sees every head at every position, with weights that sum to 1 up to truncation. */
    @Test
    void observerReportsTheIntermediateValues() {
        Reference hist = new Reference(dev.tc0.compile.transformer.models.TracrPrograms.hist(8));
        List<Integer> seen = new ArrayList<>();
        List<String> input = List.of("BOS", "a", "b", "a", "c");
        hist.at(16).run(hist.model().config().encode(input), new ForwardObserver<>() {
            @Override
            public void head(
                    int layer,
                    int head,
                    int i,
                    List<PFloat> scores,
                    List<PFloat> s,
                    PFloat z,
                    List<PFloat> weights,
                    List<PFloat> out) {
                seen.add(i);
                assertEquals(input.size(), weights.size());
                double total = weights.stream().mapToDouble(PFloat::toDouble).sum();
                // Z is truncated down (factor >= 1 - 2^-6) and each weight too
                assertTrue(
                        total <= 1 / (1 - 1.0 / 64) + 1e-12 && total >= 1 - input.size() / 64.0,
                        "weights sum to " + total);
            }
        });
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
    }

    @Test
    void inputsAreChecked() {
        Reference ref = new Reference(
                RandomModels.random(1, PrecisionSpec.bits(16), AttentionKind.SOFTMAX, false, OutputMode.VALUE));
        assertThrows(IllegalArgumentException.class, () -> ref.run(new int[7]));
        assertThrows(IllegalArgumentException.class, () -> ref.run(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ref.run(new int[] {0, 3}));
        assertThrows(IllegalArgumentException.class, () -> ref.run(List.of("a", "z")));
    }

    @Test
    void derivedPrecisionIsCheckedAgainstThePapersRequirement() {
        // c = 1: p(n) = log2 n < log2|Σ| + log2 n for |Σ| = 3; the message names the first bad n
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RandomModels.random(
                        1, PrecisionSpec.perLog2N(1), AttentionKind.SOFTMAX, false, OutputMode.VALUE));
        assertEquals(
                "config.precision: precision 1.0·log2(n) gives p=4 bits at n=6, but log2|vocab| + log2 n = log2 3 + log2 6 = 4.17 > p",
                e.getMessage());
        assertEquals(12, PrecisionSpec.perLog2N(2).bitsFor(64));
        assertEquals(6, PrecisionSpec.perLog2N(2).bitsFor(5)); // 4.64 rounds up to the next even number
    }
}
