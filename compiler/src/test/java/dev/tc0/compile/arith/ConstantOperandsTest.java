package dev.tc0.compile.arith;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Model weights and biases enter as constant buses: the gadgets stay exact and the constants fold. */
class ConstantOperandsTest {
    @Test
    void productsAndSumsWithConstantWeights() {
        for (int p : new int[] {6, 8, 12}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(p);
            PRange full = PRange.full(prec);
            List<PFloat[]> rows = new ArrayList<>();
            List<PFloat> xs = p <= 8 ? Operands.all(prec) : Operands.edges(prec);
            for (PFloat x : xs) rows.add(new PFloat[] {x, Operands.mixed(prec, rnd)});
            for (int i = 0; p > 8 && i < 3000; i++)
                rows.add(new PFloat[] {Operands.mixed(prec, rnd), Operands.mixed(prec, rnd)});
            List<PFloat> weights = new ArrayList<>(Operands.edges(prec));
            for (int i = 0; i < 6; i++) weights.add(Operands.mixed(prec, rnd));
            int general = BusSizes.circuit(
                            prec,
                            List.of(full, full),
                            (b, in) -> BusSizes.wires(Products.multiply(b, in.get(0), in.get(1))))
                    .numGates();
            for (PFloat w : weights) {
                BusHarness.ofBus(
                                prec,
                                List.of(full, full),
                                (b, in) -> Products.multiply(b, in.get(0), PBus.constant(prec, w)))
                        .check(rows, x -> PMath.multiply(prec, x[0], w));
                BusHarness.ofBus(
                                prec,
                                List.of(full, full),
                                (b, in) -> Products.divide(b, in.get(0), PBus.constant(prec, w)))
                        .check(rows, x -> PMath.divide(prec, x[0], w));
                // w·x0 + x1 + w: a weighted term, an input and a bias
                BusHarness.ofBus(
                                prec,
                                List.of(full, full),
                                (b, in) -> Sums.sum(
                                        b,
                                        prec,
                                        List.of(
                                                Products.multiply(b, PBus.constant(prec, w), in.get(0)),
                                                in.get(1),
                                                PBus.constant(prec, w))))
                        .check(rows, x -> PMath.sum(prec, PMath.multiply(prec, w, x[0]), x[1], w));
                int folded = BusSizes.circuit(
                                prec,
                                List.of(full),
                                (b, in) -> BusSizes.wires(Products.multiply(b, in.get(0), PBus.constant(prec, w))))
                        .numGates();
                assertTrue(
                        folded < general,
                        "multiplying by the constant " + w + " takes " + folded + " gates, a general product "
                                + general);
            }
        }
    }
}
