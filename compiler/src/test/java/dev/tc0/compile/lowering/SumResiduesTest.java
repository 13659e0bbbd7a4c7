package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SumResiduesTest {

    /** The distinct sums start + one value per term, by enumeration. */
    private static TreeSet<Long> sums(long[] start, long[][] terms) {
        TreeSet<Long> sums = new TreeSet<>();
        for (long s : start) sums.add(s);
        for (long[] term : terms) {
            TreeSet<Long> next = new TreeSet<>();
            for (long s : sums) for (long w : term) next.add(s + w);
            sums = next;
        }
        return sums;
    }

    private static int residues(TreeSet<Long> sums, int q) {
        Set<Long> r = new HashSet<>();
        for (long s : sums) r.add(Math.floorMod(s, (long) q));
        return r.size();
    }

    @Test
    void modulusIsTheFirstPrimeAboveFourCaps() {
        assertEquals(5, SumResidues.modulus(1)); // 4·1 + 1
        assertEquals(37, SumResidues.modulus(8)); // 33, 35 composite... 37
        assertEquals(262147, SumResidues.modulus(1 << 16));
    }

    /**
     * Exhaustive over small shapes: every list of 1 or 2 terms with values in 0..7, or 3 with
     * values in 0..4 (each term holding 0) from a start of {0} or {0, 5}, at caps 1..12 (moduli 5..53, where residues
     * collide often). Past the cap exactly when the residues are more than the cap, which never
     * happens unless the sums are more than the cap.
     */
    @Test
    void refusesExactlyWhenResiduesPassTheCapExhaustively() {
        long[][] starts = {{0}, {0, 5}};
        for (int cap = 1; cap <= 12; cap++) {
            int q = SumResidues.modulus(cap);
            for (long[] start : starts)
                for (int g = 1; g <= 3; g++) {
                    // each term is a subset of 1..7 or 1..4 (bit mask) plus 0
                    int[] masks = new int[g];
                    int maskLimit = g < 3 ? 128 : 16;
                    do {
                        long[][] terms = new long[g][];
                        for (int t = 0; t < g; t++) terms[t] = valuesOf(masks[t]);
                        TreeSet<Long> exact = sums(start, terms);
                        boolean past = SumResidues.pastCap(start, start.length, terms, 0, cap, q);
                        String what = "cap " + cap + " start " + Arrays.toString(start) + " terms "
                                + Arrays.deepToString(terms);
                        assertEquals(residues(exact, q) > cap, past, what);
                        if (past) assertTrue(exact.size() > cap, what);
                    } while (nextMasks(masks, maskLimit));
                }
        }
    }

    @Test
    void neverRefusesSumsUnderTheCapOnRandomWideTerms() {
        // values up to 2^40 (the merge's range), a start of random sums and terms from a random
        // index on, against enumeration
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 400; trial++) {
            int cap = 1 + r.nextInt(300);
            int q = SumResidues.modulus(cap);
            long[] start =
                    r.longs(1 + r.nextInt(4), 0, 1L << 40).sorted().distinct().toArray();
            long[][] terms = new long[1 + r.nextInt(6)][];
            for (int t = 0; t < terms.length; t++) {
                terms[t] = new long[1 + r.nextInt(4)];
                for (int j = 0; j < terms[t].length; j++)
                    terms[t][j] = r.nextBoolean() ? r.nextLong(8) : r.nextLong(1L << 40);
            }
            int from = r.nextInt(terms.length);
            TreeSet<Long> exact = sums(start, Arrays.copyOfRange(terms, from, terms.length));
            boolean past = SumResidues.pastCap(start, start.length, terms, from, cap, q);
            assertEquals(residues(exact, q) > cap, past, "trial " + trial);
            if (exact.size() <= cap) assertFalse(past, "trial " + trial);
        }
    }

    @Test
    void refusesAValueSumFarPastTheCap() {
        // sort_unique's value sum at n = 64: 63 keys with the same 5 values, C(67, 4) = 766,480 sums
        long[] values = {0, 5, 768, 110592, 360777252864L};
        long[][] terms = new long[63][];
        Arrays.fill(terms, values);
        int cap = 1 << 16;
        assertTrue(SumResidues.pastCap(new long[] {0}, 1, terms, 0, cap, SumResidues.modulus(cap)));
    }

    private static long[] valuesOf(int mask) {
        long[] v = new long[1 + Integer.bitCount(mask)];
        int n = 1;
        for (int b = 0; b < 7; b++) if ((mask >> b & 1) != 0) v[n++] = b + 1;
        return v;
    }

    /** The next of all g-tuples of masks below limit; false after the last. */
    private static boolean nextMasks(int[] masks, int limit) {
        for (int t = 0; t < masks.length; t++) {
            if (++masks[t] < limit) return true;
            masks[t] = 0;
        }
        return false;
    }
}
