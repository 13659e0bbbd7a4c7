package dev.tc0.compile.transformer;

/**
 * The closed forms of (i, n) that a family's n-dependent parameters take (src/docs/model-format.md,
 * Families): i is the position (0-based, BOS included), n the length the family is materialised at.
 * A value is the IEEE double nearest the exact real (integers below 2^53 and one correctly rounded
 * division each), which the model's number format then truncates to p bits like any other weight.
 */
public enum Form {
    /** i */
    I("i", true),
    /** i² */
    I_SQUARED("i^2", true),
    /** i/n */
    I_OVER_N("i/n", true),
    /** 1/(i+1) */
    INVERSE_I_PLUS_1("1/(i+1)", true),
    /** 1 at position {@code first + k} in the k-th listed column, 0 elsewhere: Tracr's categorical indices. */
    ONE_HOT("one_hot", true),
    /** n */
    N("n", false),
    /** n² */
    N_SQUARED("n^2", false),
    /** 1/n */
    INVERSE_N("1/n", false);

    private final String json;
    private final boolean positional;

    Form(String json, boolean positional) {
        this.json = json;
        this.positional = positional;
    }

    public String json() {
        return json;
    }

    /** Whether the form varies with the position i (then only {@code pos_embed} may use it). */
    public boolean positional() {
        return positional;
    }

    public static Form fromJson(String name) {
        for (Form f : values()) if (f.json.equals(name)) return f;
        return null;
    }

    /** The names, for messages: {@code "i", "i^2", ...}. */
    public static String names() {
        StringBuilder s = new StringBuilder();
        for (Form f : values())
            s.append(s.isEmpty() ? "" : ", ").append('"').append(f.json).append('"');
        return s.toString();
    }

    /** The value at position i of length n; {@link #ONE_HOT} is placed by {@link PositionRule}, not here. */
    public double value(int i, int n) {
        return switch (this) {
            case I -> i;
            case I_SQUARED -> (double) i * i;
            case I_OVER_N -> (double) i / n;
            case INVERSE_I_PLUS_1 -> 1.0 / (i + 1);
            case N -> n;
            case N_SQUARED -> (double) n * n;
            case INVERSE_N -> 1.0 / n;
            case ONE_HOT -> throw new IllegalStateException("one_hot has no single value");
        };
    }
}
