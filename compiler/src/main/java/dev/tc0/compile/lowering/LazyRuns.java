package dev.tc0.compile.lowering;

import dev.tc0.circuit.Literal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The cuts and minterms of a sum's runs (a lazy {@link Domain}), built when first read. A sum is
 * built with a test per run of its results, but many are read at one cut or two (a mean's sign, a
 * balance below zero): those cuts come alone, each one weighted gate on the sum's terms, and the
 * tests of the other runs are never built. Past {@link #MAX_SINGLE} cuts asked for one at a time,
 * or when a reader needs the minterms, every test is built on the sum's route (with block sums, {@link BlockCount}
 * or {@link Threshold}'s blocks). A coarsening (a merge of consecutive runs) is a view that reads
 * its parent's cuts, so the tests are built once. Used with block sums only, where a sum's tests
 * cost two stages that a reader of one cut does not need.
 */
final class LazyRuns {
    /** Cuts built alone before the rest are built together. */
    static final int MAX_SINGLE = 4;

    private final LoweringContext ctx;
    /** The sum's tests and run starts; for a coarsening, null, with parent and index instead. */
    private final Threshold th;

    private final List<BigInteger> starts;
    /**
     * Null, or why every test may not be built: the runs were found past the cap on runs
     * ({@link ScalarLowering.Limits#maxRuns}), which a lazy domain may hold while its readers ask
     * for a few cuts only.
     */
    private final String unbuildable;

    private final LazyRuns parent;
    /** Of a coarsening: run g is the parent's runs from index[g] to index[g + 1] - 1. */
    private final int[] index;

    private final int[] lits, cuts;
    private final boolean[] built;
    private int singles;
    private boolean all;
    private Runnable whenBuilt;

    /**
     * Runs starting at {@code starts} (the first at 0) of the sum that {@code th} tests; {@code
     * unbuildable} null, or the message of the limit that building every test would pass.
     */
    LazyRuns(LoweringContext ctx, Threshold th, List<BigInteger> starts, String unbuildable) {
        this(ctx, th, starts, unbuildable, null, null, starts.size());
    }

    private LazyRuns(
            LoweringContext ctx,
            Threshold th,
            List<BigInteger> starts,
            String unbuildable,
            LazyRuns parent,
            int[] index,
            int runs) {
        this.ctx = ctx;
        this.th = th;
        this.starts = starts;
        this.unbuildable = unbuildable;
        this.parent = parent;
        this.index = index;
        lits = new int[runs];
        cuts = new int[runs + 1];
        built = new boolean[runs + 1];
        cuts[0] = Literal.TRUE;
        cuts[runs] = Literal.FALSE;
        built[0] = built[runs] = true;
    }

    /** The runs grouped: group g is the runs from first[g] to first[g + 1] - 1 (first[0] = 0). */
    LazyRuns coarser(int[] first) {
        return new LazyRuns(ctx, null, null, null, this, first.clone(), first.length);
    }

    /** Runs after {@link #all} has built the minterms (the domain registers its literals). */
    void whenBuilt(Runnable r) {
        whenBuilt = r;
    }

    /** The minterms' array, filled by {@link #all}. */
    int[] lits() {
        return lits;
    }

    /** The cuts' array, filled by {@link #cut} and {@link #all}. */
    int[] cuts() {
        return cuts;
    }

    /**
     * [S ≥ start of run r] when it costs no gate: built already, or decided by one term of the
     * sum ({@link Threshold#deciders}: that term's literal); else {@link #UNKNOWN}.
     */
    int knownCut(int r) {
        if (built[r]) return cuts[r];
        int cut;
        if (parent != null) {
            cut = parent.knownCut(index[r]);
        } else {
            int[] deciders = th.deciders(starts.get(r));
            cut = deciders == null || deciders.length > 1
                    ? UNKNOWN
                    : deciders.length == 0 ? Literal.FALSE : deciders[0];
        }
        if (cut == UNKNOWN) return UNKNOWN;
        cuts[r] = cut;
        built[r] = true;
        return cut;
    }

    /** What {@link #knownCut} returns for a cut that would need a gate. */
    static final int UNKNOWN = -1;

    /** [S ≥ start of run r]. */
    int cut(int r) {
        if (knownCut(r) != UNKNOWN) return cuts[r];
        if (parent != null) {
            cuts[r] = parent.cut(index[r]);
        } else if (singles++ >= MAX_SINGLE) {
            all();
            return cuts[r];
        } else {
            cuts[r] = th.atLeast(List.of(starts.get(r)))[0];
        }
        built[r] = true;
        return cuts[r];
    }

    /** Builds every cut not built yet (on the sum's route, or the parent's) and every minterm. */
    void all() {
        if (all) return;
        if (unbuildable != null) throw new LoweringLimitException(unbuildable);
        all = true;
        if (parent != null) {
            for (int r = 1; r < lits.length; r++) {
                if (built[r]) continue;
                if (!parent.built[index[r]]) parent.all();
                cuts[r] = parent.cuts[index[r]];
                built[r] = true;
            }
        } else {
            List<BigInteger> rest = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int r = 1; r < lits.length; r++) {
                if (built[r]) continue;
                rest.add(starts.get(r));
                at.add(r);
            }
            int[] tests = th.atLeast(rest);
            for (int k = 0; k < tests.length; k++) {
                cuts[at.get(k)] = tests[k];
                built[at.get(k)] = true;
            }
        }
        for (int r = 0; r < lits.length; r++) lits[r] = ctx.and(cuts[r], Literal.not(cuts[r + 1]));
        if (whenBuilt != null) whenBuilt.run();
    }
}
