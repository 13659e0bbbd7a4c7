package dev.tc0.compile.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.number.RealFunctions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PBusTest {
    private static List<PFloat[]> singles(Precision prec) {
        List<PFloat[]> rows = new ArrayList<>();
        if (prec.p() <= 12) {
            for (PFloat x : Operands.all(prec)) rows.add(new PFloat[] {x});
        } else {
            SplittableRandom rnd = new SplittableRandom(prec.p());
            for (PFloat x : Operands.edges(prec)) rows.add(new PFloat[] {x});
            for (int i = 0; i < 20_000; i++) rows.add(new PFloat[] {Operands.mixed(prec, rnd)});
        }
        return rows;
    }

    @Test
    void codeRoundTripsThroughTheBus() {
        for (int p = 4; p <= 16; p += 2) {
            Precision prec = Precision.of(p);
            // fromCode then toCode: the harness compares the wires and the code with the operand
            BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> in.get(0))
                    .check(singles(prec), x -> x[0]);
        }
    }

    @Test
    void constantsAndOneHotScalars() {
        for (int p : new int[] {4, 8, 12, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(p);
            List<PFloat> values = new ArrayList<>(Operands.edges(prec));
            for (int i = 0; i < 20; i++) values.add(Operands.mixed(prec, rnd));
            values.add(new PFloat(p, 1, prec.iMax())); // not canonical: the bus carries its canonical code
            for (PFloat v : values) {
                PFloat c = PBus.canonical(prec, v);
                assertEquals(0, c.compareTo(v));
                BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> PBus.constant(prec, v))
                        .check(singles(prec).subList(0, 3), x -> c);
            }
            // a one-hot selector: the bus of "value i where x = i" for a value table indexed by a scalar
            List<PFloat> table = values.subList(0, 8);
            List<PFloat> keys = Operands.edges(prec).subList(0, 8);
            List<PFloat[]> rows = new ArrayList<>();
            for (PFloat k : keys) rows.add(new PFloat[] {k});
            BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> {
                        int[] hot = in.get(0).toOneHot(b, keys);
                        PBus r = PBus.fromOneHot(b, prec, hot, table.toArray(PFloat[]::new));
                        assertEquals(PRange.of(prec, table), r.range());
                        return r;
                    })
                    .check(rows, x -> PBus.canonical(prec, table.get(keys.indexOf(x[0]))));
        }
    }

    @Test
    void functionsOfOneScalarByTable() {
        for (int p : new int[] {4, 8, 12, 16}) {
            Precision prec = Precision.of(p);
            List<PFloat[]> rows = singles(prec);
            BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> Unary.relu(b, in.get(0)))
                    .check(rows, x -> PMath.relu(prec, x[0]));
            BusHarness.ofBus(prec, List.of(PRange.full(prec)), (b, in) -> Unary.negate(b, in.get(0)))
                    .check(rows, x -> x[0].negate());
            // Lemma 1 over the values the range allows: every value at p <= 12, an exponent window at p = 16
            PRange range = p <= 12 ? PRange.full(prec) : new PRange(true, true, true, prec.iMax() - 6, prec.iMax() + 2);
            List<PFloat[]> inRange = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(p);
            for (int i = 0; i < 5000; i++) inRange.add(new PFloat[] {Operands.random(prec, range, rnd)});
            BigDecimal scale = new BigDecimal("0.75");
            BusHarness.ofBus(
                            prec,
                            List.of(range),
                            (b, in) -> p == 8
                                    ? Unary.apply(b, in.get(0), x -> RealFunctions.exp(prec, x, scale))
                                    : Unary.apply(
                                            b, in.get(0), x -> RealFunctions.exp(prec, x, scale), range.values(prec)))
                    .check(inRange, x -> RealFunctions.exp(prec, x[0], scale));
        }
    }

    @Test
    void rangeValuesAreExactlyTheCanonicalValuesInside() {
        Precision prec = Precision.of(8);
        PRange r = new PRange(false, true, true, 3, 5);
        List<PFloat> values = r.values(prec);
        for (PFloat x : Operands.all(prec)) assertEquals(r.contains(prec, x), values.contains(x), x.toString());
        assertEquals(Operands.all(prec).size(), 1 + 2 * (prec.iMax() + 2 * prec.iMax() * (1 << (prec.q() - 2))));
        assertTrue(PRange.full(prec).values(prec).stream().allMatch(prec::isCanonical));
        assertEquals(new PRange(false, true, true, 3, 5), PRange.of(prec, values));
    }
}
