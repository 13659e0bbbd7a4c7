package dev.tc0.compile.lowering;

/**
 * A set of circuit literals of which exactly one is true on every valid input: the minterms of
 * Lemma 1 for one scalar (or a tuple of scalars). Identity matters: two scalars over the same
 * domain are functions of the same minterms, so operations on them are pointwise and cost no gates.
 *
 * <p>A domain made by a sum (runs of equal results of an exact grid sum S) also keeps its cuts:
 * {@code cuts[r]} = [S ≥ start of run r], with {@code cuts[0]} true and {@code cuts[size]} false,
 * so minterm r is AND(cuts[r], ¬cuts[r + 1]) and any interval of runs is one AND (a prefix or a
 * suffix is a cut itself): comparisons after a sum cost no OR over its minterms.
 *
 * <p>With block sums a domain of runs may be <em>lazy</em> ({@link LazyRuns}): its minterms and
 * cuts are built when first read, and a reader that needs only a few cuts ({@link #cut}: a sign,
 * a comparison) gets each as one test on the sum's terms, so the other tests are never built.
 *
 * @param id unique per builder, for memoising products
 * @param lits the literals, exactly one true (filled by {@code lazy} when it is not null)
 * @param cuts null, or the threshold literals of a domain of runs
 * @param lazy null, or what builds lits and cuts when first read
 */
public record Domain(int id, int[] lits, int[] cuts, LazyRuns lazy) {

    public Domain(int id, int[] lits) {
        this(id, lits, null, null);
    }

    public Domain(int id, int[] lits, int[] cuts) {
        this(id, lits, cuts, null);
    }

    @Override
    public int[] lits() {
        if (lazy != null) lazy.all();
        return lits;
    }

    @Override
    public int[] cuts() {
        if (lazy != null) lazy.all();
        return cuts;
    }

    /** Whether this is a domain of runs (without building a lazy one's cuts). */
    public boolean hasCuts() {
        return cuts != null;
    }

    /** {@code cuts()[r]}; on a lazy domain, that cut alone while few are asked for. */
    int cut(int r) {
        return lazy != null ? lazy.cut(r) : cuts[r];
    }

    /**
     * {@code cuts()[r]} when it exists without building a gate (a built domain's cut, or a lazy
     * one's that is built or decided by one term, {@link LazyRuns#knownCut}); else {@link
     * LazyRuns#UNKNOWN}, also for a domain without cuts.
     */
    int knownCut(int r) {
        if (lazy != null) return lazy.knownCut(r);
        return cuts != null ? cuts[r] : LazyRuns.UNKNOWN;
    }

    public int size() {
        return lits.length;
    }

    public boolean isConstant() {
        return lits.length == 1;
    }
}
