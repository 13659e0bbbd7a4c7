package dev.tc0.spark;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Patterns {@code first .. first + count - 1} of a batch: one Spark partition's share. Every range
 * but the last starts and ends on a 64-pattern word, so a task fills exactly the words the
 * single-machine engine fills for the same patterns and its output planes are whole words of the
 * batch's planes.
 */
public record PatternRange(long first, long count) implements Serializable {
    /** Patterns per plane word: the unit no split may cut. */
    public static final int WORD = 64;

    public PatternRange {
        if (first < 0 || count < 0 || first % WORD != 0) {
            throw new IllegalArgumentException(
                    "a range starts at a non-negative multiple of 64, not " + first + " (+" + count + ")");
        }
    }

    /**
     * Cuts {@code total} patterns into at most {@code parts} ranges of whole words, as equal as
     * the words allow, in order; fewer ranges when there are fewer words than parts.
     */
    public static List<PatternRange> split(long total, int parts) {
        if (total < 0) throw new IllegalArgumentException("negative pattern count " + total);
        if (parts < 1) throw new IllegalArgumentException("at least one partition, not " + parts);
        long words = total / WORD + (total % WORD == 0 ? 0 : 1);
        int n = (int) Math.max(1, Math.min(parts, words));
        List<PatternRange> out = new ArrayList<>(n);
        long prev = 0;
        for (int p = 1; p <= n; p++) {
            long end = p == n ? total : mulDiv(words, p, n) * WORD;
            out.add(new PatternRange(prev, end - prev));
            prev = end;
        }
        return out;
    }

    /** {@code a * b / c} for non-negative operands, exact when {@code a * b} passes 2^63. */
    private static long mulDiv(long a, long b, long c) {
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) return a * b / c;
        return BigInteger.valueOf(a)
                .multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(c))
                .longValueExact();
    }
}
