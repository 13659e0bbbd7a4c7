package dev.tc0.compile.lowering;

import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Comparisons of scalars and what attention builds from them: [x ≥ v], [x &gt; y], the row
 * maxima of saturated attention ({@link #saturate}, {@link #isMax}), arg-max as one-hot terms or
 * as index bits, and the p-bit bus of a scalar. Each is ORs and ANDs of minterms, of constant
 * depth.
 */
final class Comparisons {

    private final LoweringContext ctx;
    private final Precision prec;
    private final Domains domains;
    /** {@link #isMax} by row (each scalar's domain and values): an equal row gets the same literals. */
    private final Map<List<Object>, int[]> maxima = new HashMap<>();

    Comparisons(LoweringContext ctx, Domains domains) {
        this.ctx = ctx;
        this.prec = ctx.precision();
        this.domains = domains;
    }

    /** [x ≥ v] (or [x &gt; v] when strict) for a constant v: one OR of minterms. */
    int compareConstant(Scalar x, PFloat v, boolean strict) {
        boolean[] on = new boolean[x.values().length];
        for (int k = 0; k < on.length; k++) {
            int c = x.values()[k].compareTo(v);
            on[k] = strict ? c > 0 : c >= 0;
        }
        return domains.anyOf(x.domain(), on);
    }

    /** [x &gt; y] (or [x ≥ y] when not strict): OR over x's minterms of AND(minterm, ¬[y ≥ value] or ¬[y &gt; value]). */
    int compare(Scalar x, Scalar y, boolean strict) {
        if (x.domain().id() != y.domain().id()
                && x.domain().size() > 1
                && y.domain().size() > 1) {
            y = domains.lift(y, x.domain());
            x = domains.lift(x, y.domain());
        }
        if (x.domain().id() == y.domain().id()
                || x.domain().size() == 1 && y.domain().size() == 1) {
            List<Integer> on = new ArrayList<>();
            for (int k = 0; k < x.values().length; k++) {
                int c = x.values()[k].compareTo(valueAt(y, k));
                if (strict ? c > 0 : c >= 0) on.add(x.domain().lits()[k]);
            }
            return on.size() == x.values().length
                    ? Literal.TRUE
                    : ctx.or(on.stream().mapToInt(Integer::intValue).toArray());
        }
        x = domains.merge(x);
        y = domains.merge(y);
        List<Integer> on = new ArrayList<>();
        for (int k = 0; k < x.values().length; k++) {
            int yAbove = compareConstant(y, x.values()[k], !strict); // strict: need ¬[y ≥ v]; else ¬[y > v]
            on.add(ctx.and(x.domain().lits()[k], Literal.not(yAbove)));
        }
        return ctx.or(on.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Saturated attention's weights s_j = [σ_j is maximal in its row] as 0/1 scalars. When every
     * score of the row is a function of one domain (the query's minterms, with keys that are
     * constants, as when a head looks a value up in the position table), the row maximum is known
     * on each minterm, so the weights, and everything summed from them, are value tables on that
     * domain: no gates, and ties are counted exactly. Otherwise {@link #isMax}.
     */
    List<Scalar> saturate(List<Scalar> row) {
        Domain d = sharedDomain(row);
        if (d == null)
            return Arrays.stream(isMax(row)).mapToObj(domains::indicator).toList();
        PFloat[][] weights = new PFloat[row.size()][d.size()];
        for (int k = 0; k < d.size(); k++) {
            PFloat max = null;
            for (Scalar x : row) {
                PFloat v = valueAt(x, k);
                if (max == null || v.compareTo(max) > 0) max = v;
            }
            for (int j = 0; j < row.size(); j++)
                weights[j][k] = valueAt(row.get(j), k).compareTo(max) == 0 ? prec.one() : prec.zero();
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
    int[] isMax(List<Scalar> row) {
        List<Object> key = new ArrayList<>();
        for (Scalar x : row) key.add(List.of(x.domain().id(), Arrays.asList(x.values())));
        return maxima.computeIfAbsent(key, k -> buildIsMax(row)).clone();
    }

    private int[] buildIsMax(List<Scalar> row) {
        List<Scalar> m = row.stream().map(domains::merge).toList();
        Map<PFloat, Integer> above = greater(m, byValue(m), true);
        int[] s = new int[m.size()];
        for (int j = 0; j < s.length; j++) {
            Scalar x = m.get(j);
            int[] terms = new int[x.values().length];
            for (int k = 0; k < terms.length; k++)
                terms[k] = ctx.and(x.domain().lits()[k], Literal.not(above.get(x.values()[k])));
            s[j] = terms.length == 1 ? terms[0] : ctx.or(terms);
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
        int higher = 0; // operands of G(v) on the E route: the values above v
        int topLevel = 0; // the largest level of E(w) over those values
        boolean constantAbove = false;
        for (PFloat v : equal.descendingKeySet()) {
            int g;
            long[] candidates = candidatePlan(m, v);
            int eLevel = constantAbove || higher == 0 ? 0 : higher == 1 ? topLevel : topLevel + 1;
            if (candidates[0] < higher && (!keepLevels || candidates[1] == eLevel)) {
                int[] lits = new int[m.size()];
                for (int o = 0; o < lits.length; o++) lits[o] = compareConstant(m.get(o), v, true);
                g = ctx.or(lits);
            } else {
                List<Integer> lits = new ArrayList<>();
                for (PFloat w : equal.tailMap(v, false).keySet()) {
                    lits.add(exists.computeIfAbsent(
                            w,
                            u -> ctx.or(equal.get(u).stream()
                                    .mapToInt(Integer::intValue)
                                    .toArray())));
                }
                g = lits.contains(Literal.TRUE)
                        ? Literal.TRUE
                        : ctx.or(lits.stream().mapToInt(Integer::intValue).toArray());
            }
            above.put(v, g);
            // E(v) joins the values above the next v: its level as anyOf will build it
            List<Integer> lits = equal.get(v);
            if (lits.contains(Literal.TRUE)) constantAbove = true;
            int level = 0;
            for (int lit : lits) level = Math.max(level, ctx.level(lit));
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

    /** Arg-max with ties to the lowest index, one-hot: win_c = OR of {@link #argmaxTerms}(ys)[c]. */
    int[] argmax(List<Scalar> ys) {
        int[][] terms = argmaxTerms(ys);
        int[] win = new int[terms.length];
        for (int c = 0; c < win.length; c++) win[c] = terms[c].length == 1 ? terms[c][0] : ctx.or(terms[c]);
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
    int[][] argmaxTerms(List<Scalar> ys) {
        int[][] table = argmaxTable(ys);
        if (table != null) return table;
        int[][] separated = argmaxByCut(ys);
        if (separated != null) return separated;
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
                terms[c][k] = ctx.and(conds.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return terms;
    }

    /**
     * Arg-max decided at one cut: with c the smallest of the candidates' largest values, when the
     * literals [y ≥ c] of the candidates that can reach c are the minterms of one domain, exactly
     * one candidate is at least c on every valid input and every other one is below it, so that
     * one wins, without a tie. Each c's term is its literal (FALSE for those that cannot reach
     * c). Only literals that exist without a gate are read ({@link Domains#anyOfWithoutGates}), so
     * nothing is built when the rule does not hold; null then. A selection that copies one key's
     * one-hot token (reverse) gives literals [y_u ≥ 1] that are that key's token inputs: the
     * label is read off the inputs, whatever the other keys' e^-20 weights add to the losers.
     */
    private int[][] argmaxByCut(List<Scalar> ys) {
        PFloat c = null;
        for (Scalar y : ys) {
            if (y.domain().size() == 1) continue;
            PFloat top = Arrays.stream(y.values()).max(PFloat::compareTo).orElseThrow();
            if (c == null || top.compareTo(c) < 0) c = top;
        }
        if (c == null) return null;
        int[][] terms = new int[ys.size()][];
        List<Integer> reach = new ArrayList<>();
        for (int k = 0; k < terms.length; k++) {
            Scalar y = ys.get(k);
            boolean[] on = new boolean[y.values().length];
            for (int m = 0; m < on.length; m++) on[m] = y.values()[m].compareTo(c) >= 0;
            int lit = domains.anyOfWithoutGates(y.domain(), on);
            if (lit == LazyRuns.UNKNOWN) return null;
            terms[k] = new int[] {lit};
            if (lit != Literal.FALSE) reach.add(lit);
        }
        return domains.isDomain(reach.stream().mapToInt(Integer::intValue).toArray()) ? terms : null;
    }

    /**
     * The index of the arg-max (ties to the lowest), as little-endian bits. Bit k is the OR of
     * the {@link #argmaxTerms} of the candidates whose index has bit k; when the candidates share
     * one domain, it is one OR of the minterms where such a candidate wins (depth 1).
     */
    int[] argmaxBits(List<Scalar> ys) {
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
            bits[k] = ctx.or(on.stream().mapToInt(Integer::intValue).toArray());
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
            for (int c = 1; c < ys.size(); c++)
                if (valueAt(ys.get(c), k).compareTo(valueAt(ys.get(winner[k]), k)) > 0) winner[k] = c;
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
    int[] bits(Scalar x) {
        int[] out = new int[prec.p()];
        for (int i = 0; i < out.length; i++) {
            boolean[] on = new boolean[x.values().length];
            for (int k = 0; k < on.length; k++) on[k] = ((x.values()[k].bits() >>> i) & 1) != 0;
            out[i] = domains.anyOf(x.domain(), on);
        }
        return out;
    }
}
