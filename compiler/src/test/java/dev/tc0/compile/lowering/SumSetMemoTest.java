package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SumSetMemoTest {

    private static BigInteger top(List<BigInteger[]> terms) {
        BigInteger top = BigInteger.ZERO;
        for (BigInteger[] t : terms) top = top.add(t[t.length - 1]);
        return top;
    }

    private static void assertSame(SumSet.Sorted expected, SumSet.Sorted got, String what) {
        if (expected == null) {
            assertNull(got, what);
            return;
        }
        assertEquals(expected.size(), got.size(), what);
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), got.get(i), what);
    }

    @Test
    void answersAsSumSetOnRepeatedAndPermutedTerms() {
        // sums built from a few value sets, asked again in other orders and mixed with other sets:
        // the memo must answer each exactly as SumSet itself, under and past the cap
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 40; trial++) {
            int cap = 1 << (6 + r.nextInt(8));
            SumSetMemo memo = new SumSetMemo(cap);
            List<BigInteger[]> pool = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                TreeSet<BigInteger> values = new TreeSet<>(List.of(BigInteger.ZERO));
                int k = 2 + r.nextInt(4);
                int bits = new int[] {6, 30, 70}[r.nextInt(3)];
                while (values.size() < k) values.add(new BigInteger(bits, new java.util.Random(r.nextLong())));
                pool.add(values.toArray(BigInteger[]::new));
            }
            for (int ask = 0; ask < 30; ask++) {
                List<BigInteger[]> terms = new ArrayList<>();
                int g = 1 + r.nextInt(12);
                for (int t = 0; t < g; t++) terms.add(pool.get(r.nextInt(ask % 3 == 0 ? 1 : pool.size())));
                for (int again = 0; again < 2; again++) {
                    Collections.shuffle(terms, new java.util.Random(r.nextLong()));
                    String what = "trial " + trial + " ask " + ask + " cap " + cap;
                    assertSame(SumSet.of(terms, top(terms), cap), memo.of(terms, top(terms)), what);
                }
            }
        }
    }
}
