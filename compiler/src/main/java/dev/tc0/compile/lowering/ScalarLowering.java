package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.gadget.Comparison;
import dev.tc0.compile.gadget.IteratedAddition;
import dev.tc0.compile.gadget.Weights;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The scalar lowering library: p-precision operations on {@link Scalar}s, each building the
 * constant-depth circuit that computes it exactly, with the tables computed by {@link PMath} (so
 * the circuit IS the reference semantics on every member of the value sets).
 *
 * <ul>
 *   <li>{@link #map}: any function of one scalar (⊗ by a constant weight, ReLU, negation, exp,
 *       the layer-norm factor, ⊘ by an integer): a Lemma-1 lookup whose minterms are the domain's
 *       literals, so it costs <b>no gates</b>: only the value table changes. The next operation
 *       reads the new values off the same minterms.</li>
 *   <li>{@link #combine}: a function of two scalars (x ⊗ y, x ⊘ y): Lemma 1 over the pairs of
 *       minterms, one AND per pair (depth 1), after merging each operand to its distinct values
 *       (one OR per value, depth 1). Two scalars over the same domain combine pointwise, free.</li>
 *   <li>{@link #sum}: ⊕ of k terms (Def 15: one exact sum on the grid, one f_p). Terms over the
 *       same domain add pointwise (exactly, on the grid). Otherwise the exact grid sum
 *       S = Σ_r w_r·l_r is a linear form in the minterm literals with integer weights (the g_p
 *       values shifted to the lowest bit any term can hold: value-range analysis narrows the grid);
 *       f_p is monotone, so the result is constant on intervals of S, and the result's minterms
 *       are AND([S ≥ t_r], ¬[S ≥ t_(r+1)]) over the interval starts t_r of the possible sums: one
 *       weighted threshold gate per interval (PAPER.md 5.6(a): iterated addition in depth 2 with
 *       exponential weights) and one AND. Depth 2, independent of k.</li>
 *   <li>{@link #isMax}: saturated attention's s_ij = [σ_ij is maximal in its row], depth 4.</li>
 * </ul>
 *
 * <p>Sizes are bounded by {@link Limits}; exceeding one throws {@link LoweringLimitException}
 * naming the component.
 */
public final class ScalarLowering {

    /**
     * Size limits. {@code maxSums}: possible exact sums of one ⊕ (value-set cap); {@code
     * maxDomain}: minterms of one product of two domains; {@code maxGates}: the whole circuit;
     * {@code maxWeightBits}: the width of a threshold gate's weights (the sums of |weights| must
     * fit a signed 64-bit long).
     */
    public record Limits(int maxSums, int maxDomain, long maxGates, int maxWeightBits, int maxWideBits, int maxRuns, long maxEdges) {
        public static final Limits DEFAULT = new Limits(1 << 16, 1 << 16, 20_000_000L, 62, 4096, 4096, 20_000_000L);

        public Limits withMaxGates(long gates) {
            return new Limits(maxSums, maxDomain, gates, maxWeightBits, maxWideBits, maxRuns, maxEdges);
        }

        public Limits withMaxEdges(long edges) {
            return new Limits(maxSums, maxDomain, maxGates, maxWeightBits, maxWideBits, maxRuns, edges);
        }
    }

    private final LoweringContext ctx;
    private final CircuitBuilder b;
    private final Precision prec;
    private final Limits limits;
    private final Domain constantDomain;
    private int nextDomain = 1;
    private final Map<Long, Product> products = new HashMap<>();
    private final Map<Object, Scalar> merged = new HashMap<>();
    private final Map<List<Integer>, Domain> byLits = new HashMap<>();
    /** Sums by their linear form: equal sums (e.g. the same global value computed at every position) share one domain. */
    private final Map<Object, Scalar> sums = new HashMap<>();

    private record Product(Domain domain, int[] left, int[] right) {}

    public ScalarLowering(CircuitBuilder b, Precision prec, Limits limits) {
        this.ctx = new LoweringContext(b, prec, limits);
        this.b = b;
        this.prec = prec;
        this.limits = limits;
        this.constantDomain = new Domain(0, new int[] {Literal.TRUE});
    }

    public CircuitBuilder builder() {
        return b;
    }

    public Precision precision() {
        return prec;
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Names the component being built, for limit messages and statistics. */
    public void component(String name) {
        ctx.component(name);
    }

    public String currentComponent() {
        return ctx.currentComponent();
    }

    /** The largest level (depth from the inputs) of any gate built or reused since {@link #component}. */
    public int componentLevel() {
        return ctx.componentLevel();
    }

    /** The level of a literal: 0 for inputs and constants. */
    public int level(int lit) {
        return ctx.level(lit);
    }

    /**
     * Operand edges of the gates built so far (gates found in the structural hash count once),
     * also those of embedded arithmetic circuits (the wide route).
     */
    public long edges() {
        return ctx.edges();
    }

    int and(int... lits) {
        return ctx.and(lits);
    }

    int or(int... lits) {
        return ctx.or(lits);
    }

    int weighted(long[] w, int[] lits, long t) {
        return ctx.weighted(w, lits, t);
    }

    /** One domain per list of literals: the same minterms are the same domain, so scalars over them combine pointwise. */
    Domain domain(int[] lits) {
        if (lits.length == 1) return constantDomain;
        return byLits.computeIfAbsent(Arrays.asList(Arrays.stream(lits).boxed().toArray(Integer[]::new)), k -> new Domain(nextDomain++, lits));
    }

    /** A domain of runs with its cuts (see {@link Domain}); the same literals as a known domain keep its identity. */
    private Domain runsDomain(int[] lits, int[] cuts) {
        Domain d = domain(lits);
        if (d.size() == 1) return d;
        Domain r = new Domain(d.id(), lits, cuts);
        byLits.put(Arrays.asList(Arrays.stream(lits).boxed().toArray(Integer[]::new)), r);
        return r;
    }

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

    private void coarsens(Domain fine, Domain coarse, int[] map) {
        if (fine.size() > 1 && coarse.size() > 1 && fine.id() != coarse.id()) {
            coarser.computeIfAbsent(fine.id(), k -> new ArrayList<>()).add(new Coarsening(coarse, map));
        }
    }

    /** For each minterm of fine, the minterm of coarse it implies; null when no chain of merges and products relates them. */
    private int[] liftMap(Domain fine, Domain coarse) {
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
    private Scalar lift(Scalar x, Domain fine) {
        if (x.domain().size() == 1 || x.domain().id() == fine.id()) return x;
        int[] map = liftMap(fine, x.domain());
        if (map == null) return x;
        PFloat[] v = new PFloat[fine.size()];
        for (int k = 0; k < v.length; k++) v[k] = x.values()[map[k]];
        return new Scalar(fine, v);
    }

    /** The terms with every domain that is a coarsening of another term's domain replaced by that finer one. */
    private List<Scalar> aligned(List<Scalar> terms) {
        List<Domain> ds = new ArrayList<>();
        for (Scalar t : terms) {
            if (t.domain().size() > 1 && ds.stream().noneMatch(d -> d.id() == t.domain().id())) ds.add(t.domain());
        }
        if (ds.size() < 2 || ds.size() > 16) return terms;
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

    // ---------------------------------------------------------------- scalars

    public Scalar constant(PFloat v) {
        return new Scalar(constantDomain, new PFloat[] {v});
    }

    /** A domain of literals the caller guarantees exclusive and exhaustive (e.g. one-hot inputs). */
    public Domain domainOf(int[] lits) {
        return domain(lits);
    }

    /** A scalar given by its value on each minterm of a domain. */
    public Scalar of(Domain d, PFloat[] values) {
        return simplify(new Scalar(d, values));
    }

    private Scalar simplify(Scalar x) {
        if (x.domain().size() > 1 && x.isConstant()) return constant(x.values()[0]);
        return x;
    }

    /** Any function of one scalar: a new value table on the same minterms, no gates. */
    public Scalar map(Scalar x, UnaryOperator<PFloat> f) {
        PFloat[] v = new PFloat[x.values().length];
        Map<PFloat, PFloat> memo = new HashMap<>();
        for (int k = 0; k < v.length; k++) v[k] = memo.computeIfAbsent(x.values()[k], f);
        return simplify(new Scalar(x.domain(), v));
    }

    /** The scalar over its distinct values: one OR per value (memoised, so identity is kept). */
    public Scalar merge(Scalar x) {
        if (x.domain().size() == 1) return x;
        TreeMap<PFloat, boolean[]> byValue = new TreeMap<>();
        for (int k = 0; k < x.values().length; k++) byValue.computeIfAbsent(x.values()[k], z -> new boolean[x.values().length])[k] = true;
        if (byValue.size() == x.values().length) return x;
        if (byValue.size() == 1) return constant(byValue.firstKey());
        Object key = List.of(x.domain().id(), Arrays.asList(x.values()));
        Scalar m = merged.get(key);
        if (m != null) return m;
        // runs: each value's minterms are consecutive on a domain of runs (a monotone function of a sum)
        List<Map.Entry<PFloat, boolean[]>> groups = new ArrayList<>(byValue.entrySet());
        int[] first = new int[groups.size()];
        boolean runs = x.domain().cuts() != null;
        for (int g = 0; g < groups.size(); g++) {
            boolean[] on = groups.get(g).getValue();
            int a = -1, b = -1, count = 0;
            for (int k = 0; k < on.length; k++) if (on[k]) { if (a < 0) a = k; b = k; count++; }
            first[g] = a;
            runs &= b - a + 1 == count;
        }
        // groups in the order of their first minterm, not of their values: the same partition of a
        // domain (x and -2x, say) then gives the same literals, hence the same domain, and scalars
        // merged from one domain stay on one domain. On a domain of runs the merged domain is
        // again a domain of runs, with the cuts of the first runs.
        Integer[] order = new Integer[groups.size()];
        for (int g = 0; g < order.length; g++) order[g] = g;
        Arrays.sort(order, (u, v) -> Integer.compare(first[u], first[v]));
        List<Map.Entry<PFloat, boolean[]>> sorted = new ArrayList<>();
        int[] cuts = runs ? new int[groups.size() + 1] : null;
        for (int g = 0; g < order.length; g++) {
            sorted.add(groups.get(order[g]));
            if (runs) cuts[g] = x.domain().cuts()[first[order[g]]];
        }
        if (runs) cuts[groups.size()] = Literal.FALSE;
        groups = sorted;
        int[] lits = new int[groups.size()];
        PFloat[] values = new PFloat[groups.size()];
        for (int g = 0; g < lits.length; g++) {
            values[g] = groups.get(g).getKey();
            lits[g] = anyOf(x.domain(), groups.get(g).getValue());
        }
        m = new Scalar(runs ? runsDomain(lits, cuts) : domain(lits), values);
        int[] map = new int[x.values().length];
        for (int g = 0; g < m.values().length; g++) for (int k = 0; k < map.length; k++) if (x.values()[k].equals(m.values()[g])) map[k] = g;
        coarsens(x.domain(), m.domain(), map);
        if (!atomsOf.containsKey(x.domain().id())) mergedFrom.putIfAbsent(m.domain().id(), mergedFrom.getOrDefault(x.domain().id(), x.domain()));
        merged.put(key, m);
        return m;
    }

    /** A function of two scalars: pointwise on a shared domain, else Lemma 1 over pairs of minterms. */
    public Scalar combine(Scalar x, Scalar y, BinaryOperator<PFloat> f) {
        if (x.domain().id() != y.domain().id() && x.domain().size() > 1 && y.domain().size() > 1) {
            y = lift(y, x.domain());
            x = lift(x, y.domain());
        }
        if (x.domain().id() != y.domain().id() && x.domain().size() > 1 && y.domain().size() > 1) {
            x = merge(x);
            y = merge(y);
        }
        Domain dx = x.domain(), dy = y.domain();
        Map<List<PFloat>, PFloat> memo = new HashMap<>();
        BinaryOperator<PFloat> g = (a, c) -> memo.computeIfAbsent(List.of(a, c), k -> f.apply(a, c));
        if (dx.id() == dy.id() || dx.size() == 1 || dy.size() == 1) {
            Domain d = dx.size() == 1 ? dy : dx;
            PFloat[] v = new PFloat[d.size()];
            for (int k = 0; k < v.length; k++) v[k] = g.apply(x.values()[dx.size() == 1 ? 0 : k], y.values()[dy.size() == 1 ? 0 : k]);
            return simplify(new Scalar(d, v));
        }
        Product pr = product(dx, dy);
        PFloat[] v = new PFloat[pr.domain().size()];
        for (int k = 0; k < v.length; k++) v[k] = g.apply(x.values()[pr.left()[k]], y.values()[pr.right()[k]]);
        return simplify(new Scalar(pr.domain(), v));
    }

    /** A vector of scalars over one domain: on minterm k the vector is {@code values[k]}. */
    public record Tuple(Domain domain, PFloat[][] values) {
        public int size() {
            return domain.size();
        }
    }

    /**
     * The scalars as one tuple: the product of their distinct domains (after merging each to its
     * distinct values), one AND per combination (Lemma 1's minterms of several variables).
     */
    public Tuple tuple(List<Scalar> xs) {
        List<Scalar> ms = aligned(aligned(xs).stream().map(this::merge).toList());
        List<Domain> parts = new ArrayList<>();
        Map<Integer, Integer> partOf = new HashMap<>();
        for (Scalar x : ms) {
            if (x.domain().size() > 1 && !partOf.containsKey(x.domain().id())) {
                partOf.put(x.domain().id(), parts.size());
                parts.add(x.domain());
            }
        }
        Domain d = parts.isEmpty() ? constantDomain : productOf(parts);
        PFloat[][] values = new PFloat[d.size()][ms.size()];
        for (int k = 0; k < d.size(); k++) {
            for (int c = 0; c < ms.size(); c++) {
                Scalar x = ms.get(c);
                values[k][c] = x.domain().size() == 1 ? x.values()[0] : lift(x, d).values()[k];
            }
        }
        return new Tuple(d, values);
    }

    /**
     * Scalars chosen by exclusive selector literals (exactly one holds on every input the circuit
     * is exact for): coordinate u is {@code choices.get(k).get(u)} where selector k holds. When
     * each choice's coordinates are functions of one domain (constants, or the columns of one
     * tuple, such as the value vector of the key a head selects), all coordinates share one
     * domain, AND(selector, minterm of the choice), and stay correlated; otherwise each coordinate
     * gets its own.
     */
    public List<Scalar> select(List<Integer> selectors, List<List<Scalar>> choices, int width) {
        Domain[] shared = new Domain[choices.size()];
        boolean joint = true;
        for (int k = 0; k < choices.size() && joint; k++) {
            for (Scalar r : choices.get(k)) {
                if (r.domain().size() == 1) continue;
                if (shared[k] != null && shared[k].id() != r.domain().id()) joint = false;
                shared[k] = r.domain();
            }
        }
        List<Scalar> out = new ArrayList<>(width);
        if (joint) {
            List<Integer> lits = new ArrayList<>();
            List<List<PFloat>> values = new ArrayList<>();
            for (int u = 0; u < width; u++) values.add(new ArrayList<>());
            for (int k = 0; k < choices.size(); k++) {
                int size = shared[k] == null ? 1 : shared[k].size();
                for (int m = 0; m < size; m++) {
                    int lit = shared[k] == null ? selectors.get(k) : and(selectors.get(k), shared[k].lits()[m]);
                    if (lit == Literal.FALSE) continue;
                    lits.add(lit);
                    for (int u = 0; u < width; u++) {
                        Scalar r = choices.get(k).get(u);
                        values.get(u).add(r.values()[r.domain().size() == 1 ? 0 : m]);
                    }
                }
            }
            if (lits.isEmpty()) {
                for (int u = 0; u < width; u++) out.add(constant(prec.zero()));
                return out;
            }
            // one minterm per distinct value vector (one OR each): the choices often agree
            Map<List<PFloat>, List<Integer>> byVector = new LinkedHashMap<>();
            for (int k = 0; k < lits.size(); k++) {
                List<PFloat> vector = new ArrayList<>(width);
                for (int u = 0; u < width; u++) vector.add(values.get(u).get(k));
                byVector.computeIfAbsent(vector, z -> new ArrayList<>()).add(lits.get(k));
            }
            int[] merged = new int[byVector.size()];
            List<List<PFloat>> vectors = new ArrayList<>(byVector.keySet());
            for (int g = 0; g < merged.length; g++) merged[g] = or(byVector.get(vectors.get(g)).stream().mapToInt(Integer::intValue).toArray());
            Domain d = domain(merged);
            if (merged.length < lits.size() && lits.size() > 1) {
                // the choices' minterms (often the query's own domain) are finer: record it, to keep correlation
                Domain fine = domain(lits.stream().mapToInt(Integer::intValue).toArray());
                int[] map = new int[lits.size()];
                for (int k = 0; k < map.length; k++) {
                    List<PFloat> vector = new ArrayList<>(width);
                    for (int u = 0; u < width; u++) vector.add(values.get(u).get(k));
                    map[k] = vectors.indexOf(vector);
                }
                coarsens(fine, d, map);
            }
            for (int u = 0; u < width; u++) {
                PFloat[] v = new PFloat[merged.length];
                for (int g = 0; g < v.length; g++) v[g] = vectors.get(g).get(u);
                out.add(simplify(new Scalar(d, v)));
            }
            return out;
        }
        for (int u = 0; u < width; u++) {
            List<Integer> lits = new ArrayList<>();
            List<PFloat> values = new ArrayList<>();
            for (int k = 0; k < selectors.size(); k++) {
                Scalar r = choices.get(k).get(u);
                for (int m = 0; m < r.domain().size(); m++) {
                    int lit = r.domain().size() == 1 ? selectors.get(k) : and(selectors.get(k), r.domain().lits()[m]);
                    if (lit == Literal.FALSE) continue;
                    lits.add(lit);
                    values.add(r.values()[m]);
                }
            }
            out.add(lits.isEmpty() ? constant(prec.zero()) : simplify(new Scalar(domain(lits.stream().mapToInt(Integer::intValue).toArray()), values.toArray(PFloat[]::new))));
        }
        return out;
    }

    /** The columns of a tuple as scalars over its domain. */
    public List<Scalar> columns(Tuple t, int width) {
        List<Scalar> out = new ArrayList<>(width);
        for (int u = 0; u < width; u++) {
            PFloat[] v = new PFloat[t.size()];
            for (int k = 0; k < v.length; k++) v[k] = t.values()[k][u];
            out.add(simplify(new Scalar(t.domain(), v)));
        }
        return out;
    }

    private final Map<List<Integer>, Domain> productsOf = new HashMap<>();

    /**
     * The product of several domains in one AND layer (one AND of k literals per combination);
     * each part is recorded as a coarsening, so scalars over the parts read off it for free.
     */
    private Domain productOf(List<Domain> parts) {
        if (parts.size() == 1) return parts.getFirst();
        List<Integer> key = parts.stream().map(Domain::id).toList();
        Domain known = productsOf.get(key);
        if (known != null) return known;
        long size = 1;
        for (Domain d : parts) size *= d.size();
        if (size > limits.maxDomain()) {
            throw ctx.limitPassed("a tuple of " + parts.size() + " scalars with " + size
                    + " combinations of values exceeds the limit of " + limits.maxDomain());
        }
        // the atoms (domains not made by productOf) under the parts; parts sharing an atom must agree on it
        List<Domain> atoms = new ArrayList<>();
        for (Domain d : parts) for (Domain a : atoms(d).domains()) if (atoms.stream().noneMatch(x -> x.id() == a.id())) atoms.add(a);
        int[][] where = new int[parts.size()][]; // per part, the position of each of its atoms in the list
        int[][][] partIndex = new int[parts.size()][][]; // per part and minterm, the minterm of each of its atoms
        for (int p = 0; p < parts.size(); p++) {
            Atoms ap = atoms(parts.get(p));
            partIndex[p] = ap.index();
            Domain[] pa = ap.domains();
            where[p] = new int[pa.length];
            for (int q = 0; q < pa.length; q++) for (int a = 0; a < atoms.size(); a++) if (atoms.get(a).id() == pa[q].id()) where[p][q] = a;
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
                int lit = and(ops.clone());
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
        if (d.size() > 1) atomsOf.putIfAbsent(d.id(), new Atoms(atoms.toArray(Domain[]::new), atomIndex.toArray(int[][]::new)));
        productsOf.put(key, d);
        return d;
    }

    /** The atoms of a domain made by {@link #productOf}, and per minterm the minterm of each atom. */
    private record Atoms(Domain[] domains, int[][] index) {}

    private final Map<Integer, Atoms> atomsOf = new HashMap<>();

    private Atoms atoms(Domain d) {
        Atoms a = atomsOf.get(d.id());
        if (a != null) return a;
        int[][] index = new int[d.size()][];
        for (int k = 0; k < index.length; k++) index[k] = new int[] {k};
        return new Atoms(new Domain[] {d}, index);
    }

    /** x read on a product p whose atoms include x's atoms (minterms x rules out get any value: they are never true). */
    private Scalar liftByAtoms(Scalar x, Domain p) {
        if (x.domain().size() == 1 || x.domain().id() == p.id()) return x;
        Atoms ax = atoms(x.domain()), ap = atoms(p);
        int[] pos = new int[ax.domains().length];
        int[][] via = new int[pos.length][]; // null: the same atom; else from a finer atom of p to x's atom
        for (int q = 0; q < pos.length; q++) {
            pos[q] = -1;
            for (int a = 0; a < ap.domains().length && pos[q] < 0; a++) if (ap.domains()[a].id() == ax.domains()[q].id()) pos[q] = a;
            for (int a = 0; a < ap.domains().length && pos[q] < 0; a++) {
                via[q] = liftMap(ap.domains()[a], ax.domains()[q]);
                if (via[q] != null) pos[q] = a;
            }
            if (pos[q] < 0) return lift(x, p);
        }
        Map<List<Integer>, Integer> minterm = new HashMap<>();
        for (int k = 0; k < ax.index().length; k++) minterm.put(Arrays.stream(ax.index()[k]).boxed().toList(), k);
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

    private Product product(Domain dx, Domain dy) {
        long key = ((long) dx.id() << 32) | dy.id();
        Product pr = products.get(key);
        if (pr != null) return pr;
        long size = (long) dx.size() * dy.size();
        if (size > limits.maxDomain()) {
            throw ctx.limitPassed("a lookup table over two scalars with " + dx.size() + " x " + dy.size()
                    + " possible values (" + size + " minterms) exceeds the limit of " + limits.maxDomain());
        }
        int[] lits = new int[(int) size], left = new int[(int) size], right = new int[(int) size];
        int n = 0;
        for (int a = 0; a < dx.size(); a++) {
            for (int c = 0; c < dy.size(); c++) {
                int lit = and(dx.lits()[a], dy.lits()[c]);
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

    // ---------------------------------------------------------------- sums

    /** The linear form of an exact grid sum: per domain, the grid integers (in units 2^low) of each minterm. */
    private record LinearForm(int low, List<Domain> domains, List<BigInteger[]> grid) {}

    private LinearForm linearForm(List<Scalar> terms) {
        terms = aligned(terms);
        int low = Integer.MAX_VALUE;
        for (Scalar t : terms) {
            for (PFloat v : t.values()) {
                if (!v.isZero()) low = Math.min(low, v.exponent() + Integer.numberOfTrailingZeros(Math.abs(v.mantissa())));
            }
        }
        if (low == Integer.MAX_VALUE) return null;
        Map<Integer, Integer> index = new LinkedHashMap<>();
        List<Domain> domains = new ArrayList<>();
        List<BigInteger[]> grid = new ArrayList<>();
        BigInteger constant = BigInteger.ZERO;
        for (Scalar t : terms) {
            Domain d = t.domain();
            if (d.size() == 1) {
                constant = constant.add(grid(t.values()[0], low));
                continue;
            }
            Integer at = index.get(d.id());
            if (at == null) {
                at = domains.size();
                index.put(d.id(), at);
                domains.add(d);
                BigInteger[] z = new BigInteger[d.size()];
                Arrays.fill(z, BigInteger.ZERO);
                grid.add(z);
            }
            BigInteger[] z = grid.get(at);
            for (int k = 0; k < z.length; k++) z[k] = z[k].add(grid(t.values()[k], low));
        }
        if (constant.signum() != 0 || domains.isEmpty()) {
            domains.add(constantDomain);
            grid.add(new BigInteger[] {constant});
        }
        return new LinearForm(low, domains, grid);
    }

    private static BigInteger grid(PFloat v, int low) {
        return BigInteger.valueOf(v.mantissa()).shiftLeft(v.exponent() - low);
    }

    /**
     * f_p of the grid sum s·2^low (low ≥ I^min, so the grid integer is z = s·2^(low - I^min),
     * exact): keep the top q - 1 magnitude bits, exponent I^min + the bits dropped, saturate. The
     * same as {@link Precision#round} with denominator 1, without building z (at p = 34 it has
     * 65,000+ bits).
     */
    private PFloat round(BigInteger s, int low) {
        if (s.signum() == 0) return prec.zero();
        BigInteger a = s.abs();
        long k = (long) low - prec.iMin();
        int keep = prec.mantissaBits();
        long length = a.bitLength() + k;
        long m;
        long e;
        if (length <= keep) {
            m = a.shiftLeft((int) k).longValueExact();
            e = prec.iMin();
        } else {
            long t = length - keep;
            m = (t <= k ? a.shiftLeft((int) (k - t)) : a.shiftRight((int) (t - k))).longValueExact();
            e = prec.iMin() + t;
        }
        if (e > prec.iMax()) return s.signum() > 0 ? prec.max() : prec.max().negate();
        return new PFloat(prec.p(), (int) (s.signum() * m), (int) e);
    }

    /** ⊕ of the terms (Def 15). Equal linear forms give the same scalar, so their results stay correlated. */
    public Scalar sum(List<Scalar> terms) {
        LinearForm lf = linearForm(terms);
        if (lf == null) return constant(prec.zero());
        List<Object> key = new ArrayList<>();
        key.add(lf.low());
        for (int g = 0; g < lf.domains().size(); g++) {
            key.add(lf.domains().get(g).id());
            key.add(Arrays.asList(lf.grid().get(g)));
        }
        Scalar known = sums.get(key);
        if (known != null) return known;
        Scalar result = tupleSum(terms, lf);
        if (result == null) result = sum(lf);
        sums.put(key, result);
        return result;
    }

    /**
     * A sum over a few small domains (an affine map or a feed-forward unit inside one position) is
     * computed on their product: one AND per combination, then pointwise, so the result is a
     * function of the combination and stays correlated with every scalar it came from (a node
     * number and the token it was computed on). Null when the product would be too large or the
     * sum has many domains (sums over positions), which take the threshold route.
     */
    private Scalar tupleSum(List<Scalar> terms, LinearForm lf) {
        int big = 0;
        for (Domain d : lf.domains()) if (d.size() > 1) big++;
        if (big < 2) return null;
        // First on the finest structure that fits: products keep their atoms, and coarsenings of
        // one domain (the token flags "is &", "is 1", "is gate") are read on that domain, so
        // combinations no input has (a position that is both & and 1) stay out of the sum.
        Scalar precise = tupleSumOn(aligned(terms.stream().map(t -> atomsOf.containsKey(t.domain().id()) ? t : merge(t)).toList()), true);
        if (precise != null) return precise;
        // Else each term over its distinct values: sums that differ only in constants (the two
        // ramps of a clipped unit) then land on the same product and stay correlated
        return tupleSumOn(aligned(terms.stream().map(this::merge).toList()), false);
    }

    private Scalar tupleSumOn(List<Scalar> ms, boolean unify) {
        List<Domain> atoms = new ArrayList<>();
        for (Scalar t : ms) {
            if (t.domain().size() == 1) continue;
            for (Domain a : atoms(t.domain()).domains()) addAtom(atoms, a, unify);
        }
        long size = 1;
        int largest = 1;
        for (Domain a : atoms) {
            size *= a.size();
            largest = Math.max(largest, a.size());
        }
        // a large domain times a few flags (a pooled mean and the token kind that gates its unit)
        // stays on the product too: one AND per combination, against a threshold sum per unit
        // that would lose the units' correlation (and grow deeper once the mean has many values)
        boolean flagged = size / largest <= MAX_TUPLE_FLAGS && size <= limits.maxDomain();
        if (atoms.size() > MAX_TUPLE_PARTS || size > MAX_TUPLE_SUM && !flagged) return null;
        if (atoms.isEmpty()) return sum(ms);
        if (atoms.size() < 2 && !unify) return sum(ms);
        atoms.sort(java.util.Comparator.comparingInt(Domain::id));
        Domain p = atoms.size() == 1 ? atoms.getFirst() : productOf(atoms);
        List<Scalar> lifted = new ArrayList<>(ms.size());
        for (Scalar t : ms) {
            Scalar l = liftByAtoms(t, p);
            if (l.domain().size() > 1 && l.domain().id() != p.id()) return null;
            lifted.add(l);
        }
        return sum(lifted);
    }

    /**
     * Adds atom a; when unifying, an atom merged from the same domain as one already there is
     * replaced, with it, by their joint coarsening of that domain.
     */
    private void addAtom(List<Domain> atoms, Domain a, boolean unify) {
        if (atoms.stream().anyMatch(x -> x.id() == a.id())) return;
        if (unify) {
            Domain src = mergedFrom.getOrDefault(a.id(), a);
            for (int i = 0; i < atoms.size(); i++) {
                Domain b = atoms.get(i);
                if (mergedFrom.getOrDefault(b.id(), b).id() != src.id()) continue;
                atoms.set(i, joint(src, b, a));
                return;
            }
        }
        atoms.add(a);
    }

    /**
     * The coarsest domain finer than both a and b, two coarsenings of src: src's minterms grouped
     * by the pair (minterm of a, minterm of b), one OR per group (the token flags "is &amp;" and
     * "is 1" jointly: three groups rather than the six tokens).
     */
    private Domain joint(Domain src, Domain a, Domain b) {
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

    /** Limits of {@link #tupleSum}: few domains, few combinations. */
    private static final int MAX_TUPLE_PARTS = 4, MAX_TUPLE_SUM = 2048, MAX_TUPLE_FLAGS = 4;

    private Scalar sum(LinearForm lf) {
        if (lf.domains().size() == 1 || (lf.domains().size() == 2 && lf.domains().get(1).size() == 1)) {
            // one domain (plus a constant): pointwise, no gates
            Domain d = lf.domains().getFirst();
            BigInteger c = lf.domains().size() == 2 ? lf.grid().get(1)[0] : BigInteger.ZERO;
            BigInteger[] z = lf.grid().getFirst();
            PFloat[] v = new PFloat[z.length];
            for (int k = 0; k < z.length; k++) v[k] = round(z[k].add(c), lf.low());
            return simplify(new Scalar(d, v));
        }
        Threshold th = threshold(lf);
        // the possible sums, as runs of equal results
        List<BigInteger> starts = new ArrayList<>();
        List<PFloat> values = new ArrayList<>();
        if (th.sums() != null) {
            for (BigInteger s : th.sums()) {
                PFloat v = round(s.add(th.base()), lf.low());
                if (values.isEmpty() || !values.getLast().equals(v)) {
                    starts.add(s);
                    values.add(v);
                }
            }
        } else {
            // too many possible sums: every result in [0, top], found run by run (f_p is monotone)
            BigInteger s = BigInteger.ZERO;
            while (s != null) {
                PFloat v = round(s.add(th.base()), lf.low());
                starts.add(s);
                values.add(v);
                if (values.size() > limits.maxRuns()) {
                    throw ctx.limitPassed("a sum of " + lf.domains().size() + " independent scalars (with "
                            + lf.domains().stream().map(d -> String.valueOf(d.size())).collect(java.util.stream.Collectors.joining(", "))
                            + " minterms) has more than "
                            + limits.maxSums() + " possible exact values and ranges over more than " + limits.maxRuns()
                            + " p-precision results (value-set analysis cannot narrow it; the lookup tables after it would be too large)");
                }
                s = nextRun(s, th.top, v, th.base(), lf.low());
            }
        }
        if (values.size() == 1) return constant(values.getFirst());
        int runs = values.size();
        long edgesNeeded = Math.min((long) (runs - 1) * th.lits.length,
                (long) th.lits.length * th.top.bitLength() + 2L * runs * th.top.bitLength());
        if (edges() + edgesNeeded > limits.maxEdges()) {
            throw ctx.limitPassed("a sum over " + lf.domains().size() + " scalars with " + runs + " possible results needs about "
                    + edgesNeeded + " threshold-gate edges; the circuit would pass the limit of " + limits.maxEdges() + " edges");
        }
        int[] atLeast = new int[runs + 1];
        atLeast[0] = Literal.TRUE;
        atLeast[runs] = Literal.FALSE;
        int[] tests = th.atLeast(starts.subList(1, runs));
        System.arraycopy(tests, 0, atLeast, 1, runs - 1);
        int[] lits = new int[runs];
        for (int r = 0; r < runs; r++) lits[r] = and(atLeast[r], Literal.not(atLeast[r + 1]));
        return new Scalar(runsDomain(lits, atLeast), values.toArray(PFloat[]::new));
    }

    /** The smallest s' in (s, top] with a result other than v, or null. */
    private BigInteger nextRun(BigInteger s, BigInteger top, PFloat v, BigInteger base, int low) {
        if (round(top.add(base), low).equals(v)) return null;
        BigInteger lo = s, hi = top; // round(lo) = v, round(hi) != v
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (round(mid.add(base), low).equals(v)) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /** [⊕ terms &gt; 0]: f_p keeps the sign, so the exact grid sum decides; no normaliser. */
    public int positive(List<Scalar> terms) {
        LinearForm lf = linearForm(terms);
        if (lf == null) return Literal.FALSE;
        if (lf.domains().size() == 1 || (lf.domains().size() == 2 && lf.domains().get(1).size() == 1)) {
            BigInteger c = lf.domains().size() == 2 ? lf.grid().get(1)[0] : BigInteger.ZERO;
            BigInteger[] z = lf.grid().getFirst();
            boolean[] on = new boolean[z.length];
            for (int k = 0; k < z.length; k++) on[k] = z[k].add(c).signum() > 0;
            return anyOf(lf.domains().getFirst(), on);
        }
        Threshold th = threshold(lf);
        BigInteger t = BigInteger.ONE.subtract(th.base());
        if (th.top.compareTo(t) < 0) return Literal.FALSE;
        if (t.signum() <= 0) return Literal.TRUE;
        return th.atLeast(List.of(th.sums() == null ? t : th.sums().ceiling(t)))[0];
    }

    /**
     * A linear form S = Σ w_r·l_r (w_r ≥ 0, one group of literals per domain, exactly one true per
     * group) with its possible values. Tests [S ≥ t] are one weighted gate each while the weights
     * fit {@link Limits#maxWeightBits}; wider sums (softmax normalisers span 130+ grid bits at
     * p = 16) take the bit route: each group's contribution in binary (one OR per bit), the signed
     * iterated-addition gadget (PAPER.md 5.6(c), block save then carry lookahead) and a comparator
     * with each constant t (PAPER.md 5.4(b)).
     */
    private final class Threshold {
        final BigInteger base, top;
        final TreeSet<BigInteger> sums;
        final int[] lits;
        final BigInteger[] weights;
        final int[] groupOf;

        Threshold(BigInteger base, BigInteger top, TreeSet<BigInteger> sums, int[] lits, BigInteger[] weights, int[] groupOf) {
            this.base = base;
            this.top = top;
            this.sums = sums;
            this.lits = lits;
            this.weights = weights;
            this.groupOf = groupOf;
        }

        BigInteger base() {
            return base;
        }

        TreeSet<BigInteger> sums() {
            return sums;
        }

        /** [S ≥ t] for each t, on the smallest weights that provably give the same tests. */
        int[] atLeast(List<BigInteger> ts) {
            Threshold t = this;
            List<BigInteger> tests = ts;
            BigInteger g = BigInteger.ZERO;
            for (BigInteger w : weights) g = g.gcd(w);
            if (g.compareTo(BigInteger.ONE) > 0) {
                // S = g·S', so S ≥ t exactly when S' ≥ ceil(t / g)
                t = t.scaled(g, 0);
                tests = ceilDivide(tests, g);
            }
            int cut = t.top.bitLength() - limits.maxWeightBits();
            if (cut > 0 && t.lowBitsIrrelevant(tests, cut)) {
                BigInteger unit = BigInteger.ONE.shiftLeft(cut);
                t = t.scaled(unit, cut);
                tests = ceilDivide(tests, unit);
            }
            int[] out = new int[ts.size()];
            List<Integer> open = new ArrayList<>();
            for (int k = 0; k < out.length; k++) {
                BigInteger x = tests.get(k);
                if (x.signum() <= 0) out[k] = Literal.TRUE;
                else if (x.compareTo(t.top) > 0) out[k] = Literal.FALSE;
                else open.add(k);
            }
            int[] built = t.build(open.stream().map(tests::get).toList());
            for (int k = 0; k < built.length; k++) out[open.get(k)] = built[k];
            return out;
        }

        private static List<BigInteger> ceilDivide(List<BigInteger> ts, BigInteger d) {
            return ts.stream().map(x -> {
                BigInteger[] qr = x.divideAndRemainder(d);
                return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
            }).toList();
        }

        /**
         * The same literals with weights floor(w / unit) (literals whose weight drops to 0 are left
         * out). Exact for a common divisor; for unit = 2^cut only after {@link #lowBitsIrrelevant}.
         */
        private Threshold scaled(BigInteger unit, int cut) {
            List<Integer> keep = new ArrayList<>();
            for (int r = 0; r < lits.length; r++) if (weights[r].compareTo(unit) >= 0) keep.add(r);
            int[] l = new int[keep.size()], gr = new int[keep.size()];
            BigInteger[] w = new BigInteger[keep.size()];
            Map<Integer, BigInteger> maxPerGroup = new HashMap<>();
            for (int k = 0; k < w.length; k++) {
                int r = keep.get(k);
                l[k] = lits[r];
                gr[k] = groupOf[r];
                w[k] = weights[r].divide(unit);
                maxPerGroup.merge(gr[k], w[k], BigInteger::max);
            }
            BigInteger t = maxPerGroup.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            return new Threshold(base, t, null, l, w, gr);
        }

        /**
         * True when dropping the low {@code cut} bits of every weight changes none of the tests.
         * Write S = H·2^cut + s with s in [0, T], T the sum over groups of their largest low part;
         * [S ≥ t] equals [H·2^cut ≥ t] unless some achievable H has H·2^cut in [t - T, t - 1]. The
         * achievable H are the sums of one high part per group (enumerated up to the sumset cap).
         * Softmax normalisers need this: exp(40) beside exp(0) spans 100+ grid bits, yet the small
         * terms can never carry into the bits that f_p keeps.
         */
        private boolean lowBitsIrrelevant(List<BigInteger> ts, int cut) {
            Map<Integer, TreeSet<BigInteger>> highs = new LinkedHashMap<>();
            Map<Integer, BigInteger> maxLow = new HashMap<>();
            for (int r = 0; r < lits.length; r++) {
                BigInteger hi = weights[r].shiftRight(cut);
                highs.computeIfAbsent(groupOf[r], k -> new TreeSet<>(List.of(BigInteger.ZERO))).add(hi);
                maxLow.merge(groupOf[r], weights[r].subtract(hi.shiftLeft(cut)), BigInteger::max);
            }
            BigInteger reach = maxLow.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            if (reach.signum() == 0) return true;
            List<BigInteger[]> parts = new ArrayList<>();
            BigInteger highTop = BigInteger.ZERO;
            for (TreeSet<BigInteger> h : highs.values()) {
                if (h.size() == 1) continue;
                parts.add(h.toArray(BigInteger[]::new));
                highTop = highTop.add(h.last());
            }
            TreeSet<BigInteger> achievable = SumSet.of(parts, highTop, limits.maxSums());
            if (achievable == null) return false;
            BigInteger unit = BigInteger.ONE.shiftLeft(cut);
            for (BigInteger t : ts) {
                // the smallest achievable H with H·2^cut >= t - reach must still be >= t
                BigInteger from = t.subtract(reach);
                BigInteger lowH = from.signum() <= 0 ? BigInteger.ZERO : from.add(unit).subtract(BigInteger.ONE).shiftRight(cut);
                BigInteger h = achievable.ceiling(lowH);
                if (h != null && h.shiftLeft(cut).compareTo(t) < 0) return false;
            }
            return true;
        }

        /**
         * One weighted gate per test when every group contributes one literal and the weights fit
         * (a count-like sum: at most n + 1 results, |tests|·fan-in = O(n^2) edges); the binary route
         * otherwise. The route is chosen by the shape of the sum, not by its size, so that it does
         * not change with n.
         */
        private int[] build(List<BigInteger> ts) {
            int[] out = new int[ts.size()];
            if (out.length == 0) return out;
            boolean countLike = true;
            for (int r = 1; r < groupOf.length; r++) countLike &= groupOf[r] != groupOf[r - 1];
            if (top.bitLength() <= limits.maxWeightBits() && countLike) {
                long[] w = Arrays.stream(weights).mapToLong(BigInteger::longValueExact).toArray();
                for (int k = 0; k < out.length; k++) out[k] = weighted(w, lits, ts.get(k).longValueExact());
                return out;
            }
            return wide(ts);
        }

        private int[] wide(List<BigInteger> ts) {
            int width = top.bitLength();
            if (width > limits.maxWideBits()) {
                throw ctx.limitPassed("a sum spans " + width + " bits of the grid, more than the limit of "
                        + limits.maxWideBits() + " for the iterated-addition route");
            }
            int groups = Arrays.stream(groupOf).max().orElse(-1) + 1;
            // each group's number in binary, in the main builder (one OR per bit)
            List<int[]> numbers = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int[] bits = new int[width];
                for (int i = 0; i < width; i++) {
                    List<Integer> on = new ArrayList<>();
                    for (int r = 0; r < lits.length; r++) if (groupOf[r] == g && weights[r].testBit(i)) on.add(lits[r]);
                    bits[i] = or(on.stream().mapToInt(Integer::intValue).toArray());
                }
                numbers.add(bits);
            }
            // the adder and comparators in a sub-circuit over the non-constant bits, then embedded
            CircuitBuilder sb = new CircuitBuilder();
            List<Integer> outer = new ArrayList<>();
            Map<Integer, Integer> inner = new HashMap<>();
            for (int[] bits : numbers) for (int lit : bits) {
                if (Literal.isConstant(lit)) continue;
                int pos = Literal.positive(lit);
                if (!inner.containsKey(pos)) {
                    inner.put(pos, sb.input(null));
                    outer.add(pos);
                }
            }
            int[][] nums = new int[numbers.size()][];
            for (int g = 0; g < nums.length; g++) {
                nums[g] = new int[width];
                for (int i = 0; i < width; i++) {
                    int lit = numbers.get(g)[i];
                    nums[g][i] = Literal.isConstant(lit) ? lit : inner.get(Literal.positive(lit)) ^ (lit & 1);
                }
            }
            int sumWidth = width + 1;
            // up to 62 bits: block save then a weighted adder (depth 4) and one-gate comparators;
            // wider: block save then carry lookahead (depth 7) and unit-weight comparators (depth 3)
            boolean narrow = sumWidth <= 62;
            int[] sum = (narrow ? IteratedAddition.Method.BLOCK_SAVE_WEIGHTED : IteratedAddition.Method.BLOCK_SAVE).sum(sb, nums, sumWidth);
            for (BigInteger t : ts) {
                int[] c = new int[sumWidth];
                for (int i = 0; i < sumWidth; i++) c[i] = t.testBit(i) ? Literal.TRUE : Literal.FALSE;
                sb.output(null, Comparison.atLeast(sb, sum, c, narrow ? Weights.LARGE : Weights.UNIT));
            }
            Circuit sub = sb.build();
            int[] outerLits = outer.stream().mapToInt(Integer::intValue).toArray();
            return ctx.embed(sub, outerLits);
        }
    }

    private Threshold threshold(LinearForm lf) {
        BigInteger base = BigInteger.ZERO, top = BigInteger.ZERO;
        List<BigInteger[]> terms = new ArrayList<>();
        List<Integer> lits = new ArrayList<>(), groupOf = new ArrayList<>();
        List<BigInteger> weights = new ArrayList<>();
        int groups = 0;
        for (int g = 0; g < lf.domains().size(); g++) {
            BigInteger[] z = lf.grid().get(g);
            BigInteger min = Arrays.stream(z).min(BigInteger::compareTo).orElseThrow();
            BigInteger max = Arrays.stream(z).max(BigInteger::compareTo).orElseThrow();
            base = base.add(min);
            top = top.add(max.subtract(min));
            TreeSet<BigInteger> distinct = new TreeSet<>();
            for (int k = 0; k < z.length; k++) {
                BigInteger w = z[k].subtract(min);
                distinct.add(w);
                if (w.signum() != 0) {
                    lits.add(lf.domains().get(g).lits()[k]);
                    weights.add(w);
                    groupOf.add(groups);
                }
            }
            if (distinct.size() > 1) {
                groups++;
                terms.add(distinct.toArray(BigInteger[]::new));
            }
        }
        return new Threshold(base, top, SumSet.of(terms, top, limits.maxSums()), lits.stream().mapToInt(Integer::intValue).toArray(), weights.toArray(BigInteger[]::new),
                groupOf.stream().mapToInt(Integer::intValue).toArray());
    }

    // ---------------------------------------------------------------- comparisons

    /**
     * OR of the minterms k of d with on[k]: TRUE when all are on; on a domain of runs, when the
     * on-set is an interval of runs, one AND of two cuts (or a cut itself).
     */
    int anyOf(Domain d, boolean[] on) {
        OnSet set = OnSet.of(on);
        if (set.count() == 0) return Literal.FALSE;
        if (set.count() == on.length) return Literal.TRUE;
        if (set.isInterval(d)) {
            int lo = d.cuts()[set.first()], hi = Literal.not(d.cuts()[set.last() + 1]);
            return lo == Literal.TRUE ? hi : hi == Literal.TRUE ? lo : and(lo, hi);
        }
        // the minterms are exclusive and, on every valid input, exhaustive: the smaller side serves
        boolean flip = 2 * set.count() > on.length;
        int[] lits = new int[flip ? on.length - set.count() : set.count()];
        int i = 0;
        for (int k = 0; k < on.length; k++) if (on[k] != flip) lits[i++] = d.lits()[k];
        int any = lits.length == 1 ? lits[0] : or(lits);
        return flip ? Literal.not(any) : any;
    }

    /**
     * What {@link #anyOf(Domain, boolean[])} builds for this on-set, before building it: its
     * operand edges and the level of its literal (-1 for a constant).
     */
    long[] anyOfPlan(Domain d, boolean[] on) {
        OnSet set = OnSet.of(on);
        if (set.count() == 0 || set.count() == on.length) return new long[] {0, -1};
        if (set.isInterval(d)) {
            int lo = d.cuts()[set.first()], hi = d.cuts()[set.last() + 1];
            if (lo == Literal.TRUE) return new long[] {0, level(hi)};
            if (hi == Literal.FALSE) return new long[] {0, level(lo)};
            return new long[] {2, 1 + Math.max(level(lo), level(hi))};
        }
        boolean flip = 2 * set.count() > on.length;
        int level = 0, side = 0;
        for (int k = 0; k < on.length; k++) {
            if (on[k] == flip) continue;
            level = Math.max(level, level(d.lits()[k]));
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
            return d.cuts() != null && last - first + 1 == count;
        }
    }

    /** [x ≥ v] (or [x &gt; v] when strict) for a constant v: one OR of minterms. */
    public int compareConstant(Scalar x, PFloat v, boolean strict) {
        boolean[] on = new boolean[x.values().length];
        for (int k = 0; k < on.length; k++) {
            int c = x.values()[k].compareTo(v);
            on[k] = strict ? c > 0 : c >= 0;
        }
        return anyOf(x.domain(), on);
    }

    /** [x &gt; y] (or [x ≥ y] when not strict): OR over x's minterms of AND(minterm, ¬[y ≥ value] or ¬[y &gt; value]). */
    public int compare(Scalar x, Scalar y, boolean strict) {
        if (x.domain().id() != y.domain().id() && x.domain().size() > 1 && y.domain().size() > 1) {
            y = lift(y, x.domain());
            x = lift(x, y.domain());
        }
        if (x.domain().id() == y.domain().id() || x.domain().size() == 1 && y.domain().size() == 1) {
            List<Integer> on = new ArrayList<>();
            for (int k = 0; k < x.values().length; k++) {
                int c = x.values()[k].compareTo(valueAt(y, k));
                if (strict ? c > 0 : c >= 0) on.add(x.domain().lits()[k]);
            }
            return on.size() == x.values().length ? Literal.TRUE : or(on.stream().mapToInt(Integer::intValue).toArray());
        }
        x = merge(x);
        y = merge(y);
        List<Integer> on = new ArrayList<>();
        for (int k = 0; k < x.values().length; k++) {
            int yAbove = compareConstant(y, x.values()[k], !strict); // strict: need ¬[y ≥ v]; else ¬[y > v]
            on.add(and(x.domain().lits()[k], Literal.not(yAbove)));
        }
        return or(on.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Saturated attention's weights s_j = [σ_j is maximal in its row] as 0/1 scalars. When every
     * score of the row is a function of one domain (the query's minterms, with keys that are
     * constants, as when a head looks a value up in the position table), the row maximum is known
     * on each minterm, so the weights, and everything summed from them, are value tables on that
     * domain: no gates, and ties are counted exactly. Otherwise {@link #isMax}.
     */
    public List<Scalar> saturate(List<Scalar> row) {
        Domain d = sharedDomain(row);
        if (d == null) return Arrays.stream(isMax(row)).mapToObj(this::indicator).toList();
        PFloat[][] weights = new PFloat[row.size()][d.size()];
        for (int k = 0; k < d.size(); k++) {
            PFloat max = null;
            for (Scalar x : row) {
                PFloat v = valueAt(x, k);
                if (max == null || v.compareTo(max) > 0) max = v;
            }
            for (int j = 0; j < row.size(); j++) weights[j][k] = valueAt(row.get(j), k).compareTo(max) == 0 ? prec.one() : prec.zero();
        }
        List<Scalar> out = new ArrayList<>(row.size());
        for (PFloat[] w : weights) out.add(simplify(new Scalar(d, w)));
        return out;
    }

    /**
     * Saturated attention: s_j = [σ_j equals the row maximum] for one row, as literals:
     * s_j = OR over σ_j's merged minterms k of AND(minterm_k, ¬G(value_k)), with
     * G(v) = [some σ &gt; v] from {@link #greater} (depth 4).
     */
    public int[] isMax(List<Scalar> row) {
        List<Object> key = new ArrayList<>();
        for (Scalar x : row) key.add(List.of(x.domain().id(), Arrays.asList(x.values())));
        return maxima.computeIfAbsent(key, k -> buildIsMax(row)).clone();
    }

    private final Map<List<Object>, int[]> maxima = new HashMap<>();

    private int[] buildIsMax(List<Scalar> row) {
        List<Scalar> m = row.stream().map(this::merge).toList();
        Map<PFloat, Integer> above = greater(m, byValue(m), true);
        int[] s = new int[m.size()];
        for (int j = 0; j < s.length; j++) {
            Scalar x = m.get(j);
            int[] terms = new int[x.values().length];
            for (int k = 0; k < terms.length; k++) terms[k] = and(x.domain().lits()[k], Literal.not(above.get(x.values()[k])));
            s[j] = terms.length == 1 ? terms[0] : or(terms);
        }
        return s;
    }

    /** The merged candidates' minterms by value: w -> [y_c = w] for every candidate c that takes w. */
    private static TreeMap<PFloat, List<Integer>> byValue(List<Scalar> m) {
        TreeMap<PFloat, List<Integer>> equal = new TreeMap<>();
        for (Scalar x : m) {
            for (int k = 0; k < x.values().length; k++) {
                equal.computeIfAbsent(x.values()[k], w -> new ArrayList<>()).add(mintermAt(x, k));
            }
        }
        return equal;
    }

    /**
     * G(v) = [some candidate &gt; v] for every value v of the merged candidates, two ways.
     * E route: OR_(w &gt; v) E(w) with E(w) = OR_c [y_c = w] shared by all v (Σ|y_c| + V²/2 edges
     * when the candidates range over the same V values). Candidate route: OR_c [y_c &gt; v], each
     * one OR of y_c's minterms, or a constant when v is outside y_c's range, or two cuts on a
     * domain of runs (cheap when the candidates lie in separate ranges, or are sums). Building
     * every G(v) the candidate way read cvp's keys' minterms again for every v (7.6 M edges in its
     * pointer head at n = 20, where keys hold up to 2n values each).
     *
     * <p>Each G(v) takes the candidate route where that has fewer edges; with {@code keepLevels}
     * only where it also has the level the E route would give it, so that the circuit's depth is
     * the E route's, the same for every n. Choosing by edges alone, cvp's depth went 72, 72, 72, 71
     * for n = 12..24 as its row maxima moved from one route to the other; an arg-max at the output
     * (reverse: 8.0 M edges by the E route, 4.8 M mixed) can choose freely.
     */
    private Map<PFloat, Integer> greater(List<Scalar> m, TreeMap<PFloat, List<Integer>> equal, boolean keepLevels) {
        Map<PFloat, Integer> exists = new HashMap<>(); // E(w), built when some G(v) uses it
        Map<PFloat, Integer> above = new HashMap<>();
        int higher = 0;      // operands of G(v) on the E route: the values above v
        int topLevel = 0;    // the largest level of E(w) over those values
        boolean constantAbove = false;
        for (PFloat v : equal.descendingKeySet()) {
            int g;
            long[] candidates = candidatePlan(m, v);
            int eLevel = constantAbove || higher == 0 ? 0 : higher == 1 ? topLevel : topLevel + 1;
            if (candidates[0] < higher && (!keepLevels || candidates[1] == eLevel)) {
                int[] lits = new int[m.size()];
                for (int o = 0; o < lits.length; o++) lits[o] = compareConstant(m.get(o), v, true);
                g = or(lits);
            } else {
                List<Integer> lits = new ArrayList<>();
                for (PFloat w : equal.tailMap(v, false).keySet()) {
                    lits.add(exists.computeIfAbsent(w, u -> anyOf(equal.get(u).stream().mapToInt(Integer::intValue).toArray())));
                }
                g = lits.contains(Literal.TRUE) ? Literal.TRUE : or(lits.stream().mapToInt(Integer::intValue).toArray());
            }
            above.put(v, g);
            // E(v) joins the values above the next v: its level as anyOf will build it
            List<Integer> lits = equal.get(v);
            if (lits.contains(Literal.TRUE)) constantAbove = true;
            int level = 0;
            for (int lit : lits) level = Math.max(level, level(lit));
            topLevel = Math.max(topLevel, lits.size() == 1 ? level : level + 1);
            higher++;
        }
        return above;
    }

    /** Edges and level of the candidate route's G(v) = OR_c [y_c &gt; v], before building it. */
    private long[] candidatePlan(List<Scalar> m, PFloat v) {
        long edges = 0;
        int level = 0, live = 0;
        for (Scalar y : m) {
            boolean[] on = new boolean[y.values().length];
            for (int k = 0; k < on.length; k++) on[k] = y.values()[k].compareTo(v) > 0;
            long[] plan = anyOfPlan(y.domain(), on);
            if (plan[1] < 0) continue; // a constant
            edges += plan[0] + 1;
            level = (int) Math.max(level, plan[1]);
            live++;
        }
        return new long[] {edges, live == 0 ? 0 : live == 1 ? level : level + 1};
    }

    /**
     * The scalar without its zero entries, for a value known to be nonzero on every input (the
     * normaliser of saturated attention: some score of a row is its maximum, so Z ≥ 1). The
     * remaining minterms are still exclusive and, on every real input, exhaustive.
     */
    public Scalar assumeNonZero(Scalar x) {
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < x.values().length; k++) if (!x.values()[k].isZero()) keep.add(k);
        if (keep.size() == x.values().length) return x;
        if (keep.isEmpty()) throw new IllegalStateException(ctx.currentComponent() + ": a value assumed nonzero is always zero");
        if (keep.size() == 1) return constant(x.values()[keep.getFirst()]);
        return new Scalar(domain(keep.stream().mapToInt(k -> x.domain().lits()[k]).toArray()),
                keep.stream().map(k -> x.values()[k]).toArray(PFloat[]::new));
    }

    /** The 0/1 scalar of a literal. */
    public Scalar indicator(int lit) {
        if (lit == Literal.TRUE) return constant(prec.one());
        if (lit == Literal.FALSE) return constant(prec.zero());
        return new Scalar(domain(new int[] {Literal.not(lit), lit}), new PFloat[] {prec.zero(), prec.one()});
    }

    /** Arg-max with ties to the lowest index, one-hot: win_c = OR of {@link #argmaxTerms}(ys)[c]. */
    public int[] argmax(List<Scalar> ys) {
        int[][] terms = argmaxTerms(ys);
        int[] win = new int[terms.length];
        for (int c = 0; c < win.length; c++) win[c] = terms[c].length == 1 ? terms[c][0] : or(terms[c]);
        return win;
    }

    /**
     * Arg-max with ties to the lowest index, as exclusive terms per candidate: c wins on an input
     * exactly when one of its terms is true, and at most one term of all candidates is. With the
     * candidates merged (one minterm per value), c's term for its value v is AND([y_c = v], ¬G(v),
     * ¬[y_c' = v] for the c' &lt; c that can take v), with G(v) = [some candidate &gt; v] from
     * {@link #greater}: depth 3 from the merged values. Comparing every pair instead,
     * [y_c &gt; y_c'] = OR_v AND([y_c = v], ¬[y_c' ≥ v]), costs Σ_(c, c') |y_c|·|y_c'|: 9.8 M of
     * sort_unique's 14.6 M edges at n = 32. Shared-domain candidates: {@link #argmaxBits}.
     */
    public int[][] argmaxTerms(List<Scalar> ys) {
        int[][] table = argmaxTable(ys);
        if (table != null) return table;
        List<Scalar> m = ys.stream().map(this::merge).toList();
        List<Map<PFloat, Integer>> at = new ArrayList<>(); // per candidate: value -> its minterm
        for (Scalar x : m) {
            Map<PFloat, Integer> own = new HashMap<>();
            for (int k = 0; k < x.values().length; k++) own.put(x.values()[k], mintermAt(x, k));
            at.add(own);
        }
        Map<PFloat, Integer> above = greater(m, byValue(m), false);
        int[][] terms = new int[m.size()][];
        for (int c = 0; c < m.size(); c++) {
            Scalar x = m.get(c);
            terms[c] = new int[x.values().length];
            for (int k = 0; k < x.values().length; k++) {
                PFloat v = x.values()[k];
                List<Integer> conds = new ArrayList<>();
                conds.add(at.get(c).get(v));
                conds.add(Literal.not(above.get(v)));
                for (int o = 0; o < c; o++) {
                    Integer tie = at.get(o).get(v);
                    if (tie != null) conds.add(Literal.not(tie));
                }
                terms[c][k] = and(conds.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return terms;
    }

    /**
     * The index of the arg-max (ties to the lowest), as little-endian bits. Bit k is the OR of
     * the {@link #argmaxTerms} of the candidates whose index has bit k; when the candidates share
     * one domain, it is one OR of the minterms where such a candidate wins (depth 1).
     */
    public int[] argmaxBits(List<Scalar> ys) {
        int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(ys.size() - 1));
        int[] bits = new int[width];
        Domain d = sharedDomain(ys);
        if (d != null) {
            int[] winner = winners(ys, d);
            for (int k = 0; k < width; k++) {
                boolean[] on = new boolean[winner.length];
                for (int m = 0; m < on.length; m++) on[m] = ((winner[m] >>> k) & 1) != 0;
                bits[k] = anyOf(d, on);
            }
            return bits;
        }
        int[][] terms = argmaxTerms(ys);
        for (int k = 0; k < width; k++) {
            List<Integer> on = new ArrayList<>();
            for (int c = 0; c < terms.length; c++) if (((c >>> k) & 1) != 0) for (int t : terms[c]) on.add(t);
            bits[k] = or(on.stream().mapToInt(Integer::intValue).toArray());
        }
        return bits;
    }

    /** The one domain of the non-constant scalars (the constant domain when there are none), or null when they have several. */
    private Domain sharedDomain(List<Scalar> ys) {
        Domain shared = null;
        for (Scalar y : ys) {
            if (y.domain().size() == 1) continue;
            if (shared != null && shared.id() != y.domain().id()) return null;
            shared = y.domain();
        }
        return shared == null ? constantDomain : shared;
    }

    /** For candidates on one domain d ({@link #sharedDomain}): the winner on each of its minterms. */
    private static int[] winners(List<Scalar> ys, Domain d) {
        int[] winner = new int[d.size()];
        for (int k = 0; k < winner.length; k++) {
            for (int c = 1; c < ys.size(); c++) if (valueAt(ys.get(c), k).compareTo(valueAt(ys.get(winner[k]), k)) > 0) winner[k] = c;
        }
        return winner;
    }

    /** When the candidates share one domain, c's term is one OR of the minterms it wins. Else null. */
    private int[][] argmaxTable(List<Scalar> ys) {
        Domain d = sharedDomain(ys);
        if (d == null) return null;
        int[] winner = winners(ys, d);
        int[][] terms = new int[ys.size()][1];
        for (int c = 0; c < terms.length; c++) {
            boolean[] on = new boolean[winner.length];
            for (int m = 0; m < on.length; m++) on[m] = winner[m] == c;
            terms[c][0] = anyOf(d, on);
        }
        return terms;
    }

    /** x's value on minterm k of a domain x is a function of (x itself, or a constant). */
    private static PFloat valueAt(Scalar x, int k) {
        return x.values()[x.domain().size() == 1 ? 0 : k];
    }

    /** The literal of x's minterm k: TRUE for a constant. */
    private static int mintermAt(Scalar x, int k) {
        return x.domain().size() == 1 ? Literal.TRUE : x.domain().lits()[k];
    }

    /** The p-bit bus: bit i is bit i (little-endian) of the code {@link PFloat#bits()}. One OR per bit ({@link #anyOf(Domain, boolean[])}). */
    public int[] bits(Scalar x) {
        int[] out = new int[prec.p()];
        for (int i = 0; i < out.length; i++) {
            boolean[] on = new boolean[x.values().length];
            for (int k = 0; k < on.length; k++) on[k] = ((x.values()[k].bits() >>> i) & 1) != 0;
            out[i] = anyOf(x.domain(), on);
        }
        return out;
    }

    /** OR of the literals (a one-hot choice's bit), tracked for levels. */
    public int anyOf(int... lits) {
        return or(lits);
    }

    public int allOf(int... lits) {
        return lits.length == 0 ? Literal.TRUE : and(lits);
    }
}
