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
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every scalar operation of {@link ScalarLowering} against {@link PMath} on every combination of
 * members of its operands' value sets: operands are one-hot inputs over random value sets (every
 * code at p = 8, spread exponents at p = 16 to force the wide-sum route).
 */
class LoweringScalarTest {

    private static PFloat[] randomSet(Precision prec, int size, SplittableRandom rnd, int expSpread) {
        PFloat[] v = new PFloat[size];
        for (int i = 0; i < size; i++) {
            int m = rnd.nextInt(-prec.iMax(), prec.iMax() + 1);
            int e = rnd.nextInt(-Math.min(expSpread, prec.iMax()), Math.min(expSpread, prec.iMax()) + 1);
            v[i] = PMath.sum(prec, new PFloat(prec.p(), m, e)); // canonical
        }
        return v;
    }

    private static void checkWith(
            Precision prec,
            List<PFloat[]> sets,
            java.util.function.BiFunction<ScalarLowering, List<Scalar>, Scalar> op,
            Function<List<PFloat>, PFloat> want) {
        checkWith(prec, sets, ScalarLowering.Limits.DEFAULT, op, want);
    }

    /** Checks op on every combination of the sets' members; returns the circuit it built. */
    private static Circuit checkWith(
            Precision prec,
            List<PFloat[]> sets,
            ScalarLowering.Limits limits,
            java.util.function.BiFunction<ScalarLowering, List<Scalar>, Scalar> op,
            Function<List<PFloat>, PFloat> want) {
        CircuitBuilder b = new CircuitBuilder();
        List<int[]> inputs = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) inputs.add(b.inputs("x" + k, sets.get(k).length));
        ScalarLowering s = new ScalarLowering(b, prec, limits);
        List<Scalar> xs = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) xs.add(s.of(s.domainOf(inputs.get(k)), sets.get(k)));
        Scalar y = op.apply(s, xs);
        b.outputs("y", s.bits(y));
        Circuit c = b.build();
        int[] idx = new int[sets.size()];
        while (true) {
            boolean[] x = new boolean[c.numInputs()];
            List<PFloat> args = new ArrayList<>();
            int off = 0;
            for (int k = 0; k < sets.size(); k++) {
                x[off + idx[k]] = true;
                args.add(sets.get(k)[idx[k]]);
                off += sets.get(k).length;
            }
            boolean[] out = c.evaluate(x);
            long code = 0;
            for (int i = 0; i < out.length; i++) if (out[i]) code |= 1L << i;
            assertEquals(want.apply(args), prec.decode(code), "at " + args);
            int k = sets.size() - 1;
            while (k >= 0 && ++idx[k] == sets.get(k).length) idx[k--] = 0;
            if (k < 0) break;
        }
        return c;
    }

    @Test
    void binaryOperationsEqualPMathOnEveryPair() {
        Precision prec = Precision.of(8);
        SplittableRandom rnd = new SplittableRandom(2);
        for (int trial = 0; trial < 30; trial++) {
            List<PFloat[]> sets =
                    List.of(randomSet(prec, 1 + rnd.nextInt(6), rnd, 7), randomSet(prec, 1 + rnd.nextInt(6), rnd, 7));
            checkWith(
                    prec,
                    sets,
                    (s, xs) -> s.combine(xs.get(0), xs.get(1), (a, c) -> PMath.multiply(prec, a, c)),
                    a -> PMath.multiply(prec, a.get(0), a.get(1)));
            checkWith(
                    prec,
                    sets,
                    (s, xs) -> s.combine(xs.get(0), xs.get(1), (a, c) -> PMath.divide(prec, a, c)),
                    a -> PMath.divide(prec, a.get(0), a.get(1)));
        }
    }

    @Test
    void unaryLookupsAreFreeAndExact() {
        Precision prec = Precision.of(8);
        PFloat[] all = new PFloat[0];
        List<PFloat> codes = new ArrayList<>();
        for (long code = 0; code < 256; code++)
            if (prec.isValidCode(code) && prec.isCanonical(prec.decode(code))) codes.add(prec.decode(code));
        all = codes.toArray(all);
        PFloat w = prec.fromDouble(-1.5);
        checkWith(
                prec,
                java.util.Collections.singletonList(all),
                (s, xs) -> s.map(xs.get(0), v -> PMath.multiply(prec, w, v)),
                a -> PMath.multiply(prec, w, a.get(0)));
        checkWith(
                prec,
                java.util.Collections.singletonList(all),
                (s, xs) -> s.map(xs.get(0), v -> PMath.relu(prec, v)),
                a -> PMath.relu(prec, a.get(0)));
        checkWith(
                prec,
                java.util.Collections.singletonList(all),
                (s, xs) -> s.map(xs.get(0), v -> PMath.divide(prec, v, 3)),
                a -> PMath.divide(prec, a.get(0), 3));
    }

    @Test
    void sumsEqualPMathNarrowAndWide() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int p : new int[] {8, 16}) {
            Precision prec = Precision.of(p);
            for (int trial = 0; trial < 25; trial++) {
                int k = 2 + rnd.nextInt(3);
                int spread = p == 8 ? 7 : (trial % 2 == 0 ? 10 : 100); // 100: the wide (iterated-addition) route
                List<PFloat[]> sets = new ArrayList<>();
                for (int t = 0; t < k; t++) sets.add(randomSet(prec, 1 + rnd.nextInt(4), rnd, spread));
                checkWith(prec, sets, ScalarLowering::sum, a -> PMath.sum(prec, a));
                // positivity of the same sum, as a 0/1 scalar
                checkWith(
                        prec,
                        sets,
                        (s, xs) -> s.indicator(s.positive(xs)),
                        a -> PMath.sum(prec, a).signum() > 0 ? prec.one() : prec.zero());
            }
        }
    }

    /**
     * Sums of 5 to 10 terms (past the tuple route) with block sums on, on every combination:
     * two-valued terms over one or two nonzero values (count-like sums, blocks per weight) and
     * terms of three or four values (groups of literals, blocks of groups added to binary). The
     * blocked circuits must also differ from the direct ones in most trials, so both routes are
     * exercised.
     */
    @Test
    void blockSumsEqualPMath() {
        SplittableRandom rnd = new SplittableRandom(5);
        Precision prec = Precision.of(12);
        ScalarLowering.Limits blocks = ScalarLowering.Limits.DEFAULT.withBlockSums(true);
        int deeper = 0, rebuilt = 0, trials = 24;
        for (int trial = 0; trial < trials; trial++) {
            int k = 5 + rnd.nextInt(6);
            boolean counts = trial % 2 == 0;
            PFloat[] pool = randomSet(prec, 1 + rnd.nextInt(2), rnd, 3);
            List<PFloat[]> sets = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                sets.add(
                        counts
                                ? new PFloat[] {prec.zero(), pool[rnd.nextInt(pool.length)]}
                                : randomSet(prec, 3 + rnd.nextInt(2), rnd, 3));
            }
            Circuit blocked = checkWith(prec, sets, blocks, ScalarLowering::sum, a -> PMath.sum(prec, a));
            Circuit direct =
                    checkWith(prec, sets, ScalarLowering.Limits.DEFAULT, ScalarLowering::sum, a -> PMath.sum(prec, a));
            if (counts && blocked.depth() > direct.depth()) deeper++;
            if (!counts && blocked.numEdges() != direct.numEdges()) rebuilt++;
        }
        // counts: two more levels; groups: the same depth as the wide route, other gates
        assertTrue(deeper >= trials / 4, "blocks deepened only " + deeper + " of " + trials / 2 + " counts");
        assertTrue(rebuilt >= trials / 4, "blocks changed only " + rebuilt + " of " + trials / 2 + " group sums");
    }

    /**
     * With block sums a sum read at one cut builds that cut alone, one gate on the terms (depth 1,
     * as without blocks), and only the rest when a reader needs the minterms: [Σ ≥ c] and
     * [Σ &gt; c] on sums of 6-9 two-valued terms, against PMath on every combination.
     */
    @Test
    void blockSumsReadAtOneCutBuildThatCutAlone() {
        SplittableRandom rnd = new SplittableRandom(8);
        Precision prec = Precision.of(12);
        ScalarLowering.Limits blocks = ScalarLowering.Limits.DEFAULT.withBlockSums(true);
        for (int trial = 0; trial < 12; trial++) {
            int k = 6 + rnd.nextInt(4);
            PFloat[] pool = randomSet(prec, 2, rnd, 2);
            List<PFloat[]> sets = new ArrayList<>();
            for (int t = 0; t < k; t++) sets.add(new PFloat[] {prec.zero(), pool[rnd.nextInt(2)]});
            // a threshold among the sum's values: the sum of a random subset of the terms
            List<PFloat> some = new ArrayList<>();
            for (PFloat[] set : sets) some.add(set[rnd.nextInt(2)]);
            PFloat c = PMath.sum(prec, some);
            boolean strict = trial % 2 == 1;
            Circuit circuit = checkWith(
                    prec, sets, blocks, (sl, xs) -> sl.indicator(sl.compareConstant(sl.sum(xs), c, strict)), a -> {
                        int cmp = PMath.sum(prec, a).compareTo(c);
                        return (strict ? cmp > 0 : cmp >= 0) ? prec.one() : prec.zero();
                    });
            assertTrue(circuit.depth() <= 1, "a cut read alone is one gate, got depth " + circuit.depth());
        }
    }

    @Test
    void sumsOverOneDomainArePointwise() {
        Precision prec = Precision.of(8);
        PFloat[] a = {prec.fromLong(1), prec.fromLong(3), prec.fromDouble(-0.5)};
        PFloat[] c = {prec.fromLong(5), prec.fromDouble(0.25), prec.fromLong(-2)};
        CircuitBuilder b = new CircuitBuilder();
        ScalarLowering s = new ScalarLowering(b, prec, ScalarLowering.Limits.DEFAULT);
        Domain d = s.domainOf(b.inputs("x", 3));
        Scalar y = s.sum(List.of(s.of(d, a), s.of(d, c)));
        assertEquals(0, b.numGates());
        for (int k = 0; k < 3; k++) assertEquals(PMath.sum(prec, a[k], c[k]), y.values()[k]);
    }

    @Test
    void rowMaximaAndArgmaxAgreeWithValueOrder() {
        Precision prec = Precision.of(8);
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            List<PFloat[]> sets = new ArrayList<>();
            for (int t = 0; t < 3; t++) sets.add(randomSet(prec, 1 + rnd.nextInt(4), rnd, 3));
            for (int j = 0; j < 3; j++) {
                final int jj = j;
                checkWith(prec, sets, (s, xs) -> s.indicator(s.isMax(xs)[jj]), a -> {
                    PFloat max = a.stream().max(PFloat::compareTo).orElseThrow();
                    return a.get(jj).compareTo(max) == 0 ? prec.one() : prec.zero();
                });
                checkWith(prec, sets, (s, xs) -> s.indicator(s.argmax(xs)[jj]), a -> {
                    int best = 0;
                    for (int i = 1; i < a.size(); i++) if (a.get(i).compareTo(a.get(best)) > 0) best = i;
                    return best == jj ? prec.one() : prec.zero();
                });
            }
        }
    }

    /**
     * The arg-max's index bits and one-hot wins against the first largest candidate, on every
     * combination of the inputs: candidates on their own inputs, pairs that are functions of one
     * input (so value-set analysis alone would see false ties), sums (domains of runs, where
     * [y &gt; v] is two cuts), all on one shared input (the table route), values from a small pool
     * (ties everywhere) or spread (few).
     */
    @Test
    void argmaxBitsNameTheFirstLargestCandidate() {
        Precision prec = Precision.of(8);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            int groups = trial % 5 == 4 ? 1 : 1 + rnd.nextInt(3);
            PFloat[] pool = randomSet(prec, trial % 2 == 0 ? 3 : 12, rnd, 4);
            List<PFloat[]> sets = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                PFloat[] set = new PFloat[1 + rnd.nextInt(4)];
                for (int k = 0; k < set.length; k++) set[k] = pool[rnd.nextInt(pool.length)];
                sets.add(set);
            }
            // candidate c: a function of input group src[c] (values), or the sum of groups 0 and 1
            int candidates = 2 + rnd.nextInt(4);
            int[] src = new int[candidates];
            PFloat[][] table = new PFloat[candidates][];
            for (int c = 0; c < candidates; c++) {
                src[c] = groups >= 2 && rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(groups);
                if (src[c] < 0) continue;
                table[c] = new PFloat[sets.get(src[c]).length];
                for (int k = 0; k < table[c].length; k++) table[c][k] = pool[rnd.nextInt(pool.length)];
            }
            CircuitBuilder b = new CircuitBuilder();
            List<int[]> inputs = new ArrayList<>();
            for (int g = 0; g < groups; g++) inputs.add(b.inputs("x" + g, sets.get(g).length));
            ScalarLowering s = new ScalarLowering(b, prec, ScalarLowering.Limits.DEFAULT);
            List<Domain> domains = inputs.stream().map(s::domainOf).toList();
            List<Scalar> ys = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                ys.add(
                        src[c] < 0
                                ? s.sum(List.of(s.of(domains.get(0), sets.get(0)), s.of(domains.get(1), sets.get(1))))
                                : s.of(domains.get(src[c]), table[c]));
            }
            b.outputs("label", s.argmaxBits(ys));
            b.outputs("win", s.argmax(ys));
            Circuit circuit = b.build();
            int width = circuit.numOutputs() - candidates;
            int[] idx = new int[groups];
            while (true) {
                boolean[] x = new boolean[circuit.numInputs()];
                int off = 0;
                for (int g = 0; g < groups; g++) {
                    x[off + idx[g]] = true;
                    off += sets.get(g).length;
                }
                int best = 0;
                PFloat[] y = new PFloat[candidates];
                for (int c = 0; c < candidates; c++) {
                    y[c] = src[c] < 0
                            ? PMath.sum(prec, sets.get(0)[idx[0]], sets.get(1)[idx[1]])
                            : table[c][idx[src[c]]];
                    if (y[c].compareTo(y[best]) > 0) best = c;
                }
                boolean[] out = circuit.evaluate(x);
                int label = 0;
                for (int k = 0; k < width; k++) if (out[k]) label |= 1 << k;
                String at = "trial " + trial + " at " + java.util.Arrays.toString(y);
                assertEquals(best, label, at);
                for (int c = 0; c < candidates; c++) assertEquals(c == best, out[width + c], at + " win " + c);
                int g = groups - 1;
                while (g >= 0 && ++idx[g] == sets.get(g).length) idx[g--] = 0;
                if (g < 0) break;
            }
        }
    }

    @Test
    void limitsStopWithTheComponentNamed() {
        Precision prec = Precision.of(16);
        CircuitBuilder b = new CircuitBuilder();
        ScalarLowering s = new ScalarLowering(
                b, prec, new ScalarLowering.Limits(1 << 16, 4, 1_000_000, 62, 4096, 4096, 1_000_000, false));
        s.component("layer 3 scores");
        Scalar x =
                s.of(s.domainOf(b.inputs("x", 3)), new PFloat[] {prec.fromLong(1), prec.fromLong(2), prec.fromLong(3)});
        Scalar y =
                s.of(s.domainOf(b.inputs("y", 3)), new PFloat[] {prec.fromLong(1), prec.fromLong(2), prec.fromLong(5)});
        LoweringLimitException e =
                assertThrows(LoweringLimitException.class, () -> s.combine(x, y, (u, v) -> PMath.multiply(prec, u, v)));
        assertTrue(
                e.getMessage().startsWith("layer 3 scores: a lookup table over two scalars with 3 x 3"),
                e.getMessage());
    }
}
