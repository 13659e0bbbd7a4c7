package dev.tc0.compile.lowering;

import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minterm sets of a lowering ({@link Domain}s) and how they relate: one domain per list of
 * literals (identity is what makes operations pointwise and free), the coarsenings that merges,
 * products and joints record (so a scalar over a coarser domain is read on a finer one without
 * gates), the products of domains (Lemma 1's minterms of several variables, one AND per
 * combination), and the OR of a set of a domain's minterms.
 */
final class Domains {

    private final LoweringContext ctx;
    private final Domain constantDomain = new Domain(0, new int[] {Literal.TRUE});
    private int nextDomain = 1;
    private final Map<List<Integer>, Domain> byLits = new HashMap<>();
    private final Map<Object, Scalar> merged = new HashMap<>();
    /**
     * The same merges by the scalar object: a scalar is merged again by every row that reads it,
     * and the memo above hashes and compares all its values each time (a sixth of cvp's compile
     * time at n = 32). Only scalars whose merge the memo holds (not those left as they are).
     */
    private final Map<Scalar, Scalar> mergedScalars = new java.util.IdentityHashMap<>();

    private final Map<Long, Product> products = new HashMap<>();

    /** The product of two domains: per minterm, the minterm of each factor it implies. */
    record Product(Domain domain, int[] left, int[] right) {}

    Domains(LoweringContext ctx) {
        this.ctx = ctx;
    }

    /** The domain of constants: one minterm, TRUE. */
    Domain constantDomain() {
        return constantDomain;
    }

    /** True for a domain made by {@link #productOf}, which keeps its atoms. */
    boolean isProduct(Domain d) {
        return atomsOf.containsKey(d.id());
    }

    /** The domain a domain was merged (by value) from, or the domain itself. */
    Domain mergedFrom(Domain d) {
        return mergedFrom.getOrDefault(d.id(), d);
    }

    /** One domain per list of literals: the same minterms are the same domain, so scalars over them combine pointwise. */
    Domain domain(int[] lits) {
        if (lits.length == 1) return constantDomain;
        return byLits.computeIfAbsent(
                Arrays.asList(Arrays.stream(lits).boxed().toArray(Integer[]::new)),
                k -> new Domain(nextDomain++, lits));
    }

    /** A lazy domain of runs (see {@link Domain}): a fresh identity, its literals not built yet. */
    Domain lazyRunsDomain(LazyRuns lazy) {
        Domain d = new Domain(nextDomain++, lazy.lits(), lazy.cuts(), lazy);
        // once built, its literals name it, as a built domain's do (domain(int[])), so a reader
        // that rebuilds the same minterms (a selection of one choice) stays on it
        lazy.whenBuilt(() ->
                byLits.putIfAbsent(Arrays.asList(Arrays.stream(d.lits()).boxed().toArray(Integer[]::new)), d));
        return d;
    }

    /** A domain of runs with its cuts (see {@link Domain}); the same literals as a known domain keep its identity. */
    Domain runsDomain(int[] lits, int[] cuts) {
        Domain d = domain(lits);
        if (d.size() == 1) return d;
        Domain r = new Domain(d.id(), lits, cuts);
        byLits.put(Arrays.asList(Arrays.stream(lits).boxed().toArray(Integer[]::new)), r);
        return r;
    }

    Scalar constant(PFloat v) {
        return new Scalar(constantDomain, new PFloat[] {v});
    }

    /** The 0/1 scalar of a literal. */
    Scalar indicator(int lit) {
        if (lit == Literal.TRUE) return constant(ctx.precision().one());
        if (lit == Literal.FALSE) return constant(ctx.precision().zero());
        return new Scalar(
                domain(new int[] {Literal.not(lit), lit}),
                new PFloat[] {ctx.precision().zero(), ctx.precision().one()});
    }

    Scalar simplify(Scalar x) {
        if (x.domain().size() > 1 && x.isConstant()) return constant(x.values()[0]);
        PFloat[] v = x.values();
        if (v.length <= SHARED_TABLE) return x;
        PFloat[] known = tables.putIfAbsent(Arrays.asList(v), v);
        return known == null ? x : new Scalar(x.domain(), known);
    }

