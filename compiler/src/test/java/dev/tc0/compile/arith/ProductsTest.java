package dev.tc0.compile.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProductsTest {
    private static List<PFloat[]> allPairs(Precision prec) {
        List<PFloat[]> rows = new ArrayList<>();
        for (PFloat a : Operands.all(prec)) for (PFloat c : Operands.all(prec)) rows.add(new PFloat[] {a, c});
        return rows;
    }

    /** Random pairs plus every pair of edge values. */
    private static List<PFloat[]> randomPairs(Precision prec, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PFloat[]> rows = new ArrayList<>();
        for (PFloat a : Operands.edges(prec)) for (PFloat c : Operands.edges(prec)) rows.add(new PFloat[] {a, c});
        for (int i = 0; i < count; i++) rows.add(new PFloat[] {Operands.mixed(prec, rnd), Operands.mixed(prec, rnd)});
        return rows;
    }

    private static BusHarness multiplier(Precision prec) {
        return BusHarness.ofBus(
                prec,
                List.of(PRange.full(prec), PRange.full(prec)),
                (b, in) -> Products.multiply(b, in.get(0), in.get(1)));
    }

    private static BusHarness divider(Precision prec) {
        return BusHarness.ofBus(
                prec,
                List.of(PRange.full(prec), PRange.full(prec)),
                (b, in) -> Products.divide(b, in.get(0), in.get(1)));
    }

    @Test
    void multiplyEveryPairAtP4AndP6() {
        for (int p : new int[] {4, 6}) {
            Precision prec = Precision.of(p);
            multiplier(prec).check(allPairs(prec), x -> PMath.multiply(prec, x[0], x[1]));
        }
    }

    @Test
    void multiplyRandomAndEdgeOperandsUpToP16() {
        for (int p : new int[] {8, 10, 12, 16}) {
            Precision prec = Precision.of(p);
            multiplier(prec).check(randomPairs(prec, 20_000, p), x -> PMath.multiply(prec, x[0], x[1]));
        }
    }

    /** x ⊗ x of one bus: equal to PMath on every value (p = 4, 6) or random ones (to p = 16), and its range is never negative. */
    @Test
    void squaresAreExactAndNonNegative() {
        for (int p : new int[] {4, 6, 8, 12, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(40 + p);
            List<PFloat[]> rows = new ArrayList<>();
            if (p <= 6) for (PFloat x : Operands.all(prec)) rows.add(new PFloat[] {x});
            else for (int i = 0; i < 5000; i++) rows.add(new PFloat[] {Operands.mixed(prec, rnd)});
            PRange[] range = new PRange[1];
            BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> {
                        PBus r = Products.multiply(b, in.get(0), in.get(0));
                        range[0] = r.range();
                        return r;
                    })
                    .check(rows, x -> PMath.multiply(prec, x[0], x[0]));
            assertFalse(range[0].negative(), "p = " + p);
        }
    }

    @Test
    void productsAndQuotientsInNarrowRangesStayInsideTheirRanges() {
        Precision prec = Precision.of(12);
        SplittableRandom rnd = new SplittableRandom(5);
        PRange[][] pairs = {
            {new PRange(false, true, false, 20, 24), new PRange(true, true, true, 0, 9)},
            {new PRange(true, false, true, 3, 5), new PRange(false, true, false, 28, 30)},
            {PRange.full(prec), new PRange(false, false, true, 14, 16)},
        };
        for (PRange[] pair : pairs) {
            List<PFloat[]> rows = new ArrayList<>();
            for (int i = 0; i < 5000; i++)
                rows.add(new PFloat[] {Operands.random(prec, pair[0], rnd), Operands.random(prec, pair[1], rnd)});
            BusHarness.ofBus(prec, List.of(pair), (b, in) -> {
                        PBus r = Products.multiply(b, in.get(0), in.get(1));
                        for (PFloat[] x : rows) assertRangeHolds(prec, r.range(), PMath.multiply(prec, x[0], x[1]));
                        return r;
                    })
                    .check(rows, x -> PMath.multiply(prec, x[0], x[1]));
            BusHarness.ofBus(prec, List.of(pair), (b, in) -> {
                        PBus r = Products.divide(b, in.get(0), in.get(1));
                        for (PFloat[] x : rows) assertRangeHolds(prec, r.range(), PMath.divide(prec, x[0], x[1]));
                        assertTrue(
                                pair[1].zero() || r.range().eHi() < 2 * prec.iMax() || pair[0].eHi() == 2 * prec.iMax(),
                                "a quotient without division by zero keeps a narrow range: " + r.range());
                        return r;
                    })
                    .check(rows, x -> PMath.divide(prec, x[0], x[1]));
        }
    }

    @Test
    void divideEveryPairAtP4AndP6() {
        for (int p : new int[] {4, 6}) {
            Precision prec = Precision.of(p);
            divider(prec).check(allPairs(prec), x -> PMath.divide(prec, x[0], x[1]));
        }
    }

    @Test
    void divideRandomAndEdgeOperandsUpToP16() {
        for (int p : new int[] {8, 10, 12, 16}) {
            Precision prec = Precision.of(p);
            divider(prec).check(randomPairs(prec, p == 16 ? 5_000 : 20_000, p), x -> PMath.divide(prec, x[0], x[1]));
        }
    }

    @Test
    void divideByConstants() {
        for (int p : new int[] {4, 6, 8, 12, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(p);
            List<PFloat[]> rows = new ArrayList<>();
            for (PFloat a : p <= 8 ? Operands.all(prec) : Operands.edges(prec)) rows.add(new PFloat[] {a});
            for (int i = 0; p > 8 && i < 5000; i++) rows.add(new PFloat[] {Operands.mixed(prec, rnd)});
            for (long k : new long[] {1, 2, 3, 7, 10, 64, 1000, 12345}) {
                BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> Products.divide(b, in.get(0), k))
                        .check(rows, x -> PMath.divide(prec, x[0], k));
            }
        }
    }

    @Test
    void productDepthDoesNotDependOnP() {
        int depth = multiplier(Precision.of(8)).depth();
        for (int p = 10; p <= 16; p += 2)
            assertEquals(depth, multiplier(Precision.of(p)).depth(), "p = " + p);
    }

    static void assertRangeHolds(Precision prec, PRange range, PFloat value) {
        if (!range.contains(prec, value)) throw new AssertionError(value + " is outside the declared range " + range);
    }
}
