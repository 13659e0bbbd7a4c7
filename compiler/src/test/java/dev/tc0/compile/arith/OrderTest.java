package dev.tc0.compile.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static List<PFloat[]> pairs(Precision prec) {
        List<PFloat[]> rows = new ArrayList<>();
        List<PFloat> values = prec.p() <= 6 ? Operands.all(prec) : Operands.edges(prec);
        for (PFloat a : values) for (PFloat c : values) rows.add(new PFloat[] {a, c});
        SplittableRandom rnd = new SplittableRandom(prec.p());
        for (int i = 0; prec.p() > 6 && i < 10_000; i++) {
            PFloat a = Operands.mixed(prec, rnd);
            // near neighbours and equal values, where a comparator is most likely to slip
            PFloat c = switch (rnd.nextInt(3)) {
                case 0 -> a;
                case 1 ->
                    PBus.canonical(
                            prec,
                            new PFloat(
                                    prec.p(),
                                    Math.clamp(a.mantissa() + rnd.nextInt(-1, 2), -prec.iMax(), prec.iMax()),
                                    a.exponent()));
                default -> Operands.mixed(prec, rnd);
            };
            rows.add(new PFloat[] {a, c});
        }
        return rows;
    }

    @Test
    void compareByValueEveryPairAtP4AndP6AndRandomToP16() {
        for (int p : new int[] {4, 6, 8, 10, 12, 16}) {
            Precision prec = Precision.of(p);
            List<PRange> full = List.of(PRange.full(prec), PRange.full(prec));
            List<PFloat[]> rows = pairs(prec);
            BusHarness.build(prec, full, (b, in) -> new int[] {Order.atLeast(b, in.get(0), in.get(1))})
                    .checkLiteral(rows, x -> x[0].compareTo(x[1]) >= 0);
            BusHarness.build(prec, full, (b, in) -> new int[] {Order.greaterThan(b, in.get(0), in.get(1))})
                    .checkLiteral(rows, x -> x[0].compareTo(x[1]) > 0);
        }
    }

    /** Rows with many ties: values drawn from a few. */
    private static List<PFloat[]> rows(Precision prec, int n, int count, SplittableRandom rnd) {
        List<PFloat[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            List<PFloat> pool = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(n); i++) pool.add(Operands.mixed(prec, rnd));
            PFloat[] x = new PFloat[n];
            for (int i = 0; i < n; i++) x[i] = pool.get(rnd.nextInt(pool.size()));
            rows.add(x);
        }
        return rows;
    }

    private static int argmax(PFloat[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i].compareTo(x[best]) > 0) best = i;
        return best;
    }

    @Test
    void argmaxMaxAndIsMaxOfRows() {
        for (int p : new int[] {6, 8, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(p);
            for (int n : new int[] {1, 2, 5, 9}) {
                List<PRange> ranges = Collections.nCopies(n, PRange.full(prec));
                List<PFloat[]> rows = rows(prec, n, 2000, rnd);
                List<boolean[]> win =
                        BusHarness.build(prec, ranges, Order::argmax).run(rows);
                List<boolean[]> top =
                        BusHarness.build(prec, ranges, Order::isMax).run(rows);
                for (int r = 0; r < rows.size(); r++) {
                    PFloat[] x = rows.get(r);
                    int best = argmax(x);
                    for (int j = 0; j < n; j++) {
                        assertEquals(j == best, win.get(r)[j], "arg-max, row " + List.of(x));
                        assertEquals(x[j].compareTo(x[best]) == 0, top.get(r)[j], "is-max, row " + List.of(x));
                    }
                }
                BusHarness.ofBus(prec, ranges, Order::max).check(rows, x -> x[argmax(x)]);
            }
        }
    }
}
