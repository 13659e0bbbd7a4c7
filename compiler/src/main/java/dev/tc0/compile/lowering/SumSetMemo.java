package dev.tc0.compile.lowering;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SumSet#of} remembered by its terms. The same sum recurs at every position, head and
 * layer over other literals (sort_unique at n = 32 computes each of its large value sums 8 to 240
 * times), and the possible sums depend only on the multiset of the terms' value sets: the set does
 * not depend on their order, and neither does passing the cap, since adding a term never shrinks
 * the set (|A + B| &gt;= |A| for B nonempty), so the merge passes the cap part way exactly when the
 * final set does. Terms are therefore sorted into the key. One memo per lowering, with one cap.
 */
final class SumSetMemo {

    /** Smaller sums (the product of the term sizes at most this) are computed again: cheaper than a key. */
    private static final long MIN_PRODUCT = 1024;

    /**
     * Words held in all remembered sets at most (64 MB; a BigInteger sum counts as 6 words, its
     * object and magnitude); past it, new sets are no longer remembered.
     */
    private static final long MAX_HELD = 1L << 23;

    private static final int BIG_WORDS = 6;

    private final int cap;
    private final Map<Key, SumSet.Sorted> known = new HashMap<>();
    private long held;

    SumSetMemo(int cap) {
        this.cap = cap;
    }

    /** {@link SumSet#of}(terms, top, cap). */
    SumSet.Sorted of(List<BigInteger[]> terms, BigInteger top) {
        long product = 1;
        for (BigInteger[] t : terms) product = Math.min(product * t.length, MIN_PRODUCT + 1);
        if (product <= MIN_PRODUCT) return SumSet.of(terms, top, cap);
        Key key = Key.of(terms);
        SumSet.Sorted sums = known.get(key);
        if (sums != null) return sums == PAST_CAP ? null : sums;
        sums = SumSet.of(terms, top, cap);
        long words = sums == null ? 0 : (long) sums.size() * (sums.longs() != null ? 1 : BIG_WORDS);
        if (held + words <= MAX_HELD) {
            held += words;
            known.put(key, sums == null ? PAST_CAP : sums);
        }
        return sums;
    }

    /** Stands for "more than the cap" in the map. */
    private static final SumSet.Sorted PAST_CAP = SumSet.of(List.of(), BigInteger.ZERO, 1);

    /** The terms in a canonical order: by size, then value by value. */
    private record Key(BigInteger[][] terms) {
        static Key of(List<BigInteger[]> terms) {
            BigInteger[][] t = terms.toArray(BigInteger[][]::new);
            Arrays.sort(t, Key::compare);
            return new Key(t);
        }

        private static int compare(BigInteger[] a, BigInteger[] b) {
            if (a.length != b.length) return Integer.compare(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                int c = a[i].compareTo(b[i]);
                if (c != 0) return c;
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.deepEquals(terms, k.terms);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(terms);
        }
    }
}
