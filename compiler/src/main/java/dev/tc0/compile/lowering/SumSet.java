package dev.tc0.compile.lowering;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The possible values of a sum of independent terms: {w_1 + ... + w_g : w_i one of term i's
 * values}, each term's values nonnegative grid integers, or null once the set passes a cap.
 *
 * <p>This runs once per threshold sum of the lowering, thousands of times per model, with sets of
 * up to the cap (65,536) over up to n terms; with a TreeSet of BigIntegers it took most of
 * sort_unique's compile time at n = 64. Here a narrow range is a bit set, shifted and ORed once per
 * term value; a wide one, sorted longs merged per term; BigIntegers only past 62 bits.
 */
final class SumSet {
    private SumSet() {}

    /** Bit sets up to this range: 2^24 bits, 2 MB, a few word passes per term value. */
    private static final int DENSE_BITS = 24;

    /** @param terms each term's distinct values, all &gt;= 0; @param top the largest sum (the sum of the maxima) */
    static TreeSet<BigInteger> of(List<BigInteger[]> terms, BigInteger top, int cap) {
        if (top.bitLength() <= DENSE_BITS) return dense(terms, top.intValueExact(), cap);
        if (top.bitLength() < 63) return sparse(terms, cap);
        return wide(terms, cap);
    }

    private static TreeSet<BigInteger> dense(List<BigInteger[]> terms, int top, int cap) {
        int words = (top >>> 6) + 1;
        long[] cur = new long[words];
        cur[0] = 1;
        int reach = 0; // the largest sum so far: shifts only touch words up to it
        for (BigInteger[] term : terms) {
            long[] next = new long[words];
            int termMax = 0;
            for (BigInteger w : term) {
                int shift = w.intValueExact();
                termMax = Math.max(termMax, shift);
                orShifted(cur, reach >>> 6, shift, next);
            }
            reach += termMax;
            cur = next;
            int count = 0;
            for (int i = 0; i <= reach >>> 6 && i < words; i++) count += Long.bitCount(cur[i]);
            if (count > cap) return null;
        }
        TreeSet<BigInteger> out = new TreeSet<>();
        for (int i = 0; i < words; i++) {
            for (long bits = cur[i]; bits != 0; bits &= bits - 1)
                out.add(BigInteger.valueOf(((long) i << 6) + Long.numberOfTrailingZeros(bits)));
        }
        return out;
    }

    /** next |= src &lt;&lt; shift, for src's words 0..lastWord. */
    private static void orShifted(long[] src, int lastWord, int shift, long[] next) {
        int wordShift = shift >>> 6, bitShift = shift & 63;
        for (int i = 0; i <= lastWord && i + wordShift < next.length; i++) {
            long v = src[i];
            if (v == 0) continue;
            next[i + wordShift] |= v << bitShift;
            if (bitShift != 0 && i + wordShift + 1 < next.length) next[i + wordShift + 1] |= v >>> (64 - bitShift);
        }
    }

    private static TreeSet<BigInteger> sparse(List<BigInteger[]> terms, int cap) {
        long[] cur = {0};
        for (BigInteger[] term : terms) {
            long[] next = new long[cur.length * term.length];
            int n = 0;
            for (BigInteger w : term) {
                long shift = w.longValueExact();
                for (long s : cur) next[n++] = s + shift;
            }
            Arrays.sort(next);
            int m = 0;
            for (int i = 0; i < n; i++) if (m == 0 || next[m - 1] != next[i]) next[m++] = next[i];
            if (m > cap) return null;
            cur = Arrays.copyOf(next, m);
        }
        TreeSet<BigInteger> out = new TreeSet<>();
        for (long s : cur) out.add(BigInteger.valueOf(s));
        return out;
    }

    private static TreeSet<BigInteger> wide(List<BigInteger[]> terms, int cap) {
        TreeSet<BigInteger> sums = new TreeSet<>();
        sums.add(BigInteger.ZERO);
        for (BigInteger[] term : terms) {
            TreeSet<BigInteger> next = new TreeSet<>();
            for (BigInteger s : sums) {
                for (BigInteger w : term) {
                    next.add(s.add(w));
                    if (next.size() > cap) return null;
                }
            }
            sums = next;
        }
        return sums;
    }
}