    /**
     * Value tables longer than this are kept once per content by {@link #simplify}: the same
     * tables recur at every position (hist at n = 256 made 5.8 M tables, 227 M entries, of which
     * 2,039 distinct ones longer than 8), and the memos keep their scalars to the compile's end.
     */
    private static final int SHARED_TABLE = 8;

    private final Map<List<PFloat>, PFloat[]> tables = new HashMap<>();

    // ---------------------------------------------------------------- refinement

    /**
     * A coarser domain of a domain: {@code map[k]} is the minterm of {@code coarse} that minterm k
     * implies. Merges and products record theirs, so a scalar over a coarser domain can be read
     * on a finer one for free: the per-position tuple analysis, done lazily. Values computed on
     * one position (a node number, and its square fetched by another head) stay correlated.
     */
    private record Coarsening(Domain coarse, int[] map) {}

    private final Map<Integer, List<Coarsening>> coarser = new HashMap<>();
    private final Map<Long, int[]> liftMemo = new HashMap<>();
    private static final int[] UNRELATED = new int[0];

    void coarsens(Domain fine, Domain coarse, int[] map) {
        if (fine.size() > 1 && coarse.size() > 1 && fine.id() != coarse.id()) {
            coarser.computeIfAbsent(fine.id(), k -> new ArrayList<>()).add(new Coarsening(coarse, map));
        }
    }

    /** For each minterm of fine, the minterm of coarse it implies; null when no chain of merges and products relates them. */
    int[] liftMap(Domain fine, Domain coarse) {
        if (fine.id() == coarse.id()) {
            int[] id = new int[fine.size()];
            for (int k = 0; k < id.length; k++) id[k] = k;
            return id;
        }
        long key = ((long) fine.id() << 32) | coarse.id();
        int[] known = liftMemo.get(key);
        if (known != null) return known == UNRELATED ? null : known;
        int[] found = null;
        for (Coarsening c : coarser.getOrDefault(fine.id(), List.of())) {
            int[] rest = liftMap(c.coarse(), coarse);
            if (rest == null) continue;
            found = new int[fine.size()];
            for (int k = 0; k < found.length; k++) found[k] = rest[c.map()[k]];
            break;
        }
        liftMemo.put(key, found == null ? UNRELATED : found);
        return found;
    }

    /** x over a finer domain, when one is related; else x. */
    Scalar lift(Scalar x, Domain fine) {
        if (x.domain().size() == 1 || x.domain().id() == fine.id()) return x;
        int[] map = liftMap(fine, x.domain());
        if (map == null) return x;
        PFloat[] v = new PFloat[fine.size()];
        for (int k = 0; k < v.length; k++) v[k] = x.values()[map[k]];
        return new Scalar(fine, v);
    }

    /** The terms with every domain that is a coarsening of another term's domain replaced by that finer one. */
    List<Scalar> aligned(List<Scalar> terms) {
        List<Domain> ds = new ArrayList<>();
        for (Scalar t : terms) {
            if (t.domain().size() > 1
                    && ds.stream().noneMatch(d -> d.id() == t.domain().id())) ds.add(t.domain());
            if (ds.size() > 16) return terms; // sums over many positions: nothing to align
        }
        if (ds.size() < 2) return terms;
        List<Scalar> out = new ArrayList<>(terms);
        boolean changed = false;
        for (Domain d : ds) {
            for (Domain e : ds) {
                if (e.id() == d.id() || liftMap(e, d) == null) continue;
                for (int k = 0; k < out.size(); k++) {
                    if (out.get(k).domain().id() == d.id()) {
                        out.set(k, lift(out.get(k), e));
                        changed = true;
                    }
                }
                break;
            }
        }
        return changed ? aligned(out) : terms;
    }

