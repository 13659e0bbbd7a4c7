package dev.tc0.compile.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumsTest {
    private static BusHarness adder(Precision prec, List<PRange> ranges) {
        return BusHarness.ofBus(prec, ranges, (b, in) -> Sums.sum(b, prec, in));
    }

    @Test
    void everyPairAndTripleAtP4AndEveryPairAtP6() {
        for (int p : new int[] {4, 6}) {
            Precision prec = Precision.of(p);
            List<PFloat> all = Operands.all(prec);
            List<PFloat[]> pairs = new ArrayList<>(), triples = new ArrayList<>();
            for (PFloat a : all) {
                for (PFloat c : all) {
                    pairs.add(new PFloat[] {a, c});
                    for (PFloat d : all) triples.add(new PFloat[] {a, c, d});
                }
            }
            PRange full = PRange.full(prec);
            adder(prec, List.of(full, full)).check(pairs, x -> PMath.sum(prec, x));
            adder(prec, List.of(full, full, full)).check(triples, x -> PMath.sum(prec, x));
        }
    }

    @Test
    void randomAndEdgeTermsUpToP16() {
        for (int p : new int[] {8, 10, 12, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(p);
            List<PFloat[]> rows = new ArrayList<>();
            List<PFloat> edges = Operands.edges(prec);
            for (PFloat a : edges) for (PFloat c : edges) rows.add(new PFloat[] {a, c, prec.zero()});
            for (PFloat a : edges) rows.add(new PFloat[] {a, a.negate(), a}); // exact cancellation of two
            for (int i = 0; i < 5000; i++) {
                PFloat a = Operands.mixed(prec, rnd), c = Operands.mixed(prec, rnd);
                rows.add(new PFloat[] {a, c, rnd.nextBoolean() ? a.negate() : Operands.mixed(prec, rnd)});
            }
            PRange full = PRange.full(prec);
            adder(prec, List.of(full, full, full)).check(rows, x -> PMath.sum(prec, x));
        }
    }

    /** Ranges around a centre exponent, as the terms of a dot product have; some one-signed, some wide. */
    private static List<PRange> narrowRanges(Precision prec, int k, SplittableRandom rnd) {
        List<PRange> ranges = new ArrayList<>();
        int top = 2 * prec.iMax();
        int centre = rnd.nextInt(top / 4, 3 * top / 4 + 1);
        for (int i = 0; i < k; i++) {
            int spread = rnd.nextInt(3) == 0
                    ? 40
                    : 6; // wide windows take the two-stage alignment, whose edge columns are clipped
            int lo = Math.max(0, centre - rnd.nextInt(0, spread)), hi = Math.min(top, centre + rnd.nextInt(0, spread));
            int signs = rnd.nextInt(4); // 0, 1: both; 2: positive; 3: negative
            ranges.add(new PRange(rnd.nextBoolean(), signs != 3, signs != 2, lo, hi));
        }
        return ranges;
    }

    @Test
    void manyTermsWithMixedSignsAndNarrowRanges() {
        for (int p : new int[] {8, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(100 + p);
            for (int k = 1; k <= 40; k += k < 8 ? 1 : 8) {
                List<PRange> ranges = narrowRanges(prec, k, rnd);
                List<PFloat[]> rows = new ArrayList<>();
                for (int r = 0; r < 1500; r++) {
                    PFloat[] x = new PFloat[k];
                    for (int i = 0; i < k; i++) x[i] = Operands.random(prec, ranges.get(i), rnd);
                    rows.add(x);
                }
                adder(prec, ranges).check(rows, x -> PMath.sum(prec, x));
            }
        }
    }

    @Test
    void manyTermsOverTheFullRangeAtP8() {
        Precision prec = Precision.of(8);
        SplittableRandom rnd = new SplittableRandom(8);
        for (int k : new int[] {5, 17, 40}) {
            List<PFloat[]> rows = new ArrayList<>();
            for (int r = 0; r < 2000; r++) {
                PFloat[] x = new PFloat[k];
                for (int i = 0; i < k; i++) x[i] = Operands.mixed(prec, rnd);
                if (r % 4 == 0)
                    for (int i = 0; i + 1 < k; i += 2) x[i + 1] = x[i].negate(); // cancels (up to the odd one)
                rows.add(x);
            }
            adder(prec, Collections.nCopies(k, PRange.full(prec))).check(rows, x -> PMath.sum(prec, x));
        }
    }

    @Test
    void resultRangeContainsEverySum() {
        Precision prec = Precision.of(10);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            List<PRange> ranges = narrowRanges(prec, 1 + rnd.nextInt(6), rnd);
            PRange range = rangeOf(prec, ranges);
            for (int r = 0; r < 500; r++) {
                List<PFloat> x = new ArrayList<>();
                for (PRange t : ranges) x.add(Operands.random(prec, t, rnd));
                ProductsTest.assertRangeHolds(prec, range, PMath.sum(prec, x));
            }
        }
    }

    private static PRange rangeOf(Precision prec, List<PRange> ranges) {
        dev.tc0.circuit.CircuitBuilder b = new dev.tc0.circuit.CircuitBuilder();
        List<int[]> codes = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) codes.add(b.inputs("x" + i, prec.p()));
        List<PBus> in = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) in.add(PBus.fromCode(b, prec, codes.get(i), ranges.get(i)));
        return Sums.sum(b, prec, in).range();
    }

    /**
     * For the full range, a window of 8 exponents and a one-signed window, the depth is the same for
     * every number of terms from 2 to 40 (the grid widens by log m bits, which must not move the
     * deepest path: the blocked suffix ORs of f_p, the adder's blocks).
     */
    @Test
    void depthDoesNotDependOnTheNumberOfTerms() {
        for (int p : new int[] {8, 12, 16}) {
            Precision prec = Precision.of(p);
            int c = prec.iMax();
            for (PRange r : List.of(
                    PRange.full(prec),
                    new PRange(true, true, true, c - 4, c + 3),
                    new PRange(true, true, false, c - 4, c + 3))) {
                int two = adder(prec, Collections.nCopies(2, r)).depth();
                for (int m = 3; m <= 40; m += m < 10 ? 1 : 6)
                    assertEquals(
                            two,
                            adder(prec, Collections.nCopies(m, r)).depth(),
                            "p = " + p + ", " + m + " terms in " + r);
            }
        }
    }
}
