package dev.tc0.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * What tasks send back: patterns evaluated, ones per output and, when asked for, the accepted set.
 * Merging is exact (sums checked for overflow, bitmaps united) and order-free, so the result does
 * not depend on how Spark groups or orders partitions.
 */
public final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    private long patterns;
    private final long[] ones;
    private final Roaring64NavigableMap accepted; // null when not asked for
    private long evalNanos;

    public Tally(long patterns, long[] ones, Roaring64NavigableMap accepted, long evalNanos) {
        this.patterns = patterns;
        this.ones = ones.clone();
        this.accepted = accepted;
        this.evalNanos = evalNanos;
    }

    /** The neutral element: nothing evaluated. */
    public static Tally empty(int outputs, boolean accepted) {
        return new Tally(0, new long[outputs], accepted ? new Roaring64NavigableMap() : null, 0);
    }

    /** Adds {@code other} into this tally and returns this one. */
    public Tally merge(Tally other) {
        if (other.ones.length != ones.length || (other.accepted == null) != (accepted == null)) {
            throw new IllegalArgumentException("tallies of different jobs");
        }
        patterns = Math.addExact(patterns, other.patterns);
        for (int o = 0; o < ones.length; o++) ones[o] = Math.addExact(ones[o], other.ones[o]);
        if (accepted != null) accepted.or(other.accepted);
        evalNanos += other.evalNanos;
        return this;
    }

    public long patterns() {
        return patterns;
    }

    public long[] ones() {
        return ones.clone();
    }

    /** The accepted set, or null when the job did not collect it. */
    public Roaring64NavigableMap accepted() {
        return accepted;
    }

    /** Evaluation time summed over tasks (each task's engine time; I/O excluded). */
    public long evalNanos() {
        return evalNanos;
    }

    @Override
    public String toString() {
        return "Tally[" + patterns + " patterns, ones " + Arrays.toString(ones) + "]";
    }
}
