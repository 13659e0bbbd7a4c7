package dev.tc0.compile.lowering;

/**
 * A cheap proof that a set of possible sums passes the cap: its sums modulo a prime q above
 * 4·cap. Distinct residues come from distinct sums, so more than cap residues means more than cap
 * sums; the residues take a bit set of q bits, one rotate-and-OR per term value, where the exact
 * merge handles up to cap sums per term value. Sums that pass the cap by far (a value sum over 64
 * keys, 5 values per key: 766,480 sums) are refused after a few thousand word operations per term
 * instead of merges of tens of thousands of sums. The answer "not past" proves nothing: the
 * caller merges exactly.
 */
final class SumResidues {
    private SumResidues() {}

    /** The modulus for a cap: the smallest prime above 4·cap (residues of up to ~cap sums rarely collide). */
    static int modulus(int cap) {
        long q = 4L * cap + 1;
        while (!isPrime(q)) q++;
        return Math.toIntExact(q);
    }

    private static boolean isPrime(long q) {
        if (q < 2) return false;
        for (long d = 2; d * d <= q; d++) if (q % d == 0) return false;
        return true;
    }

    /**
     * True when the sums s + w_1 + ... (s one of {@code sums[0..size)}, w_t one of {@code
     * terms[t]} for t from {@code from} on) have more than cap distinct residues modulo
     * {@code q}, so more than cap distinct values. All values nonnegative.
     */
    static boolean pastCap(long[] sums, int size, long[][] terms, int from, int cap, int q) {
        int words = (q + 63) >>> 6;
        long[] cur = new long[words];
        // the shifted copies land below 2q - 1, folded back once per term
        long[] wide = new long[2 * words + 1];
        for (int i = 0; i < size; i++) {
            int r = (int) (sums[i] % q);
            cur[r >>> 6] |= 1L << r;
        }
        if (count(cur) > cap) return true;
        for (int t = from; t < terms.length; t++) {
            for (long w : terms[t]) SumSet.orShifted(cur, words - 1, (int) (w % q), wide);
            fold(wide, q, cur);
            if (count(cur) > cap) return true;
        }
        return false;
    }

    /** cur = the bits of wide below q, ORed with its bits from q on moved down by q; wide is cleared. */
    private static void fold(long[] wide, int q, long[] cur) {
        int words = cur.length, wordShift = q >>> 6, bitShift = q & 63;
        for (int i = 0; i < words; i++) {
            long high = wide[wordShift + i] >>> bitShift;
            if (bitShift != 0) high |= wide[wordShift + i + 1] << (64 - bitShift);
            cur[i] = high;
        }
        // the low half's last word also holds bits from q on, folded above already
        long lowMask = bitShift == 0 ? -1L : (1L << bitShift) - 1;
        for (int i = 0; i < wordShift; i++) cur[i] |= wide[i];
        if (wordShift < words) cur[wordShift] |= wide[wordShift] & lowMask;
        java.util.Arrays.fill(wide, 0);
    }

    private static int count(long[] bits) {
        int n = 0;
        for (long w : bits) n += Long.bitCount(w);
        return n;
    }
}
