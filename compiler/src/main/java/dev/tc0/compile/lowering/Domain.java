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
 * @param id unique per builder, for memoising products
 * @param lits the literals, exactly one true
 * @param cuts null, or the threshold literals of a domain of runs
 */
public record Domain(int id, int[] lits, int[] cuts) {

    public Domain(int id, int[] lits) {
        this(id, lits, null);
    }

    public int size() {
        return lits.length;
    }

    public boolean isConstant() {
        return lits.length == 1;
    }
}
