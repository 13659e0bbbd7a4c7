package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The value sums of a selection that puts weight 1 on one key and tiny weights on the others
 * (reverse's softmax: e^-20 each), y_u = ⊕_j α_j ⊗ [token_j = u] for each token u, and the arg-max
 * over them, against {@link PMath} on every input (3 tokens at 7 positions, 2,187 inputs).
 *
 * <p>The tiny weights are 2^(j - 40), so the sums of the six tiny terms are the 64 integers 0..63
 * times 2^-40, all exact at p = 16, and with the selected key's term 128 exact sums. Between 63 ·
 * 2^-40 and 1 no sum lies, but the p = 16 results there number about 2,000: enumerating [0, 1]
 * run by run passes any cap on runs below that, and only the sums' spans
 * ({@link Threshold#spans}) fit.
 */
class LoweringDominantSelectionTest {

    private static final Precision PREC = Precision.of(16);
    private static final int TOKENS = 3, POSITIONS = 7, SELECTED = 2;

    /** Exact sums past this go run by run (128 exact sums here). */
    private static final int MAX_SUMS = 100;

    private static ScalarLowering.Limits limits(int maxRuns, boolean blockSums) {
        ScalarLowering.Limits d = ScalarLowering.Limits.DEFAULT;
        return new ScalarLowering.Limits(
                MAX_SUMS,
                d.maxDomain(),
                d.maxGates(),
                d.maxWeightBits(),
                d.maxWideBits(),
                maxRuns,
                d.maxEdges(),
                blockSums);
    }

    /** Weight 1 on the selected key, 2^(j - 40) on the j-th other one. */
    private static PFloat[] dominantWeights() {
        PFloat[] alpha = new PFloat[POSITIONS];
        int j = 0;
        for (int k = 0; k < POSITIONS; k++)
            alpha[k] = k == SELECTED ? PREC.one() : PMath.sum(PREC, new PFloat(PREC.p(), 1, j++ - 40));
        return alpha;
    }

    /** The same key at 1, the others at 1/4: together they pass 1, so no single key decides. */
    private static PFloat[] spreadWeights() {
        PFloat[] alpha = new PFloat[POSITIONS];
        for (int k = 0; k < POSITIONS; k++) alpha[k] = k == SELECTED ? PREC.one() : PREC.fromDouble(0.25);
        return alpha;
    }

    /** A lowering with one one-hot token input per position, and the sums y_u built on it. */
    private record Built(CircuitBuilder b, ScalarLowering s, List<Scalar> ys) {}

    private static Built build(PFloat[] alpha, ScalarLowering.Limits limits) {
        CircuitBuilder b = new CircuitBuilder();
        List<Domain> tokens = new ArrayList<>();
        List<int[]> inputs = new ArrayList<>();
        for (int k = 0; k < POSITIONS; k++) inputs.add(b.inputs("tok" + k, TOKENS));
        ScalarLowering s = new ScalarLowering(b, PREC, limits);
        for (int[] in : inputs) tokens.add(s.domainOf(in));
        List<Scalar> ys = new ArrayList<>();
        for (int u = 0; u < TOKENS; u++) {
            List<Scalar> terms = new ArrayList<>();
            for (int k = 0; k < POSITIONS; k++) {
                PFloat[] isU = new PFloat[TOKENS];
                for (int t = 0; t < TOKENS; t++) isU[t] = t == u ? PREC.one() : PREC.zero();
                PFloat a = alpha[k];
                terms.add(s.map(s.of(tokens.get(k), isU), x -> PMath.multiply(PREC, a, x)));
            }
            ys.add(s.sum(terms));
        }
        return new Built(b, s, ys);
    }

    /** The reference y_u on one input: the exact p-precision sum of the products. */
    private static PFloat[] reference(PFloat[] alpha, int[] token) {
        PFloat[] y = new PFloat[TOKENS];
        for (int u = 0; u < TOKENS; u++) {
            List<PFloat> terms = new ArrayList<>();
            for (int k = 0; k < POSITIONS; k++)
                terms.add(PMath.multiply(PREC, alpha[k], token[k] == u ? PREC.one() : PREC.zero()));
            y[u] = PMath.sum(PREC, terms);
        }
        return y;
    }

    /** Calls check with every input (a token per position) and the circuit's outputs on it. */
    private static void everyInput(Circuit c, java.util.function.BiConsumer<int[], boolean[]> check) {
        int[] token = new int[POSITIONS];
        while (true) {
            boolean[] x = new boolean[c.numInputs()];
            for (int k = 0; k < POSITIONS; k++) x[k * TOKENS + token[k]] = true;
            check.accept(token.clone(), c.evaluate(x));
            int k = POSITIONS - 1;
            while (k >= 0 && ++token[k] == TOKENS) token[k--] = 0;
            if (k < 0) return;
        }
    }

    /** The index of the first largest value. */
    private static int argmax(PFloat[] y) {
        int best = 0;
        for (int u = 1; u < y.length; u++) if (y[u].compareTo(y[best]) > 0) best = u;
        return best;
    }

    /** The arg-max's label bits against the reference on every input; returns the circuit. */
    private static Circuit checkArgmax(PFloat[] alpha, ScalarLowering.Limits limits) {
        Built built = build(alpha, limits);
        built.b().outputs("label", built.s().argmaxBits(built.ys()));
        Circuit c = built.b().build();
        everyInput(c, (token, out) -> {
            int label = 0;
            for (int k = 0; k < out.length; k++) if (out[k]) label |= 1 << k;
            assertEquals(argmax(reference(alpha, token)), label, "label at " + java.util.Arrays.toString(token));
        });
        return c;
    }

    /**
     * Without block sums every run is built, so the sums are found over their spans: [0, 1] holds
     * far more results than the cap of 128 runs, the spans 65. Each y_u's bits equal PMath's.
     */
    @Test
    void sumsOverTheirSpansEqualPMath() {
        PFloat[] alpha = dominantWeights();
        Built built = build(alpha, limits(128, false));
        for (int u = 0; u < TOKENS; u++)
            built.b().outputs("y" + u, built.s().bits(built.ys().get(u)));
        Circuit c = built.b().build();
        everyInput(c, (token, out) -> {
            PFloat[] want = reference(alpha, token);
            for (int u = 0; u < TOKENS; u++) {
                long code = 0;
                for (int i = 0; i < PREC.p(); i++) if (out[u * PREC.p() + i]) code |= 1L << i;
                assertEquals(want[u], PREC.decode(code), "y" + u + " at " + java.util.Arrays.toString(token));
            }
        });
    }

    /**
     * With block sums the arg-max reads [y_u ≥ 1], which the selected key's token literal decides
     * alone ({@link Threshold#deciders}); the three literals are that key's token inputs, so the
     * label is an OR of inputs (depth 1) and no test of the sums is built, although the sums hold
     * 65 runs, past the cap of 32 on runs built. Without block sums (every run built) the same
     * sums pass that cap, and with block sums reading every minterm does too.
     */
    @Test
    void argmaxOfADominantSelectionReadsTheSelectedToken() {
        PFloat[] alpha = dominantWeights();
        Circuit c = checkArgmax(alpha, limits(32, true));
        assertTrue(c.depth() <= 1, "the label is an OR of the selected key's inputs, got depth " + c.depth());
        assertThrows(LoweringLimitException.class, () -> build(alpha, limits(32, false)));
        Built lazy = build(alpha, limits(32, true));
        assertThrows(LoweringLimitException.class, () -> lazy.s().bits(lazy.ys().getFirst()));
    }

    /**
     * A cut read alone ({@link LazyRuns}) is the selected key's literal only where the other keys
     * cannot reach it: [y_0 ≥ c] for c at and below the selected weight, with the others at
     * 2^(j - 40) (c = 1: the literal, no gate; c = 2^-38: a test) and at 1/4 (c = 1/2 and 1: two
     * of them pass 1/2 and four pass 1 without the selected key), against PMath on every input.
     */
    @Test
    void aCutIsTheSelectedKeysLiteralOnlyWhereTheOthersCannotReachIt() {
        PFloat tiny = PMath.sum(PREC, new PFloat(PREC.p(), 1, -38));
        PFloat half = PREC.fromDouble(0.5);
        record Case(PFloat[] alpha, PFloat cut, boolean free) {}
        List<Case> cases = List.of(
                new Case(dominantWeights(), PREC.one(), true),
                new Case(dominantWeights(), tiny, false),
                new Case(spreadWeights(), half, false),
                new Case(spreadWeights(), PREC.one(), false));
        for (Case k : cases) {
            Built built = build(k.alpha(), limits(4096, true));
            int lit = built.s().compareConstant(built.ys().getFirst(), k.cut(), false);
            built.b().output("atLeast", lit);
            Circuit c = built.b().build();
            everyInput(
                    c,
                    (token, out) -> assertEquals(
                            reference(k.alpha(), token)[0].compareTo(k.cut()) >= 0,
                            out[0],
                            "[y0 >= " + k.cut() + "] at " + java.util.Arrays.toString(token)));
            assertEquals(k.free(), c.depth() == 0, "[y0 >= " + k.cut() + "]: depth " + c.depth());
        }
    }

    /**
     * When the other keys together can pass the selected one (six at 1/4), no cut is decided by one
     * literal, so the arg-max compares the sums: the reference then often names another token than
     * the selected key's, and the circuit must agree on every input.
     */
    @Test
    void argmaxOfASpreadSelectionComparesTheSums() {
        PFloat[] alpha = spreadWeights();
        Circuit blocked = checkArgmax(alpha, limits(4096, true));
        Circuit direct = checkArgmax(alpha, ScalarLowering.Limits.DEFAULT);
        assertTrue(blocked.depth() > 1 && direct.depth() > 1, "the sums' tests are built");
    }
}
