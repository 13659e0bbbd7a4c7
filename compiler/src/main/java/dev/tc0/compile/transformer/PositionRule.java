package dev.tc0.compile.transformer;

import java.util.List;

/**
 * Columns of {@code pos_embed} given by a closed form instead of a table: row i, column c holds
 * {@code scale·form(i, n)}, or for {@link Form#ONE_HOT} the k-th column holds {@code scale} at
 * position {@code first + k} and 0 elsewhere. Rules add up; columns no rule names are 0.
 *
 * @param first for one_hot only, the position of the first column's 1 (Tracr's indices start after
 *     BOS, at 1); 0 for the other forms
 */
public record PositionRule(List<Integer> columns, Form form, double scale, int first) {

    public PositionRule {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("columns: must name at least one column");
        if (!Double.isFinite(scale)) throw new IllegalArgumentException("scale: must be finite");
        if (first < 0) throw new IllegalArgumentException("first: must not be negative, got " + first);
        if (form != Form.ONE_HOT && first != 0)
            throw new IllegalArgumentException("first: only for the form \"one_hot\"");
    }

    public static PositionRule of(int column, Form form) {
        return new PositionRule(List.of(column), form, 1, 0);
    }

    public static PositionRule oneHot(List<Integer> columns, int first) {
        return new PositionRule(columns, Form.ONE_HOT, 1, first);
    }

    /** Checks the columns against d_model; {@code at} names the rule in messages. */
    void checkColumns(String at, int dModel) {
        for (int k = 0; k < columns.size(); k++) {
            int c = columns.get(k);
            if (c < 0 || c >= dModel)
                throw new IllegalArgumentException(
                        at + ".columns[" + k + "]: column " + c + " is outside 0.." + (dModel - 1) + " (d_model)");
        }
    }

    /** Adds this rule's values to the n rows of a position table of length n. */
    void addTo(double[][] table, int n) {
        if (form == Form.ONE_HOT) {
            for (int k = 0; k < columns.size() && first + k < n; k++) table[first + k][columns.get(k)] += scale;
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = scale * form.value(i, n); // exact when scale is 1
            for (int c : columns) table[i][c] += v;
        }
    }
}
