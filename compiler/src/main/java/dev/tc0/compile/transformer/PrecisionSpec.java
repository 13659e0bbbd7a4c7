package dev.tc0.compile.transformer;

import dev.tc0.compile.number.Precision;

/**
 * The precision p of a model: fixed, or c·log2(n) for input length n (the paper's log precision),
 * rounded up to an even number of bits and at least 4.
 *
 * @param fixedBits p, or 0 when derived
 * @param perLog2N c, or 0 when fixed
 */
public record PrecisionSpec(int fixedBits, double perLog2N) {

    public PrecisionSpec {
        if ((fixedBits == 0) == (perLog2N == 0))
            throw new IllegalArgumentException("give either fixed bits or c, not both");
        if (fixedBits != 0) Precision.of(fixedBits);
        if (perLog2N < 0 || !Double.isFinite(perLog2N))
            throw new IllegalArgumentException("c must be positive: " + perLog2N);
    }

    public static PrecisionSpec bits(int p) {
        return new PrecisionSpec(p, 0);
    }

    public static PrecisionSpec perLog2N(double c) {
        return new PrecisionSpec(0, c);
    }

    public boolean isFixed() {
        return fixedBits != 0;
    }

    /** p for inputs of length n. */
    public int bitsFor(int n) {
        if (isFixed()) return fixedBits;
        double raw = perLog2N * Math.log(n) / Math.log(2);
        double p = 2 * Math.ceil(raw / 2 - 1e-9); // in double: a huge c saturates instead of wrapping to a small p
        return (int) Math.max(4, Math.min(p, Integer.MAX_VALUE - 1));
    }

    /**
     * The paper's requirement (footnote 11): tokens as integers up to |Σ| and positions as
     * integers up to n fit in p bits, log2|Σ| + log2 n &lt;= p. Returns null when it holds, else why not.
     */
    public String violation(int vocabSize, int n) {
        int p = bitsFor(n);
        double need = log2(vocabSize) + log2(n);
        if (p > 64) return "precision " + describe() + " gives p=" + p + " bits at n=" + n + ", more than 64";
        if (need > p + 1e-9) {
            return String.format(
                    "precision %s gives p=%d bits at n=%d, but log2|vocab| + log2 n = log2 %d + log2 %d = %.2f > p",
                    describe(), p, n, vocabSize, n, need);
        }
        return null;
    }

    /**
     * The largest n &lt;= cap such that every length 1..n meets {@link #violation}, or 0 if n = 1
     * already breaks it. On a stretch of n where p stays the same, only log2 n grows, so the first
     * violation there is found by bisection; a fixed p is one stretch, a derived p (non-decreasing
     * in n) a few dozen.
     */
    public int largestN(int vocabSize, int cap) {
        int n = 1;
        while (n <= cap) {
            int p = bitsFor(n), end = lastWith(n, cap, m -> bitsFor(m) == p);
            if (violation(vocabSize, n) != null) return n - 1;
            int ok = lastWith(n, end, m -> violation(vocabSize, m) == null);
            if (ok < end) return ok;
            n = end + 1;
            if (n <= 0) break; // cap = Integer.MAX_VALUE
        }
        return cap;
    }

    /** The largest m in lo..hi with test(m), given test(lo) and test monotone (true, then false). */
    private static int lastWith(int lo, int hi, java.util.function.IntPredicate test) {
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) >>> 1);
            if (test.test(mid)) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public String describe() {
        return isFixed() ? fixedBits + " bits" : perLog2N + "·log2(n)";
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
