package dev.tc0.compile.lowering;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.arith.PBus;
import dev.tc0.compile.arith.Products;
import dev.tc0.compile.arith.Sums;
import dev.tc0.compile.arith.Unary;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * p-precision operations on {@link BusScalar}s, each choosing the cheaper of two exact
 * constructions: a table over minterms (Lemma 1; free for a function of one scalar, one AND per
 * pair of minterms for two) or an arithmetic gadget on buses ({@code dev.tc0.compile.arith}). The
 * rules, by cost at the sizes that occur:
 * <ul>
 *   <li>a function of one scalar (a constant weight, ReLU, exp, ⊘ by an integer, the layer-norm
 *       factor) is a table whenever the scalar has minterms or can get them for at most
 *       {@link #DECODE_MAX} ANDs (every code its range allows); the decode is kept, so every
 *       weight that reads the scalar shares it;</li>
 *   <li>two scalars on one domain combine pointwise (free); on two domains with at most
 *       {@link #PAIR_MAX} pairs of minterms, by a table over the pairs (a new domain, shared by
 *       every product of the same two domains, so a dot product's terms add pointwise);
 *       otherwise by the bus gadget (⊗ about 140 gates at p = 8);</li>
 *   <li>⊕ is pointwise when every term lives on one domain, else the bus sum of Def 15.</li>
 * </ul>
 * Every table is computed with {@link PMath}, so both constructions are the reference semantics.
 */
final class BusArithmetic {
    /** Decode a bus into minterms when its range allows at most this many codes (one AND of p wires each). */
    static final int DECODE_MAX = 256;
    /** Multiply two scalars with minterms by a table over pairs when there are at most this many pairs. */
    static final int PAIR_MAX = 64;

    private final CircuitBuilder b;
    private final Precision prec;
    private int nextDomain = 1;
    private final Map<Long, BusScalar.Minterms> pairs = new HashMap<>();
    private final Map<List<Integer>, Integer> byLits = new HashMap<>();
    private final BusScalar.Minterms constantDomain;

    BusArithmetic(CircuitBuilder b, Precision prec) {
        this.b = b;
        this.prec = prec;
        this.constantDomain = new BusScalar.Minterms(0, new int[] {Literal.TRUE}, new PFloat[] {prec.zero()});
    }

    BusScalar constant(PFloat v) {
        return BusScalar.of(new BusScalar.Minterms(0, constantDomain.lits(), new PFloat[] {v}));
    }

    /**
     * A scalar given by its value on each of a set of exclusive, exhaustive literals (e.g. one
     * position's tokens). The same literals are the same domain, so scalars over them combine pointwise.
     */
    BusScalar oneHot(int[] lits, PFloat[] values) {
        int id = lits.length == 1
                ? 0
                : byLits.computeIfAbsent(java.util.Arrays.stream(lits).boxed().toList(), k -> nextDomain++);
        return BusScalar.of(new BusScalar.Minterms(id, lits, values));
    }

    BusScalar of(PBus bus) {
        return BusScalar.of(bus);
    }

    /** The bus, built from the minterms (one OR per wire) on first use. */
    PBus bus(BusScalar x) {
        if (x.busOrNull() == null) {
            BusScalar.Minterms m = x.hot();
            x.setBus(
                    m.lits().length == 1
                            ? PBus.constant(prec, m.values()[0])
                            : PBus.fromOneHot(b, prec, m.lits(), m.values()));
        }
        return x.busOrNull();
    }

    /** The minterms, decoded from the bus when its range allows at most {@code limit} codes; else null. */
    private BusScalar.Minterms minterms(BusScalar x, int limit) {
        if (x.hot() != null) return x.hot();
        PBus bus = x.busOrNull();
        if (bus.range().zero() && !bus.range().nonzero()) {
            x.setHot(new BusScalar.Minterms(0, constantDomain.lits(), new PFloat[] {prec.zero()}));
            return x.hot();
        }
        if (count(bus) > limit) return null;
        List<PFloat> codes = bus.range().values(prec);
        x.setHot(new BusScalar.Minterms(nextDomain++, bus.toOneHot(b, codes), codes.toArray(PFloat[]::new)));
        return x.hot();
    }

    /** The number of codes a bus's range allows, without listing them. */
    private long count(PBus bus) {
        var r = bus.range();
        long perExponent = (1L << (prec.q() - 2)) * ((r.positive() ? 1 : 0) + (r.negative() ? 1 : 0));
        return (r.zero() ? 1 : 0)
                + (r.nonzero() ? (r.eHi() - r.eLo() + 1L) * perExponent + (r.eLo() == 0 ? perExponent : 0) : 0);
    }

    /** f(x), a function of one scalar: a table on x's minterms when they are cheap, else {@code viaBus} (or a table anyway when null). */
    private BusScalar map(BusScalar x, UnaryOperator<PFloat> f, UnaryOperator<PBus> viaBus) {
        BusScalar.Minterms m = minterms(x, viaBus == null ? Integer.MAX_VALUE : DECODE_MAX);
        if (m == null) return BusScalar.of(viaBus.apply(bus(x)));
        PFloat[] values = new PFloat[m.values().length];
        for (int k = 0; k < values.length; k++) values[k] = f.apply(m.values()[k]);
        return BusScalar.of(new BusScalar.Minterms(m.id(), m.lits(), values));
    }

    /** Any function of one scalar (exp, the layer-norm factor): Lemma 1, a table on its minterms. */
    BusScalar apply(BusScalar x, UnaryOperator<PFloat> f) {
        return map(x, f, null);
    }

    BusScalar relu(BusScalar x) {
        return map(x, v -> PMath.relu(prec, v), bus -> Unary.relu(b, bus));
    }

    BusScalar negate(BusScalar x) {
        return map(x, PFloat::negate, bus -> Unary.negate(b, bus));
    }

    BusScalar divide(BusScalar x, int d) {
        return map(x, v -> PMath.divide(prec, v, d), bus -> Products.divide(b, bus, d));
    }

    BusScalar multiply(BusScalar x, BusScalar y) {
        return combine(x, y, (u, v) -> PMath.multiply(prec, u, v), (u, v) -> Products.multiply(b, u, v));
    }

    BusScalar divide(BusScalar x, BusScalar y) {
        return combine(x, y, (u, v) -> PMath.divide(prec, u, v), (u, v) -> Products.divide(b, u, v));
    }

    private BusScalar combine(BusScalar x, BusScalar y, BinaryOperator<PFloat> f, BinaryOperator<PBus> viaBus) {
        PFloat cx = x.constant(), cy = y.constant();
        if (cy != null) return map(x, u -> f.apply(u, cy), u -> viaBus.apply(u, PBus.constant(prec, cy)));
        if (cx != null) return map(y, v -> f.apply(cx, v), v -> viaBus.apply(PBus.constant(prec, cx), v));
        BusScalar.Minterms mx = x.hot(), my = y.hot();
        if (mx != null && my != null && mx.id() == my.id()) {
            PFloat[] values = new PFloat[mx.values().length];
            for (int k = 0; k < values.length; k++) values[k] = f.apply(mx.values()[k], my.values()[k]);
            return BusScalar.of(new BusScalar.Minterms(mx.id(), mx.lits(), values));
        }
        if (mx != null && my != null) {
            BusScalar.Minterms gated = gated(mx, my, f, false);
            if (gated == null) gated = gated(my, mx, f, true);
            if (gated != null) return BusScalar.of(gated);
        }
        if (mx != null && my != null && (long) mx.lits().length * my.lits().length <= PAIR_MAX) {
            BusScalar.Minterms pair = pair(mx, my);
            int ny = my.lits().length;
            PFloat[] values = new PFloat[pair.lits().length];
            for (int k = 0; k < values.length; k++) values[k] = f.apply(mx.values()[k / ny], my.values()[k % ny]);
            return BusScalar.of(new BusScalar.Minterms(pair.id(), pair.lits(), values));
        }
        return BusScalar.of(viaBus.apply(bus(x), bus(y)));
    }

    /**
     * f(x, y) for an x that is zero or one value c (a selection, such as saturated attention's
     * [j attains the maximum]) when f(0, y) is the same on every minterm of y (0 ⊘ z = 0 ⊗ z = 0):
     * the minterms [x = 0] and [x = c] ∧ y_k, one AND per minterm of y instead of the pair table's
     * two. The choice does not depend on the size of y's domain, so neither does the depth.
     */
    private BusScalar.Minterms gated(
            BusScalar.Minterms x, BusScalar.Minterms y, BinaryOperator<PFloat> f, boolean swapped) {
        if (x.lits().length != 2) return null;
        int zero = x.values()[0].isZero() ? 0 : x.values()[1].isZero() ? 1 : -1;
        if (zero < 0) return null;
        PFloat c = x.values()[1 - zero], z = x.values()[zero];
        PFloat atZero = null;
        for (PFloat v : y.values()) {
            PFloat r = swapped ? f.apply(v, z) : f.apply(z, v);
            if (atZero == null) atZero = r;
            else if (!atZero.equals(r)) return null;
        }
        int[] lits = new int[1 + y.lits().length];
        PFloat[] values = new PFloat[lits.length];
        lits[0] = x.lits()[zero];
        values[0] = atZero;
        int on = x.lits()[1 - zero];
        for (int k = 0; k < y.lits().length; k++) {
            lits[1 + k] = b.and(on, y.lits()[k]);
            values[1 + k] = swapped ? f.apply(y.values()[k], c) : f.apply(c, y.values()[k]);
        }
        return new BusScalar.Minterms(nextDomain++, lits, values);
    }

    /**
     * ⊕ of m terms that are each zero or one common value c (saturated attention's normaliser
     * counts the maxima): the result depends only on how many are c, so its minterms are
     * [count = k] = [count &gt;= k] ∧ ¬[count &gt;= k + 1] for k = 0..m, m threshold gates and m + 1
     * ANDs, two levels whatever m (the bus sum's depth varies with the width of the count). Null
     * when the terms are not of that form or m + 1 &gt; {@link #DECODE_MAX}.
     */
    private BusScalar.Minterms count(List<BusScalar> terms) {
        if (terms.size() + 1 > DECODE_MAX) return null;
        PFloat c = null;
        int[] ones = new int[terms.size()];
        for (int t = 0; t < ones.length; t++) {
            BusScalar.Minterms m = terms.get(t).hot();
            if (m == null || m.lits().length != 2) return null;
            int zero = m.values()[0].isZero() ? 0 : m.values()[1].isZero() ? 1 : -1;
            if (zero < 0) return null;
            PFloat v = m.values()[1 - zero];
            if (c == null) c = v;
            else if (!c.equals(v)) return null;
            ones[t] = m.lits()[1 - zero];
        }
        int m = ones.length;
        int[] atLeast = new int[m + 2];
        atLeast[0] = Literal.TRUE;
        for (int k = 1; k <= m; k++) atLeast[k] = b.threshold(k, ones);
        atLeast[m + 1] = Literal.FALSE;
        int[] lits = new int[m + 1];
        PFloat[] values = new PFloat[m + 1];
        List<PFloat> multiset = new ArrayList<>(java.util.Collections.nCopies(m, prec.zero()));
        for (int k = 0; k <= m; k++) {
            lits[k] = b.and(atLeast[k], Literal.not(atLeast[k + 1]));
            if (k > 0) multiset.set(k - 1, c);
            values[k] = PMath.sum(prec, multiset);
        }
        return new BusScalar.Minterms(nextDomain++, lits, values);
    }

    /** The domain of pairs of minterms of two domains, minterm k = (k / |y|, k % |y|); one per pair of domains. */
    private BusScalar.Minterms pair(BusScalar.Minterms mx, BusScalar.Minterms my) {
        long key = (long) mx.id() << 32 | my.id();
        return pairs.computeIfAbsent(key, k -> {
            int[] lits = new int[mx.lits().length * my.lits().length];
            for (int i = 0; i < mx.lits().length; i++) {
                for (int j = 0; j < my.lits().length; j++)
                    lits[i * my.lits().length + j] = b.and(mx.lits()[i], my.lits()[j]);
            }
            return new BusScalar.Minterms(nextDomain++, lits, null);
        });
    }

    /**
     * ⊕ (Def 15): pointwise on one domain (constants join any domain), else the bus sum, whose
     * terms with minterms only enter as minterms.
     */
    BusScalar sum(List<BusScalar> terms) {
        List<BusScalar> live = new ArrayList<>(terms.size());
        for (BusScalar t : terms) if (!t.isZero()) live.add(t);
        if (live.isEmpty()) return constant(prec.zero());
        if (live.size() == 1) return live.getFirst();
        BusScalar.Minterms domain = null;
        boolean pointwise = true;
        for (BusScalar t : live) {
            BusScalar.Minterms m = t.hot();
            if (m == null) {
                pointwise = false;
                break;
            }
            if (m.id() == 0) continue;
            if (domain == null) domain = m;
            else if (domain.id() != m.id()) {
                pointwise = false;
                break;
            }
        }
        if (pointwise) {
            int size = domain == null ? 1 : domain.lits().length;
            PFloat[] values = new PFloat[size];
            List<PFloat> at = new ArrayList<>(live.size());
            for (int k = 0; k < size; k++) {
                at.clear();
                for (BusScalar t : live) at.add(t.hot().values()[t.hot().id() == 0 ? 0 : k]);
                values[k] = PMath.sum(prec, at);
            }
            return BusScalar.of(new BusScalar.Minterms(
                    domain == null ? 0 : domain.id(), domain == null ? constantDomain.lits() : domain.lits(), values));
        }
        BusScalar.Minterms count = count(live);
        if (count != null) return BusScalar.of(count);
        // a term that has only minterms feeds the sum's rows from them, without building its bus
        List<PBus> buses = new ArrayList<>(live.size());
        List<Sums.OneHot> hots = new ArrayList<>();
        for (BusScalar t : live) {
            if (t.busOrNull() == null)
                hots.add(new Sums.OneHot(t.hot().lits(), t.hot().values()));
            else buses.add(t.busOrNull());
        }
        return BusScalar.of(Sums.sum(b, prec, buses, hots));
    }
}