    /** The scalar over its distinct values: one OR per value (memoised, so identity is kept). */
    Scalar merge(Scalar x) {
        if (x.domain().size() == 1) return x;
        Scalar m = mergedScalars.get(x);
        if (m != null) return m;
        PFloat[] xv = x.values();
        int size = xv.length;
        // the memo first (only merges that build something are kept)
        Object key = List.of(x.domain().id(), Arrays.asList(xv));
        m = merged.get(key);
        if (m != null) {
            mergedScalars.put(x, m);
            return m;
        }
        // groups of equal values (values are canonical, so equal values are equal records),
        // numbered in the order of their first minterm, not of their values: the same partition
        // of a domain (x and -2x, say) then gives the same literals, hence the same domain, and
        // scalars merged from one domain stay on one domain
        HashMap<PFloat, Integer> byValue = new HashMap<>();
        int[] group = new int[size];
        for (int k = 0; k < size; k++) {
            Integer g = byValue.putIfAbsent(xv[k], byValue.size());
            group[k] = g == null ? byValue.size() - 1 : g;
        }
        int groups = byValue.size();
        if (groups == size) return x;
        if (groups == 1) return constant(xv[0]);
        int[] first = new int[groups], last = new int[groups], count = new int[groups];
        Arrays.fill(first, -1);
        for (int k = 0; k < size; k++) {
            int g = group[k];
            if (first[g] < 0) first[g] = k;
            last[g] = k;
            count[g]++;
        }
        // runs: each value's minterms are consecutive on a domain of runs (a monotone function of
        // a sum); the merged domain is then again a domain of runs, with the cuts of the first runs
        boolean runs = x.domain().hasCuts();
        for (int g = 0; g < groups && runs; g++) runs = last[g] - first[g] + 1 == count[g];
        int[] cuts = runs ? new int[groups + 1] : null;
        Domain lazy = runs && x.domain().lazy() != null ? lazyCoarsening(x.domain(), group, first) : null;
        if (runs && lazy == null) {
            for (int g = 0; g < groups; g++) cuts[g] = x.domain().cut(first[g]);
            cuts[groups] = Literal.FALSE;
        }
        // the minterms of each group, by a counting sort, to fill one on-set at a time
        int[] from = new int[groups + 1];
        for (int g = 0; g < groups; g++) from[g + 1] = from[g] + count[g];
        int[] members = new int[size], fill = from.clone();
        for (int k = 0; k < size; k++) members[fill[group[k]]++] = k;
        int[] lits = new int[groups];
        PFloat[] values = new PFloat[groups];
        boolean[] on = new boolean[size];
        for (int g = 0; g < groups; g++) {
            values[g] = xv[first[g]];
            if (lazy != null) continue;
            for (int i = from[g]; i < from[g + 1]; i++) on[members[i]] = true;
            lits[g] = anyOf(x.domain(), on);
            for (int i = from[g]; i < from[g + 1]; i++) on[members[i]] = false;
        }
        m = new Scalar(lazy != null ? lazy : runs ? runsDomain(lits, cuts) : domain(lits), values);
        coarsens(x.domain(), m.domain(), group);
        if (!atomsOf.containsKey(x.domain().id()))
            mergedFrom.putIfAbsent(
                    m.domain().id(), mergedFrom.getOrDefault(x.domain().id(), x.domain()));
        merged.put(key, m);
        mergedScalars.put(x, m);
        return m;
    }

    /** Lazy coarsenings of lazy domains of runs by their partition: the same partition is the same domain. */
    private final Map<List<Object>, Domain> lazyCoarsenings = new HashMap<>();

    /**
     * A lazy domain of runs grouped into consecutive runs (group g starting at run first[g]): again
     * lazy, its cuts a subset of d's, so a reader of one cut of the merged scalar still builds one
     * test.
     */
    private Domain lazyCoarsening(Domain d, int[] group, int[] first) {
        List<Object> key =
                List.of(d.id(), Arrays.asList(Arrays.stream(group).boxed().toArray(Integer[]::new)));
        return lazyCoarsenings.computeIfAbsent(key, k -> lazyRunsDomain(d.lazy().coarser(first)));
    }

