package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.number.PFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearFormTest {

    /**
     * Random terms over two domains and a constant, with mantissas of every size and sign,
     * trailing zeros and exponents from -40 to 40: each minterm's grid integer times 2^low is the
     * exact sum of the terms' values there (BigDecimal), and low is the lowest bit any value holds.
     */
    @Test
    void gridIntegersAreTheExactSumsInUnitsOfTheLowestBit() {
        SplittableRandom r = new SplittableRandom(23);
        Domain a = new Domain(1, new int[] {2, 4, 6}), b = new Domain(2, new int[] {8, 10});
        Domain constant = new Domain(0, new int[] {1});
        int p = 64;
        long fieldMax = dev.tc0.compile.number.Precision.of(p).iMax();
        for (int trial = 0; trial < 2000; trial++) {
            List<Scalar> terms = new ArrayList<>();
            for (int t = 0; t < 1 + r.nextInt(4); t++) {
                Domain d = r.nextInt(4) == 0 ? constant : r.nextBoolean() ? a : b;
                PFloat[] v = new PFloat[d.size()];
                for (int k = 0; k < v.length; k++) {
                    long m = r.nextInt(3) == 0 ? 0 : r.nextLong(-fieldMax, fieldMax + 1) >> r.nextInt(31);
                    int zeros = r.nextInt(20); // trailing zeros: a value below the grid's unit
                    if (Math.abs(m << zeros) <= fieldMax) m <<= zeros;
                    v[k] = new PFloat(p, (int) m, r.nextInt(-40, 41));
                }
                terms.add(new Scalar(d, v));
            }
            LinearForm lf = LinearForm.of(terms, constant);
            int low = Integer.MAX_VALUE;
            for (Scalar t : terms)
                for (PFloat v : t.values())
                    if (v.mantissa() != 0)
                        low = Math.min(low, v.exponent() + Integer.numberOfTrailingZeros(v.mantissa()));
            if (low == Integer.MAX_VALUE) {
                assertEquals(null, lf, "trial " + trial);
                continue;
            }
            assertEquals(low, lf.low(), "trial " + trial);
            BigDecimal unit = low >= 0
                    ? new BigDecimal(BigInteger.ONE.shiftLeft(low))
                    : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-low)));
            for (int g = 0; g < lf.domains().size(); g++) {
                Domain d = lf.domains().get(g);
                for (int k = 0; k < d.size(); k++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    for (Scalar t : terms) {
                        boolean here = d.id() == constant.id()
                                ? t.domain().id() == constant.id()
                                : t.domain().id() == d.id();
                        if (here) exact = exact.add(t.values()[d.id() == constant.id() ? 0 : k].toBigDecimal());
                    }
                    BigDecimal got = new BigDecimal(lf.grid().get(g)[k]).multiply(unit);
                    assertEquals(0, exact.compareTo(got), "trial " + trial + " domain " + d.id() + " minterm " + k);
                }
            }
        }
    }
}
