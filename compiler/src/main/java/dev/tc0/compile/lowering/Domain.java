package dev.tc0.compile.lowering;

/**
 * A set of circuit literals of which exactly one is true on every valid input: the minterms of
 * Lemma 1 for one scalar (or a tuple of scalars). Identity matters: two scalars over the same
 * domain are functions of the same minterms, so operations on them are pointwise and cost no gates.
 *
 * @param id unique per builder, for memoising products
 * @param lits the literals, exactly one true
 */
public record Domain(int id, int[] lits) {

    public int size() {
        return lits.length;
    }

    public boolean isConstant() {
        return lits.length == 1;
    }
}
