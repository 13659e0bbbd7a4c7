package dev.tc0.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Sends a word index to the partition of the {@link PatternRange} that holds it, so that the
 * blocks of a Parquet input reach, sorted by word, the task that evaluates their range.
 */
final class WordPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] firstWords;

    WordPartitioner(List<PatternRange> ranges) {
        this.firstWords =
                ranges.stream().mapToLong(r -> r.first() / PatternRange.WORD).toArray();
    }

    /** The first word of each range. */
    long[] firstWords() {
        return firstWords.clone();
    }

    @Override
    public int numPartitions() {
        return firstWords.length;
    }

    @Override
    public int getPartition(Object key) {
        return rangeOf(firstWords, (Long) key);
    }

    /** Ranges start on distinct ascending words: a word's range is the last one starting at or before it. */
    static int rangeOf(long[] firstWords, long word) {
        int k = Arrays.binarySearch(firstWords, word);
        return k >= 0 ? k : Math.max(0, -k - 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordPartitioner w && Arrays.equals(w.firstWords, firstWords);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(firstWords);
    }
}
