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
 *   <li>{@link #isMax}: saturated attention's s_ij = [σ_ij is maximal in its row], depth 3.</li>
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
    }

    private final CircuitBuilder b;
    private final Precision prec;
    private final Limits limits;
    private final Domain constantDomain;
    private int nextDomain = 1;
    private final Map<Long, Product> products = new HashMap<>();
    private final Map<Object, Scalar> merged = new HashMap<>();
    private int[] levels = new int[1024];
    private String component = "?";
    private int componentLevel;

    private record Product(Domain domain, int[] left, int[] right) {}

    public ScalarLowering(CircuitBuilder b, Precision prec, Limits limits) {
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
        component = name;
        componentLevel = 0;
    }

    public String currentComponent() {
        return component;
    }

    /** The largest level (depth from the inputs) of any gate built or reused since {@link #component}. */
    public int componentLevel() {
        return componentLevel;
    }

    /** The level of a literal: 0 for inputs and constants. */
    public int level(int lit) {
        int node = Literal.node(lit);
        return node < levels.length ? levels[node] : 0;
    }

    private long edges;

    /** Operand edges of the gates built so far by this library (an upper bound: shared gates count once per request). */
    public long edges() {
        return edges;
    }

    private int record(int lit, int[] operands) {
        edges += operands.length;
        if (edges > limits.maxEdges()) {
            throw new LoweringLimitException(component + ": the circuit passed the limit of " + limits.maxEdges() + " edges");
        }
        int node = Literal.node(lit);
        if (node >= levels.length) levels = Arrays.copyOf(levels, Math.max(node + 1, levels.length * 2));
        if (node > b.numInputs() && levels[node] == 0) {
            int l = 0;
            for (int o : operands) l = Math.max(l, level(o));
            levels[node] = l + 1;
        }
        componentLevel = Math.max(componentLevel, levels[node]);
        if (b.numGates() > limits.maxGates()) {
            throw new LoweringLimitException(component + ": the circuit passed the limit of " + limits.maxGates() + " gates");
        }
        return lit;
    }

    int and(int... lits) {
        return record(b.and(lits), lits);
    }

    int or(int... lits) {
        if (lits.length == 0) return Literal.FALSE;
        return record(b.or(lits), lits);
    }

    int weighted(long[] w, int[] lits, long t) {
        return record(b.weighted(w, lits, t), lits);
    }

    Domain domain(int[] lits) {
        if (lits.length == 1) return constantDomain;
        return new Domain(nextDomain++, lits);
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
        TreeMap<PFloat, List<Integer>> byValue = new TreeMap<>();
        for (int k = 0; k < x.values().length; k++) byValue.computeIfAbsent(x.values()[k], z -> new ArrayList<>()).add(x.domain().lits()[k]);
        if (byValue.size() == x.values().length) return x;
        if (byValue.size() == 1) return constant(byValue.firstKey());
        Object key = List.of(x.domain().id(), Arrays.asList(x.values()));
        Scalar m = merged.get(key);
        if (m != null) return m;
        int[] lits = new int[byValue.size()];
        PFloat[] values = new PFloat[byValue.size()];
        int i = 0;
        for (var e : byValue.entrySet()) {
            values[i] = e.getKey();
            lits[i++] = or(e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        m = new Scalar(domain(lits), values);
        merged.put(key, m);
        return m;
    }

    /** A function of two scalars: pointwise on a shared domain, else Lemma 1 over pairs of minterms. */
    public Scalar combine(Scalar x, Scalar y, BinaryOperator<PFloat> f) {
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

    private Product product(Domain dx, Domain dy) {
        long key = ((long) dx.id() << 32) | dy.id();
        Product pr = products.get(key);
        if (pr != null) return pr;
        long size = (long) dx.size() * dy.size();
        if (size > limits.maxDomain()) {
            throw new LoweringLimitException(component + ": a lookup table over two scalars with " + dx.size() + " x " + dy.size()
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
        pr = new Product(new Domain(nextDomain++, Arrays.copyOf(lits, n)), Arrays.copyOf(left, n), Arrays.copyOf(right, n));
        products.put(key, pr);
        return pr;
    }

    // ---------------------------------------------------------------- sums

    /** The linear form of an exact grid sum: per domain, the grid integers (in units 2^low) of each minterm. */
    private record LinearForm(int low, List<Domain> domains, List<BigInteger[]> grid) {}

    private LinearForm linearForm(List<Scalar> terms) {
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

    /** ⊕ of the terms (Def 15). */
    public Scalar sum(List<Scalar> terms) {
        LinearForm lf = linearForm(terms);
        if (lf == null) return constant(prec.zero());
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
                    throw new LoweringLimitException(component + ": a sum of " + lf.domains().size() + " independent scalars has more than "
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
        if (edges + edgesNeeded > limits.maxEdges()) {
            throw new LoweringLimitException(component + ": a sum over " + lf.domains().size() + " scalars with " + runs + " possible results needs about "
                    + edgesNeeded + " threshold-gate edges; the circuit would pass the limit of " + limits.maxEdges() + " edges");
        }
        int[] atLeast = new int[runs + 1];
        atLeast[0] = Literal.TRUE;
        atLeast[runs] = Literal.FALSE;
        int[] tests = th.atLeast(starts.subList(1, runs));
        System.arraycopy(tests, 0, atLeast, 1, runs - 1);
        int[] lits = new int[runs];
        for (int r = 0; r < runs; r++) lits[r] = and(atLeast[r], Literal.not(atLeast[r + 1]));
        return new Scalar(domain(lits), values.toArray(PFloat[]::new));
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
            List<Integer> on = new ArrayList<>();
            for (int k = 0; k < z.length; k++) if (z[k].add(c).signum() > 0) on.add(lf.domains().getFirst().lits()[k]);
            return or(on.stream().mapToInt(Integer::intValue).toArray());
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

        /** [S ≥ t] for each t. */
        int[] atLeast(List<BigInteger> ts) {
            int[] out = new int[ts.size()];
            int width = top.bitLength();
            // The route is chosen by the shape of the sum, not by its size, so that it does not
            // change with n: one weighted gate per test when every group contributes one literal
            // (a count-like sum: at most n + 1 results, |tests|·fan-in = O(n^2) edges), the binary
            // route when some group has several nonzero weights (value sets that grow with n).
            boolean countLike = true;
            for (int r = 1; r < groupOf.length; r++) countLike &= groupOf[r] != groupOf[r - 1];
            if (width <= limits.maxWeightBits() && countLike) {
                long[] w = Arrays.stream(weights).mapToLong(BigInteger::longValueExact).toArray();
                for (int k = 0; k < out.length; k++) out[k] = weighted(w, lits, ts.get(k).longValueExact());
                return out;
            }
            return wide(ts);
        }

        private int[] wide(List<BigInteger> ts) {
            int width = top.bitLength();
            if (width > limits.maxWideBits()) {
                throw new LoweringLimitException(component + ": a sum spans " + width + " bits of the grid, more than the limit of "
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
            int inLevel = 0;
            for (int lit : outerLits) inLevel = Math.max(inLevel, level(lit));
            int[] out = b.embed(sub, outerLits);
            int[] subLevels = sub.levels();
            for (int k = 0; k < out.length; k++) setLevel(out[k], inLevel + subLevels[Literal.node(sub.output(k))]);
            return out;
        }
    }

    private void setLevel(int lit, int level) {
        int node = Literal.node(lit);
        if (node <= b.numInputs()) return;
        if (node >= levels.length) levels = Arrays.copyOf(levels, Math.max(node + 1, levels.length * 2));
        if (levels[node] == 0) levels[node] = level;
        componentLevel = Math.max(componentLevel, levels[node]);
        if (b.numGates() > limits.maxGates()) {
            throw new LoweringLimitException(component + ": the circuit passed the limit of " + limits.maxGates() + " gates");
        }
    }

    private Threshold threshold(LinearForm lf) {
        BigInteger base = BigInteger.ZERO, top = BigInteger.ZERO;
        TreeSet<BigInteger> sums = new TreeSet<>();
        sums.add(BigInteger.ZERO);
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
                if (sums == null) continue;
                TreeSet<BigInteger> next = new TreeSet<>();
                for (BigInteger s : sums) {
                    if (next == null) break;
                    for (BigInteger w : distinct) {
                        next.add(s.add(w));
                        if (next.size() > limits.maxSums()) next = null;
                        if (next == null) break;
                    }
                }
                sums = next;
            }
        }
        return new Threshold(base, top, sums, lits.stream().mapToInt(Integer::intValue).toArray(), weights.toArray(BigInteger[]::new),
                groupOf.stream().mapToInt(Integer::intValue).toArray());
    }

    // ---------------------------------------------------------------- comparisons

    /** [x ≥ v] (or [x &gt; v] when strict) for a constant v: one OR of minterms. */
    public int compareConstant(Scalar x, PFloat v, boolean strict) {
        List<Integer> on = new ArrayList<>();
        for (int k = 0; k < x.values().length; k++) {
            int c = x.values()[k].compareTo(v);
            if (strict ? c > 0 : c >= 0) on.add(x.domain().lits()[k]);
        }
        if (on.size() == x.values().length) return Literal.TRUE;
        return or(on.stream().mapToInt(Integer::intValue).toArray());
    }

    /** [x &gt; y] (or [x ≥ y] when not strict): OR over x's minterms of AND(minterm, ¬[y ≥ value] or ¬[y &gt; value]). */
    public int compare(Scalar x, Scalar y, boolean strict) {
        if (x.domain().id() == y.domain().id() || x.domain().size() == 1 && y.domain().size() == 1) {
            List<Integer> on = new ArrayList<>();
            for (int k = 0; k < x.values().length; k++) {
                int c = x.values()[k].compareTo(y.values()[y.domain().size() == 1 ? 0 : k]);
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
     * Saturated attention: s_j = [σ_j equals the row maximum] for one row, as literals. With
     * G(v) = OR of every minterm of the row whose value exceeds v (depth 1), s_j = OR over σ_j's
     * minterms k of AND(minterm_k, ¬G(value_k)) (depth 3).
     */
    public int[] isMax(List<Scalar> row) {
        List<Scalar> m = row.stream().map(this::merge).toList();
        TreeMap<PFloat, List<Integer>> byValue = new TreeMap<>();
        for (Scalar x : m) for (int k = 0; k < x.values().length; k++) byValue.computeIfAbsent(x.values()[k], z -> new ArrayList<>()).add(x.domain().lits()[k]);
        Map<PFloat, Integer> above = new HashMap<>();
        for (PFloat v : byValue.keySet()) {
            List<Integer> lits = new ArrayList<>();
            for (var e : byValue.tailMap(v, false).entrySet()) lits.addAll(e.getValue());
            above.put(v, or(lits.stream().mapToInt(Integer::intValue).toArray()));
        }
        int[] s = new int[m.size()];
        for (int j = 0; j < s.length; j++) {
            Scalar x = m.get(j);
            int[] terms = new int[x.values().length];
            for (int k = 0; k < terms.length; k++) terms[k] = and(x.domain().lits()[k], Literal.not(above.get(x.values()[k])));
            s[j] = terms.length == 1 ? terms[0] : or(terms);
        }
        return s;
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
        if (keep.isEmpty()) throw new IllegalStateException(component + ": a value assumed nonzero is always zero");
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

    /**
     * Arg-max with ties to the lowest index, one-hot: win_c = AND_(c' &lt; c) [y_c &gt; y_c'] AND
     * AND_(c' &gt; c) [y_c ≥ y_c'].
     */
    public int[] argmax(List<Scalar> ys) {
        int[] win = new int[ys.size()];
        for (int c = 0; c < win.length; c++) {
            int[] conds = new int[ys.size() - 1];
            int n = 0;
            for (int o = 0; o < ys.size(); o++) if (o != c) conds[n++] = compare(ys.get(c), ys.get(o), o < c);
            win[c] = conds.length == 0 ? Literal.TRUE : and(conds);
        }
        return win;
    }

    /** The p-bit bus: bit i is bit i (little-endian) of the code {@link PFloat#bits()}. One OR per bit. */
    public int[] bits(Scalar x) {
        int[] out = new int[prec.p()];
        for (int i = 0; i < out.length; i++) {
            List<Integer> on = new ArrayList<>();
            for (int k = 0; k < x.values().length; k++) if (((x.values()[k].bits() >>> i) & 1) != 0) on.add(x.domain().lits()[k]);
            out[i] = on.size() == x.values().length ? Literal.TRUE : or(on.stream().mapToInt(Integer::intValue).toArray());
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
