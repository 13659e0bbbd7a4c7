package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SumSetTest {

    /** The possible sums by plain enumeration into a TreeSet, the reference. */
    private static TreeSet<BigInteger> enumerate(List<BigInteger[]> terms) {
        TreeSet<BigInteger> sums = new TreeSet<>(List.of(BigInteger.ZERO));
        for (BigInteger[] term : terms) {
            TreeSet<BigInteger> next = new TreeSet<>();
            for (BigInteger s : sums) for (BigInteger w : term) next.add(s.add(w));
            sums = next;
        }
        return sums;
    }

    private static BigInteger top(List<BigInteger[]> terms) {
        BigInteger top = BigInteger.ZERO;
        for (BigInteger[] t : terms) {
            BigInteger max = BigInteger.ZERO;
            for (BigInteger w : t) max = max.max(w);
            top = top.add(max);
        }
        return top;
    }

    @Test
    void manyTermsNearTheCapMatchEnumeration() {
        // the merged-longs route with many terms (repeated value sets, as the value sums over
        // keys), at caps around the number of sums: where the residue bound may refuse the sum
        // part way, it must answer as the full merge does
        SplittableRandom r = new SplittableRandom(17);
        for (int trial = 0; trial < 60; trial++) {
            List<BigInteger[]> pool = new ArrayList<>();
            for (int s = 0; s < 1 + r.nextInt(2); s++) {
                TreeSet<BigInteger> values = new TreeSet<>(List.of(BigInteger.ZERO));
                int k = 2 + r.nextInt(3);
                while (values.size() < k)
                    values.add(
                            r.nextInt(3) == 0
                                    ? BigInteger.valueOf(r.nextInt(16))
                                    : new BigInteger(38, new java.util.Random(r.nextLong()))
                                            .add(BigInteger.ONE.shiftLeft(30)));
                pool.add(values.toArray(BigInteger[]::new));
            }
            List<BigInteger[]> terms = new ArrayList<>();
            for (int g = 4 + r.nextInt(9); g > 0; g--) terms.add(pool.get(r.nextInt(pool.size())));
            TreeSet<BigInteger> expected = enumerate(terms);
            int n = expected.size();
            for (int cap : new int[] {n / 3, n / 2, n - 1, n, n + 1, 2 * n}) {
                if (cap < 1) continue;
                SumSet.Sorted got = SumSet.of(terms, top(terms), cap);
                String what = "trial " + trial + " cap " + cap + " of " + n;
                if (n > cap) {
                    assertNull(got, what);
                    continue;
                }
                assertEquals(n, got.size(), what);
                int i = 0;
                for (BigInteger s : expected) assertEquals(s, got.get(i++), what);
            }
        }
    }

    @Test
    void everyRouteMatchesEnumerationOnRandomTerms() {
        // value bits 10 (bit set), 40 (merged longs) and 70 (BigIntegers); small values shared
        // between terms make many sums coincide, which the merge must drop
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int bits = new int[] {10, 40, 70}[trial % 3];
            List<BigInteger[]> terms = new ArrayList<>();
            int count = 1 + r.nextInt(6);
            for (int g = 0; g < count; g++) {
                TreeSet<BigInteger> values = new TreeSet<>(List.of(BigInteger.ZERO));
                int k = 1 + r.nextInt(6);
                for (int j = 0; j < k; j++) {
                    values.add(
                            r.nextBoolean()
                                    ? BigInteger.valueOf(r.nextInt(8))
                                    : new BigInteger(bits - 3, new java.util.Random(r.nextLong())));
                }
                terms.add(values.toArray(BigInteger[]::new));
            }
            TreeSet<BigInteger> expected = enumerate(terms);
            SumSet.Sorted got = SumSet.of(terms, top(terms), 1 << 20);
            assertEquals(expected.size(), got.size(), "trial " + trial);
            int i = 0;
            for (BigInteger s : expected) assertEquals(s, got.get(i++), "trial " + trial);
            // ceiling against the TreeSet's, on the sums, next to them and outside the range
            for (int probe = 0; probe < 20; probe++) {
                BigInteger x = switch (probe % 4) {
                    case 0 -> expected.first().subtract(BigInteger.ONE);
                    case 1 -> expected.last().add(BigInteger.ONE);
                    case 2 -> got.get(r.nextInt(got.size())).add(BigInteger.valueOf(r.nextInt(3) - 1));
                    default -> BigInteger.ONE.shiftLeft(r.nextInt(90)).subtract(BigInteger.valueOf(r.nextInt(2)));
                };
                assertEquals(expected.ceiling(x), got.ceiling(x), "trial " + trial + " ceiling of " + x);
            }
            if (expected.size() > 1)
                assertNull(SumSet.of(terms, top(terms), expected.size() - 1), "one sum past the cap");
            assertEquals(
                    expected.size(),
                    SumSet.of(terms, top(terms), expected.size()).size(),
                    "at the cap");
        }
    }
}