    /**
     * The coarsest domain finer than both a and b, two coarsenings of src: src's minterms grouped
     * by the pair (minterm of a, minterm of b), one OR per group (the token flags "is &amp;" and
     * "is 1" jointly: three groups rather than the six tokens).
     */
    Domain joint(Domain src, Domain a, Domain b) {
        int[] ma = liftMap(src, a), mb = liftMap(src, b);
        if (ma == null || mb == null) return src;
        Map<List<Integer>, Integer> group = new LinkedHashMap<>();
        int[] of = new int[src.size()];
        for (int k = 0; k < of.length; k++) of[k] = group.computeIfAbsent(List.of(ma[k], mb[k]), z -> group.size());
        if (group.size() == src.size()) return src;
        if (group.size() == a.size()) return a;
        if (group.size() == b.size()) return b;
        int[] lits = new int[group.size()];
        for (int g = 0; g < lits.length; g++) {
            boolean[] on = new boolean[of.length];
            for (int k = 0; k < of.length; k++) on[k] = of[k] == g;
            lits[g] = anyOf(src, on);
        }
        Domain j = domain(lits);
        coarsens(src, j, of);
        int[] toA = new int[lits.length], toB = new int[lits.length];
        for (int k = 0; k < of.length; k++) {
            toA[of[k]] = ma[k];
            toB[of[k]] = mb[k];
        }
        coarsens(j, a, toA);
        coarsens(j, b, toB);
        mergedFrom.putIfAbsent(j.id(), src);
        return j;
    }

    /** For a domain merged (by value) from a domain that is not a product: that domain. */
    private final Map<Integer, Domain> mergedFrom = new HashMap<>();

    // ---------------------------------------------------------------- products

    private final Map<List<Integer>, Domain> productsOf = new HashMap<>();

    /**
     * The product of several domains in one AND layer (one AND of k literals per combination);
     * each part is recorded as a coarsening, so scalars over the parts read off it for free.
     */
    Domain productOf(List<Domain> parts) {
        if (parts.size() == 1) return parts.getFirst();
        List<Integer> key = parts.stream().map(Domain::id).toList();
        Domain known = productsOf.get(key);
        if (known != null) return known;
        long size = 1;
        for (Domain d : parts) size *= d.size();
        if (size > ctx.limits().maxDomain()) {
            throw ctx.limitPassed("a tuple of " + parts.size() + " scalars with " + size
                    + " combinations of values exceeds the limit of "
                    + ctx.limits().maxDomain());
        }
        // the atoms (domains not made by productOf) under the parts; parts sharing an atom must agree on it
        List<Domain> atoms = new ArrayList<>();
        for (Domain d : parts)
            for (Domain a : atoms(d).domains()) if (atoms.stream().noneMatch(x -> x.id() == a.id())) atoms.add(a);
        int[][] where = new int[parts.size()][]; // per part, the position of each of its atoms in the list
        int[][][] partIndex = new int[parts.size()][][]; // per part and minterm, the minterm of each of its atoms
        for (int p = 0; p < parts.size(); p++) {
            Atoms ap = atoms(parts.get(p));
            partIndex[p] = ap.index();
            Domain[] pa = ap.domains();
            where[p] = new int[pa.length];
            for (int q = 0; q < pa.length; q++)
                for (int a = 0; a < atoms.size(); a++) if (atoms.get(a).id() == pa[q].id()) where[p][q] = a;
        }
        List<Integer> lits = new ArrayList<>();
        List<int[]> index = new ArrayList<>(), atomIndex = new ArrayList<>();
        int[] at = new int[parts.size()];
        int[] ops = new int[parts.size()];
        combinations:
        while (true) {
            int[] ai = new int[atoms.size()];
            Arrays.fill(ai, -1);
            boolean consistent = true;
            for (int p = 0; p < parts.size() && consistent; p++) {
                int[] pi = partIndex[p][at[p]];
                for (int q = 0; q < pi.length; q++) {
                    int a = where[p][q];
                    if (ai[a] >= 0 && ai[a] != pi[q]) consistent = false;
                    ai[a] = pi[q];
                }
            }
            if (consistent) {
                for (int p = 0; p < ops.length; p++) ops[p] = parts.get(p).lits()[at[p]];
                int lit = ctx.and(ops.clone());
                if (lit != Literal.FALSE) {
                    lits.add(lit);
                    index.add(at.clone());
                    atomIndex.add(ai);
                }
            }
            int p = parts.size() - 1;
            while (p >= 0 && ++at[p] == parts.get(p).size()) at[p--] = 0;
            if (p < 0) break combinations;
        }
        Domain d = domain(lits.stream().mapToInt(Integer::intValue).toArray());
        for (int p = 0; p < parts.size(); p++) {
            int[] map = new int[index.size()];
            for (int k = 0; k < map.length; k++) map[k] = index.get(k)[p];
            coarsens(d, parts.get(p), map);
        }
        if (d.size() > 1)
            atomsOf.putIfAbsent(d.id(), new Atoms(atoms.toArray(Domain[]::new), atomIndex.toArray(int[][]::new)));
        productsOf.put(key, d);
        return d;
    }

