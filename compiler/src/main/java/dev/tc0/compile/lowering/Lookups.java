package dev.tc0.compile.lowering;

import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Functions of scalars as Lemma 1 lookups (src/docs/paper.md, Lemma 1): a new value table on the
 * same minterms (free), on the product of two domains (one AND per pair of minterms), on the
 * product of several ({@link #tuple}), or on exclusive selectors ({@link #select}).
 */
final class Lookups {

    private final LoweringContext ctx;
    private final Precision prec;
    private final Domains domains;

    Lookups(LoweringContext ctx, Domains domains) {
        this.ctx = ctx;
        this.prec = ctx.precision();
        this.domains = domains;
    }

    /** Any function of one scalar: a new value table on the same minterms, no gates. */
    Scalar map(Scalar x, UnaryOperator<PFloat> f) {
        PFloat[] xv = x.values(), v = new PFloat[xv.length];
        Map<PFloat, PFloat> memo = new HashMap<>();
        for (int k = 0; k < v.length; k++) {
            // neighbouring minterms often share a value (runs of a sum, rows of a product)
            v[k] = k > 0 && xv[k].equals(xv[k - 1]) ? v[k - 1] : memo.computeIfAbsent(xv[k], f);
        }
        return domains.simplify(new Scalar(x.domain(), v));
    }

    /** A function of two scalars: pointwise on a shared domain, else Lemma 1 over pairs of minterms. */
    Scalar combine(Scalar x, Scalar y, BinaryOperator<PFloat> f) {
        if (x.domain().id() != y.domain().id()
                && x.domain().size() > 1
                && y.domain().size() > 1) {
            y = domains.lift(y, x.domain());
            x = domains.lift(x, y.domain());
        }
        if (x.domain().id() != y.domain().id()
                && x.domain().size() > 1
                && y.domain().size() > 1) {
            x = domains.merge(x);
            y = domains.merge(y);
        }
        Domain dx = x.domain(), dy = y.domain();
        Map<List<PFloat>, PFloat> memo = new HashMap<>();
        BinaryOperator<PFloat> g = (a, c) -> memo.computeIfAbsent(List.of(a, c), k -> f.apply(a, c));
        if (dx.id() == dy.id() || dx.size() == 1 || dy.size() == 1) {
            Domain d = dx.size() == 1 ? dy : dx;
            PFloat[] v = new PFloat[d.size()];
            for (int k = 0; k < v.length; k++)
                v[k] = g.apply(x.values()[dx.size() == 1 ? 0 : k], y.values()[dy.size() == 1 ? 0 : k]);
            return domains.simplify(new Scalar(d, v));
        }
        Domains.Product pr = domains.product(dx, dy);
        PFloat[] v = new PFloat[pr.domain().size()];
        for (int k = 0; k < v.length; k++) v[k] = g.apply(x.values()[pr.left()[k]], y.values()[pr.right()[k]]);
        return domains.simplify(new Scalar(pr.domain(), v));
    }

    /**
     * The scalars as one tuple: the product of their distinct domains (after merging each to its
     * distinct values), one AND per combination (Lemma 1's minterms of several variables).
     */
    ScalarLowering.Tuple tuple(List<Scalar> xs) {
        List<Scalar> ms =
                domains.aligned(domains.aligned(xs).stream().map(domains::merge).toList());
        List<Domain> parts = new ArrayList<>();
        Map<Integer, Integer> partOf = new HashMap<>();
        for (Scalar x : ms) {
            if (x.domain().size() > 1 && !partOf.containsKey(x.domain().id())) {
                partOf.put(x.domain().id(), parts.size());
                parts.add(x.domain());
            }
        }
        Domain d = parts.isEmpty() ? domains.constantDomain() : domains.productOf(parts);
        PFloat[][] values = new PFloat[d.size()][ms.size()];
        for (int k = 0; k < d.size(); k++) {
            for (int c = 0; c < ms.size(); c++) {
                Scalar x = ms.get(c);
                values[k][c] = x.domain().size() == 1
                        ? x.values()[0]
                        : domains.lift(x, d).values()[k];
            }
        }
        return new ScalarLowering.Tuple(d, values);
    }

    /**
     * Scalars chosen by exclusive selector literals (exactly one holds on every input the circuit
     * is exact for): coordinate u is {@code choices.get(k).get(u)} where selector k holds. When
     * each choice's coordinates are functions of one domain (constants, or the columns of one
     * tuple, such as the value vector of the key a head selects), all coordinates share one
     * domain, AND(selector, minterm of the choice), and stay correlated; otherwise each coordinate
     * gets its own.
     */
    List<Scalar> select(List<Integer> selectors, List<List<Scalar>> choices, int width) {
        Domain[] shared = new Domain[choices.size()];
        boolean joint = true;
        for (int k = 0; k < choices.size() && joint; k++) {
            for (Scalar r : choices.get(k)) {
                if (r.domain().size() == 1) continue;
                if (shared[k] != null && shared[k].id() != r.domain().id()) joint = false;
                shared[k] = r.domain();
            }
        }
        // one choice that always holds, over lazy domains of runs (block sums): the choice itself,
        // so that a reader of one cut of a value sum still builds that cut alone (LazyRuns); one
        // domain for all coordinates or one per coordinate (reverse's value sums, one per token)
        if (selectors.size() == 1 && selectors.getFirst() == Literal.TRUE && onLazyRuns(choices.getFirst())) {
            return List.copyOf(choices.getFirst());
        }
        List<Scalar> out = new ArrayList<>(width);
        if (joint) {
            List<Integer> lits = new ArrayList<>();
            List<List<PFloat>> values = new ArrayList<>();
            for (int u = 0; u < width; u++) values.add(new ArrayList<>());
            for (int k = 0; k < choices.size(); k++) {
                int size = shared[k] == null ? 1 : shared[k].size();
                for (int m = 0; m < size; m++) {
                    int lit = shared[k] == null
                            ? selectors.get(k)
                            : ctx.and(selectors.get(k), shared[k].lits()[m]);
                    if (lit == Literal.FALSE) continue;
                    lits.add(lit);
                    for (int u = 0; u < width; u++) {
                        Scalar r = choices.get(k).get(u);
                        values.get(u).add(r.values()[r.domain().size() == 1 ? 0 : m]);
                    }
                }
            }
            if (lits.isEmpty()) {
                for (int u = 0; u < width; u++) out.add(domains.constant(prec.zero()));
                return out;
            }
            // one minterm per distinct value vector (one OR each): the choices often agree
            Map<List<PFloat>, List<Integer>> byVector = new LinkedHashMap<>();
            Map<List<PFloat>, Integer> groupOf = new HashMap<>();
            int[] group = new int[lits.size()]; // per minterm, its vector's group, numbered by first occurrence
            for (int k = 0; k < lits.size(); k++) {
                List<PFloat> vector = new ArrayList<>(width);
                for (int u = 0; u < width; u++) vector.add(values.get(u).get(k));
                byVector.computeIfAbsent(vector, z -> new ArrayList<>()).add(lits.get(k));
                group[k] = groupOf.computeIfAbsent(vector, z -> groupOf.size());
            }
            int[] merged = new int[byVector.size()];
            List<List<PFloat>> vectors = new ArrayList<>(byVector.keySet());
            for (int g = 0; g < merged.length; g++)
                merged[g] = ctx.or(byVector.get(vectors.get(g)).stream()
                        .mapToInt(Integer::intValue)
                        .toArray());
            Domain d = domains.domain(merged);
            if (merged.length < lits.size() && lits.size() > 1) {
                // the choices' minterms (often the query's own domain) are finer: record it, to keep correlation
                Domain fine =
                        domains.domain(lits.stream().mapToInt(Integer::intValue).toArray());
                domains.coarsens(fine, d, group);
            }
            for (int u = 0; u < width; u++) {
                PFloat[] v = new PFloat[merged.length];
                for (int g = 0; g < v.length; g++) v[g] = vectors.get(g).get(u);
                out.add(domains.simplify(new Scalar(d, v)));
            }
            return out;
        }
        for (int u = 0; u < width; u++) {
            List<Integer> lits = new ArrayList<>();
            List<PFloat> values = new ArrayList<>();
            for (int k = 0; k < selectors.size(); k++) {
                Scalar r = choices.get(k).get(u);
                for (int m = 0; m < r.domain().size(); m++) {
                    int lit = r.domain().size() == 1
                            ? selectors.get(k)
                            : ctx.and(selectors.get(k), r.domain().lits()[m]);
                    if (lit == Literal.FALSE) continue;
                    lits.add(lit);
                    values.add(r.values()[m]);
                }
            }
            out.add(
                    lits.isEmpty()
                            ? domains.constant(prec.zero())
                            : domains.simplify(new Scalar(
                                    domains.domain(lits.stream()
                                            .mapToInt(Integer::intValue)
                                            .toArray()),
                                    values.toArray(PFloat[]::new))));
        }
        return out;
    }

    /** Whether the scalars are constants or on lazy domains of runs, at least one of them. */
    private static boolean onLazyRuns(List<Scalar> xs) {
        boolean lazy = false;
        for (Scalar x : xs) {
            if (x.domain().size() == 1) continue;
            if (x.domain().lazy() == null) return false;
            lazy = true;
        }
        return lazy;
    }

    /** The columns of a tuple as scalars over its domain. */
    List<Scalar> columns(ScalarLowering.Tuple t, int width) {
        List<Scalar> out = new ArrayList<>(width);
        for (int u = 0; u < width; u++) {
            PFloat[] v = new PFloat[t.size()];
            for (int k = 0; k < v.length; k++) v[k] = t.values()[k][u];
            out.add(domains.simplify(new Scalar(t.domain(), v)));
        }
        return out;
    }

    /**
     * The scalar without its zero entries, for a value known to be nonzero on every input (the
     * normaliser of saturated attention: some score of a row is its maximum, so Z ≥ 1). The
     * remaining minterms are still exclusive and, on every real input, exhaustive.
     */
    Scalar assumeNonZero(Scalar x) {
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < x.values().length; k++) if (!x.values()[k].isZero()) keep.add(k);
        if (keep.size() == x.values().length) return x;
        if (keep.isEmpty())
            throw new IllegalStateException(ctx.currentComponent() + ": a value assumed nonzero is always zero");
        if (keep.size() == 1) return domains.constant(x.values()[keep.getFirst()]);
        return new Scalar(
                domains.domain(keep.stream().mapToInt(k -> x.domain().lits()[k]).toArray()),
                keep.stream().map(k -> x.values()[k]).toArray(PFloat[]::new));
    }
}
