package dev.tc0.compile.transformer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One head's attention scores σ_ij = ⊕_t q_it ⊗ k_jt, one row per distinct query, kept from one
 * pass to the next. A score is a function of the query and key rows alone, so a row computed for
 * the same query in the previous pass is still exact wherever the key did not change, and only the
 * changed keys are scored again. Inputs that share most of their tokens (advice ‖ x for every x)
 * differ in a few keys per layer, and positions with equal queries share one row within a pass.
 */
final class ScoreRows {
    private final PackedArithmetic ar;
    private final int offset, size;
    private final long[] terms;
    /** The previous finished pass: its key matrix and its rows by query. */
    private long[][] keys;

    private Map<Query, long[]> rows = new HashMap<>();
    /** This pass: keys, rows so far, and the positions whose key differs from the previous pass'. */
    private long[][] current;

    private Map<Query, long[]> next;
    private int[] changed;
    private int changedCount;

    /** The head's key coordinates are {@code offset .. offset + size - 1} of each key row. */
    ScoreRows(PackedArithmetic ar, int offset, int size) {
        this.ar = ar;
        this.offset = offset;
        this.size = size;
        terms = new long[size];
    }

    /** A query's coordinates of this head, compared by content. */
    static final class Query {
        final long[] q;
        private final int hash;

        Query(long[] q) {
            this.q = q;
            hash = Arrays.hashCode(q);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Query other && other.hash == hash && Arrays.equals(other.q, q);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Starts a pass with these keys (all positions). */
    void begin(long[][] k) {
        if (next != null) { // the previous pass did not finish: its rows may be half updated
            keys = null;
            rows = new HashMap<>();
        }
        current = k;
        next = new HashMap<>();
        changedCount = -1; // every key, unless the previous pass had as many positions
        if (keys == null || keys.length != k.length) return;
        changed = new int[k.length];
        changedCount = 0;
        for (int j = 0; j < k.length; j++)
            if (!Arrays.equals(k[j], offset, offset + size, keys[j], offset, offset + size))
                changed[changedCount++] = j;
    }

    /** The scores of query {@code q} (this head's coordinates) against every key of the pass. */
    long[] row(Query query) {
        long[] r = next.get(query);
        if (r != null) return r;
        r = rows.get(query);
        if (r != null && changedCount >= 0) {
            for (int c = 0; c < changedCount; c++) r[changed[c]] = score(query.q, current[changed[c]]);
        } else {
            r = new long[current.length];
            for (int j = 0; j < r.length; j++) r[j] = score(query.q, current[j]);
        }
        next.put(query, r);
        return r;
    }

    /** Ends the pass: its keys and rows are the next pass' starting point. */
    void end() {
        keys = current;
        rows = next;
        next = null;
        current = null;
    }

    /** σ = ⊕ over the query's nonzero coordinates t of q_t ⊗ k_t (a zero product adds nothing). */
    private long score(long[] q, long[] k) {
        int n = 0;
        for (int t = 0; t < size; t++)
            if (!PackedArithmetic.isZero(q[t])) terms[n++] = ar.multiply(q[t], k[offset + t]);
        return ar.sum(terms, 0, n);
    }
}
