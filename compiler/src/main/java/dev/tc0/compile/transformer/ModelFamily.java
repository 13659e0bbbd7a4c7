package dev.tc0.compile.transformer;

/**
 * One transformer for every input length n, as in the paper's statements: {@link #at} gives the
 * concrete model that runs inputs of length n (its max_seq_len is at least n), which the reference
 * and the compiler read like any other model. A JSON model with a table is a family bounded by its
 * max_seq_len ({@link #bounded}); a rule-based one ({@link RuleFamily}) materialises its
 * n-dependent parameters at n; the Java builders are families too (ModelRegistry).
 */
public interface ModelFamily {
    /**
     * The longest length any family is materialised at: far past anything tc0 compiles or runs
     * (the reference's attention is n² per head), and a position table of that many rows is
     * still small.
     */
    int MAX_LENGTH = 1 << 20;

    /** The most position-table entries (n·d_model) a family materialises: 1 GiB of doubles. */
    long MAX_TABLE = 1L << 27;

    String name();

    /** The model for inputs of length n; an n outside 1..{@link #maxN()} is an IllegalArgumentException saying why. */
    Transformer at(int n);

    /** The largest n {@link #at} accepts. */
    int maxN();

    /** A fixed model: every n up to its max_seq_len gets the model itself. */
    static ModelFamily bounded(Transformer t) {
        return new ModelFamily() {
            @Override
            public String name() {
                return t.name();
            }

            @Override
            public Transformer at(int n) {
                if (n < 1 || n > t.config().maxSeqLen())
                    throw new IllegalArgumentException("n = " + n + " is outside 1.."
                            + t.config().maxSeqLen() + " (max_seq_len of " + t.name() + ")");
                return t;
            }

            @Override
            public int maxN() {
                return t.config().maxSeqLen();
            }
        };
    }
}