    /** The atoms of a domain made by {@link #productOf}, and per minterm the minterm of each atom. */
    record Atoms(Domain[] domains, int[][] index) {}

    private final Map<Integer, Atoms> atomsOf = new HashMap<>();

    Atoms atoms(Domain d) {
        Atoms a = atomsOf.get(d.id());
        if (a != null) return a;
        int[][] index = new int[d.size()][];
        for (int k = 0; k < index.length; k++) index[k] = new int[] {k};
        return new Atoms(new Domain[] {d}, index);
    }

    /** x read on a product p whose atoms include x's atoms (minterms x rules out get any value: they are never true). */
    Scalar liftByAtoms(Scalar x, Domain p) {
        if (x.domain().size() == 1 || x.domain().id() == p.id()) return x;
        Atoms ax = atoms(x.domain()), ap = atoms(p);
        int[] pos = new int[ax.domains().length];
        int[][] via = new int[pos.length][]; // null: the same atom; else from a finer atom of p to x's atom
        for (int q = 0; q < pos.length; q++) {
            pos[q] = -1;
            for (int a = 0; a < ap.domains().length && pos[q] < 0; a++)
                if (ap.domains()[a].id() == ax.domains()[q].id()) pos[q] = a;
            for (int a = 0; a < ap.domains().length && pos[q] < 0; a++) {
                via[q] = liftMap(ap.domains()[a], ax.domains()[q]);
                if (via[q] != null) pos[q] = a;
            }
            if (pos[q] < 0) return lift(x, p);
        }
        Map<List<Integer>, Integer> minterm = new HashMap<>();
        for (int k = 0; k < ax.index().length; k++)
            minterm.put(Arrays.stream(ax.index()[k]).boxed().toList(), k);
        PFloat[] v = new PFloat[p.size()];
        for (int k = 0; k < v.length; k++) {
            List<Integer> proj = new ArrayList<>(pos.length);
            for (int q = 0; q < pos.length; q++) {
                int m = ap.index()[k][pos[q]];
                proj.add(via[q] == null ? m : via[q][m]);
            }
            Integer m = minterm.get(proj);
            v[k] = m == null ? x.values()[0] : x.values()[m];
        }
        return new Scalar(p, v);
    }

    Product product(Domain dx, Domain dy) {
        long key = ((long) dx.id() << 32) | dy.id();
        Product pr = products.get(key);
        if (pr != null) return pr;
        long size = (long) dx.size() * dy.size();
        if (size > ctx.limits().maxDomain()) {
            throw ctx.limitPassed("a lookup table over two scalars with " + dx.size() + " x " + dy.size()
                    + " possible values (" + size + " minterms) exceeds the limit of "
                    + ctx.limits().maxDomain());
        }
        int[] lits = new int[(int) size], left = new int[(int) size], right = new int[(int) size];
        int n = 0;
        for (int a = 0; a < dx.size(); a++) {
            for (int c = 0; c < dy.size(); c++) {
                int lit = ctx.and(dx.lits()[a], dy.lits()[c]);
                if (lit == Literal.FALSE) continue;
                lits[n] = lit;
                left[n] = a;
                right[n++] = c;
            }
        }
        pr = new Product(domain(Arrays.copyOf(lits, n)), Arrays.copyOf(left, n), Arrays.copyOf(right, n));
        coarsens(pr.domain(), dx, pr.left());
        coarsens(pr.domain(), dy, pr.right());
        products.put(key, pr);
        return pr;
    }

    // ---------------------------------------------------------------- ORs of minterms

