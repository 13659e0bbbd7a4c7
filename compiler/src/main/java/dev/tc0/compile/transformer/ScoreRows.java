package dev.tc0.compile.transformer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One head's attention scores σ_ij = ⊕_t q_it ⊗ k_jt, one row per distinct query, kept from one
 * pass to the next with the head outputs computed from them. A score is a function of the query
 * and key rows alone, so a row computed for the same query in the previous pass is still exact
 * wherever the key did not change, and only the changed keys are scored again; an output computed
 * from unchanged scores is still exact when none of the values it averaged changed. Inputs that
 * share most of their tokens (advice ‖ x for every x) differ in a few keys and values per layer,
 * and positions with equal queries share one row within a pass.
 */
final class ScoreRows {
    private final PackedArithmetic ar;
    private final int offset, size, valueOffset, valueSize;
    private final long[] terms;
    private final Budget budget;

    /**
     * The scores and outputs kept for the next pass, in longs, shared by a pass' heads: a row per
     * position is n² scores (512 MiB per head at n = 8192), so past the budget rows are computed
     * as before but not kept. {@link #reset} at the start of each pass.
     */
    static final class Budget {
        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        void reset() {
            used = 0;
        }

        private boolean take(long longs) {
            if (used + longs > max) return false;
            used += longs;
            return true;
        }
    }
    /** The previous finished pass: its keys, values and rows by query. */
    private long[][] keys, values;

    private Map<Query, Row> rows = new HashMap<>();
    /** This pass: keys, values, rows so far, and the positions whose key or value changed. */
    private long[][] current, currentValues;

    private Map<Query, Row> next;
    private int[] changed, changedValues;
    private int changedCount, changedValueCount;

    /**
     * The head's key coordinates are {@code offset .. offset + size - 1} of each key row, its
     * value coordinates {@code valueOffset .. valueOffset + valueSize - 1} of each value row.
     */
    ScoreRows(PackedArithmetic ar, int offset, int size, int valueOffset, int valueSize, Budget budget) {
        this.ar = ar;
        this.budget = budget;
        this.offset = offset;
        this.size = size;
        this.valueOffset = valueOffset;
        this.valueSize = valueSize;
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

    /** One query's scores against every key, and what the pass computed from them. */
    static final class Row {
        final long[] scores;
        /** Whether the scores are those of the previous pass. */
        boolean unchanged;
        /** A non-causal head: the arg-max set (ascending) and the output. */
        int[] argmax;

        int count;
        long[] output;
        /** A causal head: the output at each position. */
        long[][] outputs;

        Row(long[] scores) {
            this.scores = scores;
        }
    }

    /** Starts a pass with these keys and values (all positions). */
    void begin(long[][] k, long[][] v) {
        if (next != null) { // the previous pass did not finish: its rows may be half updated
            keys = null;
            rows = new HashMap<>();
        }
        current = k;
        currentValues = v;
        next = new HashMap<>();
        changedCount = changedValueCount = -1; // every key, unless the previous pass had as many positions
        if (keys == null || keys.length != k.length) return;
        changed = new int[k.length];
        changedValues = new int[k.length];
        changedCount = changedValueCount = 0;
        for (int j = 0; j < k.length; j++) {
            if (!Arrays.equals(k[j], offset, offset + size, keys[j], offset, offset + size))
                changed[changedCount++] = j;
            if (!Arrays.equals(
                    v[j], valueOffset, valueOffset + valueSize, values[j], valueOffset, valueOffset + valueSize))
                changedValues[changedValueCount++] = j;
        }
    }

    /**
     * The row of query {@code q} (this head's coordinates) against every key of the pass; once per
     * query and pass.
     */
    Row row(Query query) {
        Row r = rows.get(query);
        if (r != null && changedCount >= 0) {
            boolean same = true;
            for (int c = 0; c < changedCount; c++) {
                long s = score(query.q, current[changed[c]]);
                same &= s == r.scores[changed[c]];
                r.scores[changed[c]] = s;
            }
            r.unchanged = same;
        } else {
            r = new Row(new long[current.length]);
            for (int j = 0; j < r.scores.length; j++) r.scores[j] = score(query.q, current[j]);
        }
        // the scores, and a causal head's outputs: a reference per position
        if (budget.take(2L * r.scores.length)) next.put(query, r);
        return r;
    }

    /** Whether this head's values at positions 0..end-1 are those of the previous pass. */
    boolean valuesUnchangedBefore(int end) {
        return changedValueCount == 0 || changedValueCount > 0 && changedValues[0] >= end;
    }

    /** Whether this head's values at the given positions (ascending) are those of the previous pass. */
    boolean valuesUnchangedAt(int[] positions, int count) {
        if (changedValueCount < 0) return false;
        for (int c = 0; c < changedValueCount; c++)
            if (Arrays.binarySearch(positions, 0, count, changedValues[c]) >= 0) return false;
        return true;
    }

    /** Ends the pass: its keys, values and rows are the next pass' starting point. */
    void end() {
        keys = current;
        values = currentValues;
        rows = next;
        next = null;
        current = currentValues = null;
    }

    /** σ = ⊕ over the query's nonzero coordinates t of q_t ⊗ k_t (a zero product adds nothing). */
    private long score(long[] q, long[] k) {
        int n = 0;
        for (int t = 0; t < size; t++)
            if (!PackedArithmetic.isZero(q[t])) terms[n++] = ar.multiply(q[t], k[offset + t]);
        return ar.sum(terms, 0, n);
    }
}
