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
    private final Domains domains;
    private final Sums sums;

    public ScalarLowering(CircuitBuilder b, Precision prec, Limits limits) {
        this.ctx = new LoweringContext(b, prec, limits);
        this.b = b;
        this.prec = prec;
        this.limits = limits;
        this.domains = new Domains(ctx);
        this.sums = new Sums(ctx, domains);
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

    // ---------------------------------------------------------------- scalars

    public Scalar constant(PFloat v) {
        return domains.constant(v);
    }

    /** The scalar over its distinct values: one OR per value (memoised, so identity is kept). */
    public Scalar merge(Scalar x) {
        return domains.merge(x);
    }

    /** A domain of literals the caller guarantees exclusive and exhaustive (e.g. one-hot inputs). */
    public Domain domainOf(int[] lits) {
        return domains.domain(lits);
    }

    /** A scalar given by its value on each minterm of a domain. */
    public Scalar of(Domain d, PFloat[] values) {
        return domains.simplify(new Scalar(d, values));
    }

    /** Any function of one scalar: a new value table on the same minterms, no gates. */
    public Scalar map(Scalar x, UnaryOperator<PFloat> f) {
        PFloat[] v = new PFloat[x.values().length];
        Map<PFloat, PFloat> memo = new HashMap<>();
        for (int k = 0; k < v.length; k++) v[k] = memo.computeIfAbsent(x.values()[k], f);
        return domains.simplify(new Scalar(x.domain(), v));
    }

    /** A function of two scalars: pointwise on a shared domain, else Lemma 1 over pairs of minterms. */
    public Scalar combine(Scalar x, Scalar y, BinaryOperator<PFloat> f) {
        if (x.domain().id() != y.domain().id() && x.domain().size() > 1 && y.domain().size() > 1) {
            y = domains.lift(y, x.domain());
            x = domains.lift(x, y.domain());
        }
        if (x.domain().id() != y.domain().id() && x.domain().size() > 1 && y.domain().size() > 1) {
            x = domains.merge(x);
            y = domains.merge(y);
        }
        Domain dx = x.domain(), dy = y.domain();
        Map<List<PFloat>, PFloat> memo = new HashMap<>();
        BinaryOperator<PFloat> g = (a, c) -> memo.computeIfAbsent(List.of(a, c), k -> f.apply(a, c));
        if (dx.id() == dy.id() || dx.size() == 1 || dy.size() == 1) {
            Domain d = dx.size() == 1 ? dy : dx;
            PFloat[] v = new PFloat[d.size()];
            for (int k = 0; k < v.length; k++) v[k] = g.apply(x.values()[dx.size() == 1 ? 0 : k], y.values()[dy.size() == 1 ? 0 : k]);
            return domains.simplify(new Scalar(d, v));
        }
        Domains.Product pr = domains.product(dx, dy);
        PFloat[] v = new PFloat[pr.domain().size()];
        for (int k = 0; k < v.length; k++) v[k] = g.apply(x.values()[pr.left()[k]], y.values()[pr.right()[k]]);
        return domains.simplify(new Scalar(pr.domain(), v));
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
        List<Scalar> ms = domains.aligned(domains.aligned(xs).stream().map(domains::merge).toList());
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
                values[k][c] = x.domain().size() == 1 ? x.values()[0] : domains.lift(x, d).values()[k];
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
                for (int u = 0; u < width; u++) out.add(domains.constant(prec.zero()));
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
            Domain d = domains.domain(merged);
            if (merged.length < lits.size() && lits.size() > 1) {
                // the choices' minterms (often the query's own domain) are finer: record it, to keep correlation
                Domain fine = domains.domain(lits.stream().mapToInt(Integer::intValue).toArray());
                int[] map = new int[lits.size()];
                for (int k = 0; k < map.length; k++) {
                    List<PFloat> vector = new ArrayList<>(width);
                    for (int u = 0; u < width; u++) vector.add(values.get(u).get(k));
                    map[k] = vectors.indexOf(vector);
                }
                domains.coarsens(fine, d, map);
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
                    int lit = r.domain().size() == 1 ? selectors.get(k) : and(selectors.get(k), r.domain().lits()[m]);
                    if (lit == Literal.FALSE) continue;
                    lits.add(lit);
                    values.add(r.values()[m]);
                }
            }
            out.add(lits.isEmpty() ? domains.constant(prec.zero()) : domains.simplify(new Scalar(domains.domain(lits.stream().mapToInt(Integer::intValue).toArray()), values.toArray(PFloat[]::new))));
        }
        return out;
    }

    /** The columns of a tuple as scalars over its domain. */
    public List<Scalar> columns(Tuple t, int width) {
        List<Scalar> out = new ArrayList<>(width);
        for (int u = 0; u < width; u++) {
            PFloat[] v = new PFloat[t.size()];
            for (int k = 0; k < v.length; k++) v[k] = t.values()[k][u];
            out.add(domains.simplify(new Scalar(t.domain(), v)));
        }
        return out;
    }

    // ---------------------------------------------------------------- sums

    /** ⊕ of the terms (Def 15). Equal linear forms give the same scalar, so their results stay correlated. */
    public Scalar sum(List<Scalar> terms) {
        return sums.sum(terms);
    }

    /** [⊕ terms &gt; 0]: f_p keeps the sign, so the exact grid sum decides; no normaliser. */
    public int positive(List<Scalar> terms) {
        return sums.positive(terms);
    }

    // ---------------------------------------------------------------- comparisons

    /** [x ≥ v] (or [x &gt; v] when strict) for a constant v: one OR of minterms. */
    public int compareConstant(Scalar x, PFloat v, boolean strict) {
        boolean[] on = new boolean[x.values().length];
        for (int k = 0; k < on.length; k++) {
            int c = x.values()[k].compareTo(v);
            on[k] = strict ? c > 0 : c >= 0;
        }
        return domains.anyOf(x.domain(), on);
    }

    /** [x &gt; y] (or [x ≥ y] when not strict): OR over x's minterms of AND(minterm, ¬[y ≥ value] or ¬[y &gt; value]). */
    public int compare(Scalar x, Scalar y, boolean strict) {
        if (x.domain().id() != y.domain().id() && x.domain().size() > 1 && y.domain().size() > 1) {
            y = domains.lift(y, x.domain());
            x = domains.lift(x, y.domain());
        }
        if (x.domain().id() == y.domain().id() || x.domain().size() == 1 && y.domain().size() == 1) {
            List<Integer> on = new ArrayList<>();
            for (int k = 0; k < x.values().length; k++) {
                int c = x.values()[k].compareTo(valueAt(y, k));
                if (strict ? c > 0 : c >= 0) on.add(x.domain().lits()[k]);
            }
            return on.size() == x.values().length ? Literal.TRUE : or(on.stream().mapToInt(Integer::intValue).toArray());
        }
        x = domains.merge(x);
        y = domains.merge(y);
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
        for (PFloat[] w : weights) out.add(domains.simplify(new Scalar(d, w)));
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
        List<Scalar> m = row.stream().map(domains::merge).toList();
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
            long[] plan = domains.anyOfPlan(y.domain(), on);
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
        if (keep.size() == 1) return domains.constant(x.values()[keep.getFirst()]);
        return new Scalar(domains.domain(keep.stream().mapToInt(k -> x.domain().lits()[k]).toArray()),
                keep.stream().map(k -> x.values()[k]).toArray(PFloat[]::new));
    }

    /** The 0/1 scalar of a literal. */
    public Scalar indicator(int lit) {
        if (lit == Literal.TRUE) return domains.constant(prec.one());
        if (lit == Literal.FALSE) return domains.constant(prec.zero());
        return new Scalar(domains.domain(new int[] {Literal.not(lit), lit}), new PFloat[] {prec.zero(), prec.one()});
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
        List<Scalar> m = ys.stream().map(domains::merge).toList();
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
                bits[k] = domains.anyOf(d, on);
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
        return shared == null ? domains.constantDomain() : shared;
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
            terms[c][0] = domains.anyOf(d, on);
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

    /** The p-bit bus: bit i is bit i (little-endian) of the code {@link PFloat#bits()}. One OR per bit ({@link Domains#anyOf(Domain, boolean[])}). */
    public int[] bits(Scalar x) {
        int[] out = new int[prec.p()];
        for (int i = 0; i < out.length; i++) {
            boolean[] on = new boolean[x.values().length];
            for (int k = 0; k < on.length; k++) on[k] = ((x.values()[k].bits() >>> i) & 1) != 0;
            out[i] = domains.anyOf(x.domain(), on);
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
