package dev.tc0.compile.transformer;

import java.util.List;

/**
 * Entries of a weight that depend on the length n: {@code scale·form(n)} is added to each listed
 * entry of the parameter's table (where the file holds 0 for them), e.g. Dyck-1's gain 2n. Only
 * the forms without i ({@link Form#positional()} false) are weights.
 *
 * @param parameter a linear map's name, e.g. {@code layer_0/mlp/linear_1}
 * @param field {@code w} (entries are [row, column]) or {@code b} (entries are [column])
 */
public record WeightRule(String parameter, String field, List<List<Integer>> entries, Form form, double scale) {

    public WeightRule {
        entries = entries.stream().map(List::copyOf).toList();
        if (!field.equals("w") && !field.equals("b"))
            throw new IllegalArgumentException("field: expected \"w\" or \"b\", got \"" + field + "\"");
        if (entries.isEmpty()) throw new IllegalArgumentException("entries: must name at least one entry");
        if (form.positional())
            throw new IllegalArgumentException(
                    "form: \"" + form.json() + "\" varies with the position; a weight takes \"n\", \"n^2\" or \"1/n\"");
        if (!Double.isFinite(scale)) throw new IllegalArgumentException("scale: must be finite");
        int arity = field.equals("w") ? 2 : 1;
        for (List<Integer> e : entries)
            if (e.size() != arity)
                throw new IllegalArgumentException(
                        "entries: " + e + " is not a " + (arity == 2 ? "[row, column]" : "[column]"));
    }

    /** The value added at length n. */
    public double value(int n) {
        return scale * form.value(0, n);
    }

    /** Checks the entries against the map's shape; {@code at} names the rule in messages. */
    void checkEntries(String at, Linear l) {
        for (int k = 0; k < entries.size(); k++) {
            List<Integer> e = entries.get(k);
            boolean inside = field.equals("w")
                    ? e.get(0) >= 0 && e.get(0) < l.in() && e.get(1) >= 0 && e.get(1) < l.out()
                    : e.get(0) >= 0 && e.get(0) < l.out();
            if (!inside)
                throw new IllegalArgumentException(at + ".entries[" + k + "]: " + e + " is outside " + parameter + "."
                        + field + " (" + (field.equals("w") ? l.in() + "x" + l.out() : "length " + l.out()) + ")");
        }
    }

    /** Adds the value at length n to the map's entries (the map is a copy the caller owns). */
    void addTo(Linear l, int n) {
        double v = value(n);
        for (List<Integer> e : entries) {
            if (field.equals("w")) l.w()[e.get(0)][e.get(1)] += v;
            else l.b()[e.get(0)] += v;
        }
    }
}
