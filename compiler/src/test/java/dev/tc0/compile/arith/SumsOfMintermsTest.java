package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * ⊕ with terms given as minterms ({@link Sums.OneHot}), alone and mixed with buses. A minterm
 * term is built from an operand's code: its bus decoded over every value of its range (Lemma 1),
 * each minterm carrying a table's value h(x) (the identity, a product with a constant weight, or a
 * constant), so the reference is {@link PMath#sum} of h applied to the operands.
 */
class SumsOfMintermsTest {
    /** How one operand enters the sum. */
    private record Term(PRange range, UnaryOperator<PFloat> table, boolean asMinterms) {}

    private static BusHarness adder(Precision prec, List<Term> terms) {
        return BusHarness.ofBus(prec, terms.stream().map(Term::range).toList(), (b, in) -> {
            List<PBus> buses = new ArrayList<>();
            List<Sums.OneHot> hots = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                Term t = terms.get(i);
                if (!t.asMinterms()) {
                    buses.add(in.get(i));
                    continue;
                }
                List<PFloat> codes = t.range().values(prec);
                PFloat[] values = codes.stream().map(t.table()).toArray(PFloat[]::new);
                hots.add(new Sums.OneHot(in.get(i).toOneHot(b, codes), values));
            }
            return Sums.sum(b, prec, buses, hots);
        });
    }

    private static PFloat reference(Precision prec, List<Term> terms, PFloat[] x) {
        List<PFloat> values = new ArrayList<>();
        for (int i = 0; i < x.length; i++)
            values.add(terms.get(i).asMinterms() ? terms.get(i).table().apply(x[i]) : x[i]);
        return PMath.sum(prec, values);
    }

    /** The tables a minterm term may carry. */
    private static List<UnaryOperator<PFloat>> tables(Precision prec) {
        PFloat w = prec.fromDouble(-1.5), c = prec.fromDouble(3);
        return List.of(x -> x, x -> PMath.multiply(prec, x, w), x -> c);
    }

    @Test
    void everyPairAndTripleAtP4AndEveryPairAtP6() {
        for (int p : new int[] {4, 6}) {
            Precision prec = Precision.of(p);
            PRange full = PRange.full(prec);
            List<PFloat> all = Operands.all(prec);
            for (UnaryOperator<PFloat> h : tables(prec)) {
                // minterms alone, minterms with a bus, and (at p = 4) three terms
                List<List<Term>> shapes = new ArrayList<>();
                shapes.add(List.of(new Term(full, h, true), new Term(full, x -> x, true)));
                shapes.add(List.of(new Term(full, h, true), new Term(full, x -> x, false)));
                if (p == 4)
                    shapes.add(List.of(
                            new Term(full, h, true), new Term(full, x -> x, false), new Term(full, x -> x, true)));
                for (List<Term> shape : shapes) {
                    List<PFloat[]> rows = new ArrayList<>();
                    if (shape.size() == 2) for (PFloat a : all) for (PFloat c : all) rows.add(new PFloat[] {a, c});
                    else
                        for (PFloat a : all) for (PFloat c : all) for (PFloat d : all) rows.add(new PFloat[] {a, c, d});
                    adder(prec, shape).check(rows, x -> reference(prec, shape, x));
                }
            }
        }
    }

    @Test
    void randomTermsInNarrowRangesUpToP16() {
        for (int p : new int[] {8, 10, 12, 16}) {
            Precision prec = Precision.of(p);
            SplittableRandom rnd = new SplittableRandom(200 + p);
            List<UnaryOperator<PFloat>> tables = tables(prec);
            int top = 2 * prec.iMax();
            for (int k : new int[] {2, 5, 9, 17}) {
                List<Term> terms = new ArrayList<>();
                int centre = rnd.nextInt(top / 4, 3 * top / 4 + 1);
                for (int i = 0; i < k; i++) {
                    boolean hot = rnd.nextInt(3) != 0;
                    int spread = hot ? 3 : 8; // a minterm term decodes every value of its range
                    int lo = Math.max(0, centre - rnd.nextInt(0, spread)),
                            hi = Math.min(top, centre + rnd.nextInt(0, spread));
                    int signs = rnd.nextInt(4);
                    PRange range = new PRange(rnd.nextBoolean(), signs != 3, signs != 2, lo, hi);
                    terms.add(new Term(range, hot ? tables.get(rnd.nextInt(tables.size())) : x -> x, hot));
                }
                List<PFloat[]> rows = new ArrayList<>();
                for (int r = 0; r < 1500; r++) {
                    PFloat[] x = new PFloat[k];
                    for (int i = 0; i < k; i++)
                        x[i] = Operands.random(prec, terms.get(i).range(), rnd);
                    rows.add(x);
                }
                adder(prec, terms).check(rows, x -> reference(prec, terms, x));
            }
        }
    }

    @Test
    void constantMintermTermsAlone() {
        Precision prec = Precision.of(8);
        CircuitBuilder b = new CircuitBuilder();
        PFloat a = prec.fromDouble(2.5), c = prec.fromDouble(-0.75);
        PBus r = Sums.sum(
                b,
                prec,
                List.of(),
                List.of(
                        new Sums.OneHot(new int[] {Literal.TRUE}, new PFloat[] {a}),
                        new Sums.OneHot(new int[] {Literal.TRUE}, new PFloat[] {c})));
        PBus expected = PBus.constant(prec, PMath.sum(prec, a, c));
        org.junit.jupiter.api.Assertions.assertEquals(expected.sign(), r.sign());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.mag(), r.mag());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.exp(), r.exp());
    }
}
