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
 * term value; a wide one, sorted longs merged per term; BigIntegers only past 62 bits. The result
 * stays an array of longs while the sums fit one ({@link Sorted}).
 */
final class SumSet {
    private SumSet() {}

    /** Bit sets up to this range: 2^24 bits, 2 MB, a few word passes per term value. */
    private static final int DENSE_BITS = 24;

    /**
     * The possible sums in ascending order, without repeats: longs when the largest fits one
     * (every sum up to 62 bits), else BigIntegers.
     */
    static final class Sorted {
        private final long[] small;
        private final BigInteger[] big;

        private Sorted(long[] small, BigInteger[] big) {
            this.small = small;
            this.big = big;
        }

        int size() {
            return small != null ? small.length : big.length;
        }

        /** The sums as longs, or null when they are BigIntegers. */
        long[] longs() {
            return small;
        }

        BigInteger get(int i) {
            return small != null ? BigInteger.valueOf(small[i]) : big[i];
        }

        /** The smallest sum at least x, or null. */
        BigInteger ceiling(BigInteger x) {
            int lo = 0, hi = size(); // the first index whose sum is >= x lies in [lo, hi]
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(mid, x) < 0) lo = mid + 1;
                else hi = mid;
            }
            return lo == size() ? null : get(lo);
        }

        private int compare(int i, BigInteger x) {
            if (small == null) return big[i].compareTo(x);
            return x.bitLength() < 64 ? Long.compare(small[i], x.longValue()) : -x.signum();
        }
    }

    /** @param terms each term's distinct values, all &gt;= 0; @param top the largest sum (the sum of the maxima) */
    static Sorted of(List<BigInteger[]> terms, BigInteger top, int cap) {
        if (top.bitLength() <= DENSE_BITS) return dense(terms, top.intValueExact(), cap);
        if (top.bitLength() < 63) return sparse(terms, cap);
        return wide(terms, cap);
    }

    private static Sorted dense(List<BigInteger[]> terms, int top, int cap) {
        int words = (top >>> 6) + 1;
        long[] cur = new long[words], next = new long[words];
        cur[0] = 1;
        int reach = 0; // the largest sum so far: shifts only touch words up to it
        long product = 1; // at most this many sums so far (the product of the term sizes, capped)
        for (BigInteger[] term : terms) {
            // next was cur one term ago, so its bits lie in words up to reach's
            Arrays.fill(next, 0, Math.min(words, (reach >>> 6) + 1), 0);
            int termMax = 0;
            for (BigInteger w : term) {
                int shift = w.intValueExact();
                termMax = Math.max(termMax, shift);
                orShifted(cur, reach >>> 6, shift, next);
            }
            reach += termMax;
            long[] t = cur;
            cur = next;
            next = t;
            product = Math.min(product * term.length, cap + 1L);
            if (product <= cap || reach < cap) continue; // too few sums to pass the cap: no count
            int count = 0;
            for (int i = 0; i <= reach >>> 6 && i < words; i++) count += Long.bitCount(cur[i]);
            if (count > cap) return null;
        }
        int count = 0;
        for (long word : cur) count += Long.bitCount(word);
        long[] out = new long[count];
        int n = 0;
        for (int i = 0; i < words; i++) {
            for (long bits = cur[i]; bits != 0; bits &= bits - 1)
                out[n++] = ((long) i << 6) + Long.numberOfTrailingZeros(bits);
        }
        return new Sorted(out, null);
    }

    /** next |= src &lt;&lt; shift, for src's words 0..lastWord. */
    static void orShifted(long[] src, int lastWord, int shift, long[] next) {
        int wordShift = shift >>> 6, bitShift = shift & 63;
        for (int i = 0; i <= lastWord && i + wordShift < next.length; i++) {
            long v = src[i];
            if (v == 0) continue;
            next[i + wordShift] |= v << bitShift;
            if (bitShift != 0 && i + wordShift + 1 < next.length) next[i + wordShift + 1] |= v >>> (64 - bitShift);
        }
    }

    /**
     * Per term, the sorted sums so far shifted by each of its values are sorted runs; they are
     * merged in order without repeats (two runs directly, more through a heap of the runs' heads),
     * stopping at the cap, so nothing is sorted and at most cap + 1 sums are held. A sum far past
     * the cap is refused sooner by its residues ({@link SumResidues}).
     */
    private static Sorted sparse(List<BigInteger[]> terms, int cap) {
        long[][] values = new long[terms.size()][];
        for (int t = 0; t < values.length; t++)
            values[t] = Arrays.stream(terms.get(t))
                    .mapToLong(BigInteger::longValueExact)
                    .toArray();
        long[] cur = new long[16];
        int size = 1; // cur[0] = 0
        long[] next = new long[16], spare = new long[0];
        boolean residuesTried = false;
        for (int t = 0; t < values.length; t++) {
            if (!residuesTried && size >= cap / RESIDUES_FROM && mayPass(size, values, t, cap)) {
                // once per sum: the residues of the final sums are those of cur plus the rest
                residuesTried = true;
                if (SumResidues.pastCap(cur, size, values, t, cap, SumResidues.modulus(cap))) return null;
            }
            long[] shift = size == 0 ? new long[0] : values[t]; // a term without values leaves no sums
            int k = shift.length;
            if (next.length < Math.min((long) k * size, cap + 1L))
                next = new long[(int) Math.min((long) k * size, cap + 1L)];
            int m;
            if (k == 2) m = mergeTwo(cur, size, shift[0], shift[1], next, cap);
            else if (k == 3) {
                // two passes of two-way merges beat a heap of three
                if (spare.length < next.length) spare = new long[next.length];
                int first = mergeTwo(cur, size, shift[0], shift[1], spare, cap);
                m = first < 0 ? -1 : mergeShifted(spare, first, cur, size, shift[2], next, cap);
            } else m = mergeMany(cur, size, shift, next, cap);
            if (m < 0) return null;
            long[] swap = cur;
            cur = next;
            next = swap;
            size = m;
        }
        return new Sorted(Arrays.copyOf(cur, size), null);
    }

    /**
     * The merge tries {@link SumResidues} once its sums reach cap / this (and may still pass the
     * cap): below that the merges left are cheap; from there on one that passes the cap costs up
     * to cap sums per term value.
     */
    private static final int RESIDUES_FROM = 16;

    /** Whether size sums plus terms from t on could pass the cap: size times their sizes is more. */
    private static boolean mayPass(int size, long[][] values, int t, int cap) {
        long product = size;
        for (int u = t; u < values.length && product <= cap; u++) product *= values[u].length;
        return product > cap;
    }

    /** The union of cur + a and cur + b into out, in order; -1 past the cap. */
    private static int mergeTwo(long[] cur, int size, long a, long b, long[] out, int cap) {
        int i = 0, j = 0, m = 0;
        long last = Long.MIN_VALUE;
        while (i < size || j < size) {
            long x = i < size ? cur[i] + a : Long.MAX_VALUE, y = j < size ? cur[j] + b : Long.MAX_VALUE;
            long v;
            if (x <= y) {
                v = x;
                i++;
                if (x == y) j++;
            } else {
                v = y;
                j++;
            }
            if (m > 0 && v == last) continue;
            if (m == cap) return -1;
            out[m++] = last = v;
        }
        return m;
    }

    /** The union of acc (sorted, no repeats) and cur + b into out, in order; -1 past the cap. */
    private static int mergeShifted(long[] acc, int accSize, long[] cur, int size, long b, long[] out, int cap) {
        int i = 0, j = 0, m = 0;
        while (i < accSize || j < size) {
            long x = i < accSize ? acc[i] : Long.MAX_VALUE, y = j < size ? cur[j] + b : Long.MAX_VALUE;
            long v;
            if (x <= y) {
                v = x;
                i++;
                if (x == y) j++;
            } else {
                v = y;
                j++;
            }
            if (m > 0 && out[m - 1] == v) continue;
            if (m == cap) return -1;
            out[m++] = v;
        }
        return m;
    }

    /** The union of cur + shift[j] over all j into out, in order, by a heap of run heads; -1 past the cap. */
    private static int mergeMany(long[] cur, int size, long[] shift, long[] out, int cap) {
        int k = shift.length;
        int[] pos = new int[k]; // per run, the index into cur of its head
        int[] heap = new int[k]; // runs, a binary min-heap on their head values
        long[] head = new long[k]; // the head value of the run at each heap slot
        for (int j = 0; j < k; j++) {
            heap[j] = j;
            head[j] = cur[0] + shift[j];
        }
        int live = k;
        for (int j = k / 2 - 1; j >= 0; j--) siftDown(heap, head, live, j);
        int m = 0;
        while (live > 0) {
            long v = head[0];
            if (m == 0 || out[m - 1] != v) {
                if (m == cap) return -1;
                out[m++] = v;
            }
            int run = heap[0];
            if (++pos[run] == size) {
                heap[0] = heap[--live];
                head[0] = head[live];
            } else head[0] = cur[pos[run]] + shift[run];
            if (live > 0) siftDown(heap, head, live, 0);
        }
        return m;
    }

    private static void siftDown(int[] heap, long[] head, int live, int i) {
        int run = heap[i];
        long v = head[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= live) break;
            if (c + 1 < live && head[c + 1] < head[c]) c++;
            if (head[c] >= v) break;
            heap[i] = heap[c];
            head[i] = head[c];
            i = c;
        }
        heap[i] = run;
        head[i] = v;
    }

    private static Sorted wide(List<BigInteger[]> terms, int cap) {
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
        return new Sorted(null, sums.toArray(BigInteger[]::new));
    }
}