    /**
     * OR of the minterms k of d with on[k]: TRUE when all are on; on a domain of runs, when the
     * on-set is an interval of runs, one AND of two cuts (or a cut itself).
     */
    int anyOf(Domain d, boolean[] on) {
        OnSet set = OnSet.of(on);
        if (set.count() == 0) return Literal.FALSE;
        if (set.count() == on.length) return Literal.TRUE;
        if (set.isInterval(d)) {
            int lo = d.cut(set.first()), hi = Literal.not(d.cut(set.last() + 1));
            return lo == Literal.TRUE ? hi : hi == Literal.TRUE ? lo : ctx.and(lo, hi);
        }
        // the minterms are exclusive and, on every valid input, exhaustive: the smaller side serves
        boolean flip = 2 * set.count() > on.length;
        int[] lits = new int[flip ? on.length - set.count() : set.count()];
        int i = 0;
        for (int k = 0; k < on.length; k++) if (on[k] != flip) lits[i++] = d.lits()[k];
        int any = lits.length == 1 ? lits[0] : ctx.or(lits);
        return flip ? Literal.not(any) : any;
    }

    /**
     * {@link #anyOf(Domain, boolean[])} where it needs no gate: a constant, one minterm or all but
     * one of a built domain, or a prefix or suffix of a domain of runs whose cut needs none
     * ({@link Domain#knownCut}). Else {@link LazyRuns#UNKNOWN}. Builds nothing.
     */
    int anyOfWithoutGates(Domain d, boolean[] on) {
        OnSet set = OnSet.of(on);
        if (set.count() == 0) return Literal.FALSE;
        if (set.count() == on.length) return Literal.TRUE;
        if (set.isInterval(d) && (set.first() == 0 || set.last() == on.length - 1)) {
            if (set.first() > 0) return d.knownCut(set.first());
            int above = d.knownCut(set.last() + 1);
            return above == LazyRuns.UNKNOWN ? LazyRuns.UNKNOWN : Literal.not(above);
        }
        if (d.lazy() != null) return LazyRuns.UNKNOWN;
        if (set.count() == 1) return d.lits()[set.first()];
        if (set.count() == on.length - 1) {
            for (int k = 0; k < on.length; k++) if (!on[k]) return Literal.not(d.lits()[k]);
        }
        return LazyRuns.UNKNOWN;
    }

    /**
     * Whether exactly one of the literals holds on every valid input: TRUE alone, or the minterms
     * of a known domain (in its order, or ascending as the token inputs are declared).
     */
    boolean isDomain(int[] lits) {
        if (lits.length == 1) return lits[0] == Literal.TRUE;
        int[] sorted = lits.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) if (sorted[k] == sorted[k - 1]) return false;
        return byLits.containsKey(Arrays.asList(Arrays.stream(lits).boxed().toArray(Integer[]::new)))
                || byLits.containsKey(
                        Arrays.asList(Arrays.stream(sorted).boxed().toArray(Integer[]::new)));
    }

    /**
     * What {@link #anyOf(Domain, boolean[])} builds for this on-set, before building it: its
     * operand edges and the level of its literal (-1 for a constant).
     */
    long[] anyOfPlan(Domain d, boolean[] on) {
        OnSet set = OnSet.of(on);
        if (set.count() == 0 || set.count() == on.length) return new long[] {0, -1};
        if (set.isInterval(d)) {
            int lo = d.cut(set.first()), hi = d.cut(set.last() + 1);
            if (lo == Literal.TRUE) return new long[] {0, ctx.level(hi)};
            if (hi == Literal.FALSE) return new long[] {0, ctx.level(lo)};
            return new long[] {2, 1 + Math.max(ctx.level(lo), ctx.level(hi))};
        }
        boolean flip = 2 * set.count() > on.length;
        int level = 0, side = 0;
        for (int k = 0; k < on.length; k++) {
            if (on[k] == flip) continue;
            level = Math.max(level, ctx.level(d.lits()[k]));
            side++;
        }
        return side == 1 ? new long[] {0, level} : new long[] {side, level + 1};
    }

    /** The minterms an OR of a domain's minterms takes: the first and last one, and how many. */
    private record OnSet(int first, int last, int count) {
        static OnSet of(boolean[] on) {
            int first = -1, last = -1, count = 0;
            for (int k = 0; k < on.length; k++) {
                if (!on[k]) continue;
                if (first < 0) first = k;
                last = k;
                count++;
            }
            return new OnSet(first, last, count);
        }

        /** An interval of a domain of runs: one AND of two cuts. */
        boolean isInterval(Domain d) {
            return d.hasCuts() && last - first + 1 == count;
        }
    }
}
