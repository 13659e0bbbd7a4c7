package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.gadget.Comparison;
import dev.tc0.compile.gadget.IteratedAddition;
import dev.tc0.compile.gadget.Weights;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A linear form S = Σ w_r·l_r (w_r ≥ 0, one group of literals per domain, exactly one true per
 * group) with its possible values. Tests [S ≥ t] are one weighted gate each while the weights fit
 * {@link ScalarLowering.Limits#maxWeightBits}; wider sums (softmax normalisers span 130+ grid bits
 * at p = 16) take the bit route: each group's contribution in binary (one OR per bit), the signed
 * iterated-addition gadget (src/docs/paper.md, Iterated addition (c): block save then carry lookahead)
 * and a comparator with each constant t (src/docs/paper.md, Comparison (b)).
 */
final class Threshold {

    private final LoweringContext ctx;
    private final BigInteger base, top;
    private final SumSet.Sorted sums;
    private final int[] lits;
    private final BigInteger[] weights;
    private final int[] groupOf;

    private Threshold(
            LoweringContext ctx,
            BigInteger base,
            BigInteger top,
            SumSet.Sorted sums,
            int[] lits,
            BigInteger[] weights,
            int[] groupOf) {
        this.ctx = ctx;
        this.base = base;
        this.top = top;
        this.sums = sums;
        this.lits = lits;
        this.weights = weights;
        this.groupOf = groupOf;
    }

    /** The offset of the exact grid sum, each domain's smallest grid value added up: the sum is base + S. */
    BigInteger base() {
        return base;
    }

    /** The largest value of S. */
    BigInteger top() {
        return top;
    }

    /** The possible values of S, or null when there are more than {@link ScalarLowering.Limits#maxSums}. */
    SumSet.Sorted sums() {
        return sums;
    }

    /** The number of literals (a weighted gate's fan-in). */
    int fanIn() {
        return lits.length;
    }

