package dev.tc0.compile.lowering;

import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * ⊕ of p-precision scalars (src/docs/paper.md, Def 15: one exact sum on the grid, one f_p), and
 * the sign of such a sum. Terms over one domain add pointwise; a few small domains are summed on
 * their product ({@link #tupleSum}); otherwise the exact grid sum is a {@link LinearForm} in the
 * minterm literals, and since f_p is monotone the result is constant on intervals of it: one
 * {@link Threshold} test per interval start and one AND per interval.
 */
final class Sums {

    private final LoweringContext ctx;
    private final Precision prec;
    private final Domains domains;
    /** Sums by their linear form: equal sums (e.g. the same global value computed at every position) share one domain. */
    private final Map<Object, Scalar> sums = new HashMap<>();
    /** The distinct grids of the keys of {@link #sums}, each kept once ({@link #gridKey}). */
    private final Map<LongGrid, LongGrid> grids = new HashMap<>();
    /**
     * One object per value for the tables of pointwise sums, which the compile keeps to its end:
     * a table of a few distinct values over hundreds of minterms held a new PFloat per minterm
     * (two thirds of hist's heap at n = 256).
     */
    private final Map<PFloat, PFloat> canonical = new HashMap<>();
    /** Lazy domains of runs by the tests that make their cuts (block sums). */
    private final Map<List<Object>, Domain> lazyDomains = new HashMap<>();

    Sums(LoweringContext ctx, Domains domains) {
        this.ctx = ctx;
        this.prec = ctx.precision();
        this.domains = domains;
    }

    private LinearForm linearForm(List<Scalar> terms) {
        return LinearForm.of(domains.aligned(terms), domains.constantDomain());
    }

    /**
     * f_p of the grid sum s·2^low (low ≥ I^min, so the grid integer is z = s·2^(low - I^min),
     * exact): keep the top q - 1 magnitude bits, exponent I^min + the bits dropped, saturate. The
     * same as {@link Precision#round} with denominator 1, without building z (at p = 34 it has
     * 65,000+ bits).
     */
    private PFloat round(BigInteger s, int low) {
        if (s.bitLength() < 63) return round(s.longValue(), low);
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

    /** {@link #round(BigInteger, int)} of a grid sum that fits a long (all but the widest sums): no BigIntegers. */
    private PFloat round(long s, int low) {
        if (s == 0) return prec.zero();
        long a = Math.abs(s); // not Long.MIN_VALUE: callers pass sums of at most 62 bits
        long k = (long) low - prec.iMin();
        int keep = prec.mantissaBits();
        long length = (64 - Long.numberOfLeadingZeros(a)) + k;
        long m;
        long e;
        if (length <= keep) {
            m = k >= 0 ? a << k : -k >= 64 ? 0 : a >> -k;
            e = prec.iMin();
        } else {
            long t = length - keep; // the shifts below stay under 64: m keeps `keep` bits
            m = t <= k ? a << (k - t) : a >> (t - k);
            e = prec.iMin() + t;
        }
        if (e > prec.iMax()) return s > 0 ? prec.max() : prec.max().negate();
        return new PFloat(prec.p(), (int) (Long.signum(s) * m), (int) e);
    }

    /** ⊕ of the terms (Def 15). Equal linear forms give the same scalar, so their results stay correlated. */
    Scalar sum(List<Scalar> terms) {
        LinearForm lf = linearForm(terms);
        if (lf == null) return domains.constant(prec.zero());
        List<Object> key = new ArrayList<>();
        key.add(lf.low());
        for (int g = 0; g < lf.domains().size(); g++) {
            key.add(lf.domains().get(g).id());
            key.add(gridKey(lf.grid().get(g)));
        }
        Scalar known = sums.get(key);
        if (known != null) return known;
        Scalar result = tupleSum(terms, lf);
        if (result == null) result = sum(lf);
        sums.put(key, result);
        return result;
    }

    /**
     * A domain's grid integers as part of a memo key: as longs when all fit one (nearly always),
     * since the memo keeps every key for the whole compile and a BigInteger costs about 64 bytes;
     * and one copy per distinct grid. The same few grids recur in most keys: hist at n = 256 made
     * 386,854 keys' grids (63 M longs) out of 1,880 distinct ones (0.18 M longs), and at 1024 the
     * copies held 6.4 GB of the compile's 11 GB a third of the way through.
     */
    private Object gridKey(BigInteger[] z) {
        long[] small = new long[z.length];
        for (int k = 0; k < z.length; k++) {
            if (z[k].bitLength() > 63) return Arrays.asList(z);
            small[k] = z[k].longValue();
        }
        LongGrid g = new LongGrid(small, Arrays.hashCode(small));
        LongGrid known = grids.putIfAbsent(g, g);
        return known == null ? g : known;
    }

    /** A grid of longs with its hash kept: keys are hashed at every lookup, and grids reach thousands of values. */
    private record LongGrid(long[] grid, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof LongGrid g && hash == g.hash && Arrays.equals(grid, g.grid);
        }

        @Override
        public int hashCode() {
            return hash;
        }
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
        if (big < 2 || manySources(terms)) return null;
        // First on the finest structure that fits: products keep their atoms, and coarsenings of
        // one domain (the token flags "is &", "is 1", "is gate") are read on that domain, so
        // combinations no input has (a position that is both & and 1) stay out of the sum.
        Scalar precise = tupleSumOn(
                domains.aligned(terms.stream()
                        .map(t -> domains.isProduct(t.domain()) ? t : domains.merge(t))
                        .toList()),
                true);
        if (precise != null) return precise;
        // Else each term over its distinct values: sums that differ only in constants (the two
        // ramps of a clipped unit) then land on the same product and stay correlated
        return tupleSumOn(domains.aligned(terms.stream().map(domains::merge).toList()), false);
    }

    /**
     * True when the terms' minterms come from more than twice {@link #MAX_TUPLE_PARTS} domains
     * that no merge relates (a sum over positions, each term on its own position's minterms):
     * their atoms can never be few enough for a product, so the merges are not worth trying.
     */
    private boolean manySources(List<Scalar> terms) {
        java.util.Set<Integer> sources = new java.util.HashSet<>();
        for (Scalar t : terms) {
            if (t.domain().size() == 1 || t.isConstant()) continue;
            Domain[] parts =
                    domains.isProduct(t.domain()) ? domains.atoms(t.domain()).domains() : new Domain[] {t.domain()};
            for (Domain a : parts) sources.add(domains.mergedFrom(a).id());
            if (sources.size() > 2 * MAX_TUPLE_PARTS) return true;
        }
        return false;
    }

    private Scalar tupleSumOn(List<Scalar> ms, boolean unify) {
        List<Domain> atoms = new ArrayList<>();
        for (Scalar t : ms) {
            if (t.domain().size() == 1) continue;
            for (Domain a : domains.atoms(t.domain()).domains()) addAtom(atoms, a, unify);
            // atoms never leave the list; without unifying, adding them builds nothing either
            if (!unify && atoms.size() > MAX_TUPLE_PARTS) return null;
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
        boolean flagged =
                size / largest <= MAX_TUPLE_FLAGS && size <= ctx.limits().maxDomain();
        if (atoms.size() > MAX_TUPLE_PARTS || size > MAX_TUPLE_SUM && !flagged) return null;
        if (atoms.isEmpty()) return sum(ms);
        if (atoms.size() < 2 && !unify) return sum(ms);
        atoms.sort(java.util.Comparator.comparingInt(Domain::id));
        Domain p = atoms.size() == 1 ? atoms.getFirst() : domains.productOf(atoms);
        List<Scalar> lifted = new ArrayList<>(ms.size());
        for (Scalar t : ms) {
            Scalar l = domains.liftByAtoms(t, p);
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
            Domain src = domains.mergedFrom(a);
            for (int i = 0; i < atoms.size(); i++) {
                Domain b = atoms.get(i);
                if (domains.mergedFrom(b).id() != src.id()) continue;
                atoms.set(i, domains.joint(src, b, a));
                return;
            }
        }
        atoms.add(a);
    }

    /** Limits of {@link #tupleSum}: few domains, few combinations. */
    private static final int MAX_TUPLE_PARTS = 4, MAX_TUPLE_SUM = 2048, MAX_TUPLE_FLAGS = 4;

    private Scalar sum(LinearForm lf) {
        if (lf.isPointwise()) {
            BigInteger[] z = lf.pointwiseSums();
            PFloat[] v = new PFloat[z.length];
            for (int k = 0; k < z.length; k++) v[k] = canonical.computeIfAbsent(round(z[k], lf.low()), x -> x);
            return domains.simplify(new Scalar(lf.domains().getFirst(), v));
        }
        Threshold th = Threshold.of(ctx, lf);
        // the possible sums, as runs of equal results
        List<BigInteger> starts = new ArrayList<>();
        List<PFloat> values = new ArrayList<>();
        if (th.sums() != null) {
            SumSet.Sorted sums = th.sums();
            long[] small = sums.longs();
            // the base as a long when every base + s fits one (sums are below 2^62)
            boolean fits = small != null && th.base().bitLength() < 62;
            long base = fits ? th.base().longValue() : 0;
            IntFunction<PFloat> at = i ->
                    fits ? round(small[i] + base, lf.low()) : round(sums.get(i).add(th.base()), lf.low());
            runsOf(sums.size(), at, sums::get, Integer.MAX_VALUE, starts, values);
        } else if (!runsIn(
                List.<BigInteger[]>of(new BigInteger[] {BigInteger.ZERO, th.top()}),
                th,
                lf.low(),
                ctx.limits().maxRuns(),
                starts,
                values)) {
            // too many possible sums, and too many results in [0, top]: the results only where
            // sums can lie (Threshold.spans: one dominant term leaves a gap of unreachable sums),
            // and with block sums past the cap on runs built, since a lazy domain builds only
            // the cuts its readers ask for (LazyRuns refuses to build them all)
            int cap = ctx.limits().blockSums()
                    ? ctx.limits().maxSums()
                    : ctx.limits().maxRuns();
            starts.clear();
            values.clear();
            // with block sums, first the achievable sums inside the spans where they can be walked
            // (Threshold.split: H + L, far fewer results than the spans' intervals hold)
            Threshold.Split split = ctx.limits().blockSums() ? th.split() : null;
            if (split == null || !runsIn(split, th, lf.low(), cap, starts, values)) {
                starts.clear();
                values.clear();
                List<BigInteger[]> spans = th.spans();
                if (spans == null || !runsIn(spans, th, lf.low(), cap, starts, values)) throw tooManyResults(lf);
            }
        }
        if (values.size() == 1) return domains.constant(values.getFirst());
        int runs = values.size();
        long edgesNeeded = Math.min(
                (long) (runs - 1) * th.fanIn(),
                (long) th.fanIn() * th.top().bitLength() + 2L * runs * th.top().bitLength());
        if (ctx.edges() + edgesNeeded
                > LoweringContext.whileBuilding(ctx.limits().maxEdges())) {
            throw ctx.circuitLimitPassed(
                    "a sum over " + lf.domains().size() + " scalars with " + runs + " possible results needs about "
                            + edgesNeeded + " threshold-gate edges; building would pass "
                            + LoweringContext.DEAD_ALLOWANCE + " x the limit of "
                            + ctx.limits().maxEdges() + " edges");
        }
        if (ctx.limits().blockSums()) {
            // sums with the same terms, weights and run starts have the same cuts: one domain,
            // as the built route gets by its literals (Domains.runsDomain), so they stay pointwise
            List<BigInteger> runStarts = List.copyOf(starts);
            String unbuildable = th.sums() == null && runs > ctx.limits().maxRuns()
                    ? tooManyResults(lf).getMessage()
                    : null;
            Domain d = lazyDomains.computeIfAbsent(
                    List.of(th.identity(), runStarts),
                    k -> domains.lazyRunsDomain(new LazyRuns(ctx, th, runStarts, unbuildable)));
            return new Scalar(d, values.toArray(PFloat[]::new));
        }
        int[] atLeast = new int[runs + 1];
        atLeast[0] = Literal.TRUE;
        atLeast[runs] = Literal.FALSE;
        int[] tests = th.atLeast(starts.subList(1, runs));
        System.arraycopy(tests, 0, atLeast, 1, runs - 1);
        int[] lits = new int[runs];
        for (int r = 0; r < runs; r++) lits[r] = ctx.and(atLeast[r], Literal.not(atLeast[r + 1]));
        return new Scalar(domains.runsDomain(lits, atLeast), values.toArray(PFloat[]::new));
    }

    /**
     * Appends the runs of equal results over the intervals of S (ascending and disjoint), found
     * run by run (f_p is monotone): each run's start and result. A run that reaches the end of one
     * interval goes on into the next when that starts with the same result (the sums between
     * them never occur). False when there are more than {@code cap} runs.
     */
    private boolean runsIn(
            List<BigInteger[]> spans, Threshold th, int low, int cap, List<BigInteger> starts, List<PFloat> values) {
        for (BigInteger[] span : spans) {
            BigInteger s = span[0], hi = span[1].min(th.top());
            while (s != null) {
                PFloat v = canonical.computeIfAbsent(round(s.add(th.base()), low), x -> x);
                if (values.isEmpty() || !v.equals(values.getLast())) {
                    starts.add(s);
                    values.add(v);
                    if (values.size() > cap) return false;
                }
                s = nextRun(s, hi, v, th.base(), low);
            }
        }
        return true;
    }

    /**
     * Appends the runs of equal results among H + L for each H of the split, in that order (the
     * achievable sums of {@link Threshold#split}, ascending), as {@link #runsIn} does over
     * intervals. False when there are more than {@code cap} runs.
     */
    private boolean runsIn(
            Threshold.Split split, Threshold th, int low, int cap, List<BigInteger> starts, List<PFloat> values) {
        SumSet.Sorted highs = split.highs(), lows = split.lows();
        long[] small = lows.longs();
        BigInteger top = highs.get(highs.size() - 1).add(lows.get(lows.size() - 1));
        // every base + H + L fits a long when |base| and the largest sum stay below 2^61
        boolean fits = small != null && top.bitLength() < 61 && th.base().bitLength() < 61;
        for (int k = 0; k < highs.size(); k++) {
            BigInteger h = highs.get(k);
            long hb = fits ? h.longValue() + th.base().longValue() : 0;
            IntFunction<PFloat> at = i -> canonical.computeIfAbsent(
                    fits ? round(hb + small[i], low) : round(h.add(lows.get(i)).add(th.base()), low), x -> x);
            if (!runsOf(lows.size(), at, i -> h.add(lows.get(i)), cap, starts, values)) return false;
        }
        return true;
    }

    /**
     * Appends the runs of at(0), ..., at(size - 1), results of ascending sums (f_p is monotone, so
     * each result is one run of consecutive sums): each run's start, sumAt of its first index, and
     * its result; a run that goes on from the last one appended (the same result) is not
     * appended again. Gallops to each run's end rather than rounding every sum (value sums have
     * up to maxSums sums and far fewer runs). False when there are more than {@code cap} runs.
     */
    private static boolean runsOf(
            int size,
            IntFunction<PFloat> at,
            IntFunction<BigInteger> sumAt,
            int cap,
            List<BigInteger> starts,
            List<PFloat> values) {
        PFloat v = at.apply(0);
        for (int i = 0; i < size; ) {
            if (values.isEmpty() || !v.equals(values.getLast())) {
                starts.add(sumAt.apply(i));
                values.add(v);
                if (values.size() > cap) return false;
            }
            int lo = i, hi = size; // at(lo) = v; hi = size or at(hi) != v
            PFloat atHi = null;
            for (int step = 1; lo + step < size; step <<= 1) {
                PFloat u = at.apply(lo + step);
                if (!u.equals(v)) {
                    hi = lo + step;
                    atHi = u;
                    break;
                }
                lo += step;
            }
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                PFloat u = at.apply(mid);
                if (u.equals(v)) lo = mid;
                else {
                    hi = mid;
                    atHi = u;
                }
            }
            i = hi;
            v = atHi;
        }
        return true;
    }

    /** The value-set route's refusal of a sum with too many results. */
    private LoweringLimitException tooManyResults(LinearForm lf) {
        return ctx.limitPassed(
                "a sum of " + lf.domains().size() + " independent scalars (" + mintermRange(lf) + ") has more than "
                        + ctx.limits().maxSums() + " possible exact values and ranges over more than "
                        + ctx.limits().maxRuns()
                        + " p-precision results (value-set analysis cannot narrow it; the lookup tables after it would be too large)");
    }

    /** "4 minterms each", or "2 to 9 minterms": one line also for a sum over thousands of positions. */
    private static String mintermRange(LinearForm lf) {
        int min = lf.domains().stream().mapToInt(Domain::size).min().orElse(0);
        int max = lf.domains().stream().mapToInt(Domain::size).max().orElse(0);
        return min == max ? min + " minterms each" : min + " to " + max + " minterms";
    }

    /** The smallest s' in (s, top] with a result other than v, or null. */
    private BigInteger nextRun(BigInteger s, BigInteger top, PFloat v, BigInteger base, int low) {
        if (top.bitLength() < 61 && base.bitLength() < 61) {
            // every base + s' fits 62 bits: the same search on longs (no BigInteger per step)
            long next = nextRun(s.longValue(), top.longValue(), v, base.longValue(), low);
            return next < 0 ? null : BigInteger.valueOf(next);
        }
        if (round(top.add(base), low).equals(v)) return null;
        BigInteger lo = s, hi = top; // round(lo) = v, round(hi) != v
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (round(mid.add(base), low).equals(v)) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /** {@link #nextRun(BigInteger, BigInteger, PFloat, BigInteger, int)} where |base| and top are below 2^60; -1 for none. */
    private long nextRun(long s, long top, PFloat v, long base, int low) {
        if (round(top + base, low).equals(v)) return -1;
        // f_p truncates the magnitude to its top bits: the run ends where the next kept unit
        // starts, checked below (two roundings instead of a search of ~60)
        long guess = runEnd(s + base, low) - base;
        if (guess > s
                && guess <= top
                && round(guess - 1 + base, low).equals(v)
                && !round(guess + base, low).equals(v)) {
            return guess;
        }
        long lo = s, hi = top; // round(lo) = v, round(hi) != v
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (round(mid + base, low).equals(v)) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /**
     * The grid sum after the last one whose f_p equals that of x, when f_p keeps the top
     * mantissa bits of |x| (truncating) and does not saturate; a guess that the caller checks.
     */
    private long runEnd(long x, int low) {
        long a = Math.abs(x), k = (long) low - prec.iMin();
        long length = (64 - Long.numberOfLeadingZeros(a)) + k;
        long dropped = length <= prec.mantissaBits() ? -k : length - prec.mantissaBits() - k;
        if (dropped >= 62) return Long.MAX_VALUE; // one run to the top
        long unit = dropped <= 0 ? 1 : 1L << dropped; // grid sums per kept unit of magnitude
        long floor = a / unit * unit;
        return x >= 0 ? floor + unit : 1 - floor;
    }

    /** [⊕ terms &gt; 0]: f_p keeps the sign, so the exact grid sum decides; no normaliser. */
    int positive(List<Scalar> terms) {
        LinearForm lf = linearForm(terms);
        if (lf == null) return Literal.FALSE;
        if (lf.isPointwise()) {
            BigInteger[] z = lf.pointwiseSums();
            boolean[] on = new boolean[z.length];
            for (int k = 0; k < z.length; k++) on[k] = z[k].signum() > 0;
            return domains.anyOf(lf.domains().getFirst(), on);
        }
        Threshold th = Threshold.of(ctx, lf);
        BigInteger t = BigInteger.ONE.subtract(th.base());
        if (th.top().compareTo(t) < 0) return Literal.FALSE;
        if (t.signum() <= 0) return Literal.TRUE;
        return th.atLeast(List.of(th.sums() == null ? t : th.sums().ceiling(t)))[0];
    }
}