    /**
     * [S ≥ t] read off its large weights, when the small ones cannot reach t: if the weights
     * below t, the largest of each group added up, stay below t, then S ≥ t exactly when a literal
     * of weight t or more holds (each group contributes one weight; a large one reaches t alone,
     * and without one S is at most that reach). Returns those literals (none: the test is false),
     * or null when the small weights can reach t. A selection that weighs one key at 1 and the
     * others at e^-20 (reverse's value sums) has its cut at 1 decided by that key alone.
     */
    int[] deciders(BigInteger t) {
        BigInteger reach = BigInteger.ZERO, groupMax = BigInteger.ZERO;
        List<Integer> large = new ArrayList<>();
        for (int r = 0; r < lits.length; r++) {
            if (r > 0 && groupOf[r] != groupOf[r - 1]) {
                reach = reach.add(groupMax);
                groupMax = BigInteger.ZERO;
            }
            if (weights[r].compareTo(t) >= 0) large.add(lits[r]);
            else groupMax = groupMax.max(weights[r]);
        }
        reach = reach.add(groupMax);
        if (reach.compareTo(t) >= 0) return null;
        return large.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Intervals [lo, hi] of S, ascending and disjoint, that hold every achievable S, or null when
     * no split narrows [0, top]. At a bound B (one of the weights) that the weights below it, the
     * largest of each group added up, cannot reach, S = H + L with H a sum of at most one weight
     * of B or more per group and 0 &lt;= L &lt;= that reach: the achievable S lie in [H, H + reach]
     * for the possible H. The smallest such bound whose possible H stay within the sumset cap is
     * taken. A value sum with one dominant term (reverse at n = 256: one key weighs 2^39 grid
     * units, the other 254 together under 2^19) is two short intervals instead of [0, 2^39].
     */
    List<BigInteger[]> spans() {
        BigInteger bound = spanBound();
        if (bound == null) return null;
        List<BigInteger[]> best = intervals(highSums(bound), reachBelow(bound));
        return best.size() < 2 ? null : best;
    }

    /** The smallest bound of {@link #spans}: one the weights below cannot reach, whose H stay within the cap; or null. */
    private BigInteger spanBound() {
        TreeSet<BigInteger> bounds = new TreeSet<>(Arrays.asList(weights));
        BigInteger best = null;
        // the possible H only grow as the bound falls, so stop at the first bound past the cap
        for (BigInteger bound : bounds.descendingSet()) {
            if (reachBelow(bound).compareTo(bound) >= 0) continue;
            if (highSums(bound) == null) break;
            best = bound;
        }
        return best;
    }

    /**
     * The achievable S inside the {@link #spans}, when they are few enough to walk: S = H + L with
     * H among {@code highs} and L among {@code lows} (the possible sums of the weights below the
     * bound, at most one per group), every H + L below the next H. A superset of the achievable S
     * (a group with weights on both sides of the bound gives only one of them), ordered as H then
     * L. A mean over the positions whose selected keys weigh 2^29 times the others (frac_prevs at
     * n = 512: 256 x 256 such sums in a middle row, past the cap on exact sums) has about n results
     * among them, against tens of thousands of p-precision values in the spans' intervals.
     */
    Split split() {
        BigInteger bound = spanBound();
        if (bound == null) return null;
        SumSet.Sorted highs = highSums(bound), lows = lowSums(bound);
        if (lows == null) return null;
        BigInteger reach = lows.get(lows.size() - 1);
        for (int k = 0; k + 1 < highs.size(); k++)
            if (highs.get(k).add(reach).compareTo(highs.get(k + 1)) >= 0) return null;
        return new Split(highs, lows);
    }

    /** The achievable S of {@link #split}: each H, then each L. */
    record Split(SumSet.Sorted highs, SumSet.Sorted lows) {}

    /** The weights below the bound, the largest of each group, added up. */
    private BigInteger reachBelow(BigInteger bound) {
        Map<Integer, BigInteger> max = new HashMap<>();
        for (int r = 0; r < lits.length; r++)
            if (weights[r].compareTo(bound) < 0) max.merge(groupOf[r], weights[r], BigInteger::max);
        return max.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The possible sums of at most one weight of at least the bound per group, or null past the cap. */
    private SumSet.Sorted highSums(BigInteger bound) {
        return sumsOnOneSide(bound, true);
    }

    /** The possible sums of at most one weight below the bound per group, or null past the cap. */
    private SumSet.Sorted lowSums(BigInteger bound) {
        return sumsOnOneSide(bound, false);
    }

    /** The possible sums of at most one weight per group, of the weights at or above the bound (high) or below it. */
    private SumSet.Sorted sumsOnOneSide(BigInteger bound, boolean high) {
        Map<Integer, TreeSet<BigInteger>> side = new LinkedHashMap<>();
        for (int r = 0; r < lits.length; r++) {
            if ((weights[r].compareTo(bound) >= 0) != high) continue;
            side.computeIfAbsent(groupOf[r], g -> new TreeSet<>(List.of(BigInteger.ZERO)))
                    .add(weights[r]);
        }
        List<BigInteger[]> parts = new ArrayList<>();
        BigInteger top = BigInteger.ZERO;
        for (TreeSet<BigInteger> h : side.values()) {
            parts.add(h.toArray(BigInteger[]::new));
            top = top.add(h.last());
        }
        return ctx.sumSets().of(parts, top);
    }

    /** [h, h + reach] for each possible h, overlapping ones joined. */
    private static List<BigInteger[]> intervals(SumSet.Sorted highs, BigInteger reach) {
        List<BigInteger[]> out = new ArrayList<>();
        for (int i = 0; i < highs.size(); i++) {
            BigInteger lo = highs.get(i), hi = lo.add(reach);
            BigInteger[] last = out.isEmpty() ? null : out.getLast();
            if (last != null && lo.compareTo(last[1].add(BigInteger.ONE)) <= 0) last[1] = last[1].max(hi);
            else out.add(new BigInteger[] {lo, hi});
        }
        return out;
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
        int cut = t.top.bitLength() - ctx.limits().maxWeightBits();
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
        return ts.stream()
                .map(x -> {
                    BigInteger[] qr = x.divideAndRemainder(d);
                    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
                })
                .toList();
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
        return new Threshold(ctx, base, t, null, l, w, gr);
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
            highs.computeIfAbsent(groupOf[r], k -> new TreeSet<>(List.of(BigInteger.ZERO)))
                    .add(hi);
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
        SumSet.Sorted achievable = ctx.sumSets().of(parts, highTop);
        if (achievable == null) return false;
        BigInteger unit = BigInteger.ONE.shiftLeft(cut);
        for (BigInteger t : ts) {
            // the smallest achievable H with H·2^cut >= t - reach must still be >= t
            BigInteger from = t.subtract(reach);
            BigInteger lowH = from.signum() <= 0
                    ? BigInteger.ZERO
                    : from.add(unit).subtract(BigInteger.ONE).shiftRight(cut);
            BigInteger h = achievable.ceiling(lowH);
            if (h != null && h.shiftLeft(cut).compareTo(t) < 0) return false;
        }
        return true;
    }

    /**
     * One weighted gate per test when every group contributes one literal and the weights fit
     * (a count-like sum: at most n + 1 results, |tests|·fan-in = O(n^2) edges); the binary route
     * otherwise. With block sums ({@link ScalarLowering.Limits#blockSums}) a count-like sum with
     * several tests counts blocks of terms first ({@link BlockCount}), and a wider sum whose weights
     * fit adds blocks of groups to binary and tests their bits ({@link #blocked}). The route is
     * chosen by the shape of the sum, not by its size, so that it does not change with n.
     */
    private int[] build(List<BigInteger> ts) {
        int[] out = new int[ts.size()];
        if (out.length == 0) return out;
        boolean countLike = countLike();
        boolean fits = top.bitLength() <= ctx.limits().maxWeightBits();
        boolean blocks = ctx.limits().blockSums();
        if (fits && (countLike || blocks)) {
            long[] w =
                    Arrays.stream(weights).mapToLong(BigInteger::longValueExact).toArray();
            long[] t = longs(ts);
            // one test (a cut read alone, LazyRuns) is one gate on the terms, whatever their shape
            if (blocks && t.length == 1) return ctx.weighted(w, lits, t);
            if (!countLike) return blocked(ts);
            int block = blocks ? BlockCount.size(w, t.length) : 1;
            return block > 1 ? BlockCount.atLeast(ctx, w, lits, t, block) : ctx.weighted(w, lits, t);
        }
        return wide(ts);
    }

    /** What the tests [S ≥ t] are built from (the literals, their weights and groups): equal ones give equal tests. */
    List<Object> identity() {
        return List.of(
                Arrays.stream(lits).boxed().toList(),
                Arrays.asList(weights),
                Arrays.stream(groupOf).boxed().toList());
    }

    /** Whether every group contributes one literal (a count or a mean of 0/1 terms, weighted). */
    boolean countLike() {
        for (int r = 1; r < groupOf.length; r++) if (groupOf[r] == groupOf[r - 1]) return false;
        return true;
    }

    private static long[] longs(List<BigInteger> ts) {
        long[] t = new long[ts.size()];
        for (int k = 0; k < t.length; k++) t[k] = ts.get(k).longValueExact();
        return t;
    }

    /**
     * The tests of a sum whose weights fit but whose groups hold several literals (a mean of
     * values with many levels), in two stages: blocks of about sqrt(groups) groups each added to
     * binary (the wide route's numbers and adder, on one block), then one weighted gate per test
     * over the blocks' bits. The wide route adds all m numbers in one adder of about m^2 edges per
     * sum; blocks of b cost about m·b for the adders and |tests|·(m/b)·bits for the tests, at the
     * same depth (one OR, the adder, one test).
     */
    private int[] blocked(List<BigInteger> ts) {
        List<int[]> numbers = groupNumbers(top.bitLength());
        int m = numbers.size();
        int b = Math.max(2, (int) Math.ceil(Math.sqrt(m)));
        long[] sw = new long[m * 64];
        int[] sl = new int[m * 64];
        int n = 0;
        for (int from = 0; from < m; from += b) {
            List<int[]> block = numbers.subList(from, Math.min(m, from + b));
            int[] bits = embedSum(block, null);
            for (int k = 0; k < bits.length; k++) {
                if (bits[k] == Literal.FALSE) continue;
                sw[n] = 1L << k;
                sl[n++] = bits[k];
            }
        }
        return ctx.weighted(Arrays.copyOf(sw, n), Arrays.copyOf(sl, n), longs(ts));
    }

    private int[] wide(List<BigInteger> ts) {
        int width = top.bitLength();
        if (width > ctx.limits().maxWideBits()) {
            throw ctx.limitPassed("a sum spans " + width + " bits of the grid, more than the limit of "
                    + ctx.limits().maxWideBits() + " for the iterated-addition route");
        }
        return embedSum(groupNumbers(width), ts);
    }

    /** Each group's number in binary, {@code width} bits, in the main builder: bit i ORs the group's literals whose weight has bit i. */
    private List<int[]> groupNumbers(int width) {
        int groups = Arrays.stream(groupOf).max().orElse(-1) + 1;
        int[] from = new int[groups + 1];
        for (int g : groupOf) from[g + 1]++;
        for (int g = 0; g < groups; g++) from[g + 1] += from[g];
        int[] members = new int[lits.length], fill = from.clone();
        for (int r = 0; r < lits.length; r++) members[fill[groupOf[r]]++] = r;
        List<int[]> numbers = new ArrayList<>();
        int[] on = new int[lits.length];
        for (int g = 0; g < groups; g++) {
            int[] bits = new int[width];
            for (int i = 0; i < width; i++) {
                int n = 0;
                for (int e = from[g]; e < from[g + 1]; e++)
                    if (weights[members[e]].testBit(i)) on[n++] = lits[members[e]];
                bits[i] = ctx.or(Arrays.copyOf(on, n));
            }
            numbers.add(bits);
        }
        return numbers;
    }

    /**
     * The numbers' sum compared with each test, or, with {@code ts} null, the sum's bits (as wide
     * as its largest value needs): an adder sub-circuit over the numbers' non-constant bits,
     * embedded.
     */
    private int[] embedSum(List<int[]> numbers, List<BigInteger> ts) {
        int width = numbers.getFirst().length;
        // input j of the sub-circuit is literal Literal.of(1 + j), the inputs in the order of
        // their outer literals: the embedded gates then keep the sub-circuit's operand order, so
        // the builder interns them as they are instead of sorting each one again
        int[] outerLits = numbers.stream()
                .flatMapToInt(Arrays::stream)
                .filter(lit -> !Literal.isConstant(lit))
                .map(Literal::positive)
                .sorted()
                .distinct()
                .toArray();
        int[][] nums = new int[numbers.size()][];
        for (int g = 0; g < nums.length; g++) {
            nums[g] = new int[width];
            for (int i = 0; i < width; i++) {
                int lit = numbers.get(g)[i];
                // outer literal outerLits[j] is the sub-circuit's input j
                nums[g][i] = Literal.isConstant(lit)
                        ? lit
                        : Literal.of(1 + Arrays.binarySearch(outerLits, Literal.positive(lit)), false) ^ (lit & 1);
            }
        }
        // the sub-circuit is a function of the numbers over its inputs and of the tests: the
        // same sum over other literals (the same weights at every position) embeds the same one
        WideShape shape = new WideShape(outerLits.length, nums, ts);
        int sumWidth = ts == null ? maxSumWidth(nums) : width + 1;
        Circuit sub = ctx.subCircuit(shape, () -> adder(outerLits.length, nums, sumWidth, ts));
        return ctx.embed(sub, outerLits);
    }

    /** The bits that the sum of the numbers can reach: each number at most its non-constant-false bits all true. */
    private static int maxSumWidth(int[][] nums) {
        BigInteger max = BigInteger.ZERO;
        for (int[] x : nums) {
            BigInteger v = BigInteger.ZERO;
            for (int i = 0; i < x.length; i++) if (x[i] != Literal.FALSE) v = v.setBit(i);
            max = max.add(v);
        }
        return Math.max(1, max.bitLength());
    }

    /** The key of a wide sum's sub-circuit: its input count, its numbers over those inputs, its tests. */
    private record WideShape(int inputs, int[][] nums, List<BigInteger> tests) {
        @Override
        public boolean equals(Object o) {
            return o instanceof WideShape w
                    && inputs == w.inputs
                    && Arrays.deepEquals(nums, w.nums)
                    && java.util.Objects.equals(tests, w.tests);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * inputs + Arrays.deepHashCode(nums)) + java.util.Objects.hashCode(tests);
        }
    }

    /** The sum of the numbers (over inputs 1..inputs) compared with each test (or its bits, ts null), as a circuit. */
    private static Circuit adder(int inputs, int[][] nums, int sumWidth, List<BigInteger> ts) {
        CircuitBuilder sb = new CircuitBuilder();
        for (int j = 0; j < inputs; j++) sb.input(null);
        // up to 62 bits: block save then a weighted adder (depth 4) and one-gate comparators;
        // wider: block save then carry lookahead (depth 7) and unit-weight comparators (depth 3)
        boolean narrow = sumWidth <= 62;
        int[] sum = (narrow ? IteratedAddition.Method.BLOCK_SAVE_WEIGHTED : IteratedAddition.Method.BLOCK_SAVE)
                .sum(sb, nums, sumWidth);
        if (ts == null) {
            for (int bit : sum) sb.output(null, bit);
            return sb.build();
        }
        for (BigInteger t : ts) {
            int[] c = new int[sumWidth];
            for (int i = 0; i < sumWidth; i++) c[i] = t.testBit(i) ? Literal.TRUE : Literal.FALSE;
            sb.output(null, Comparison.atLeast(sb, sum, c, narrow ? Weights.LARGE : Weights.UNIT));
        }
        return sb.build();
    }

    /** The threshold form of a linear form: each domain's grid values less their minimum, as one group. */
    static Threshold of(LoweringContext ctx, LinearForm lf) {
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
        return new Threshold(
                ctx,
                base,
                top,
                ctx.sumSets().of(terms, top),
                lits.stream().mapToInt(Integer::intValue).toArray(),
                weights.toArray(BigInteger[]::new),
                groupOf.stream().mapToInt(Integer::intValue).toArray());
    }
}
