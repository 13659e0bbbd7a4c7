package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packed floats against PMath and PFloat, the arithmetic they replace in the fast reference pass:
 * the same representation (not only the same value) for every operation, on random operands of
 * every magnitude, canonical or not, with zeros, the field extremes, underflow and saturation.
 */
class PackedArithmeticTest {
    private static final int[] PRECISIONS = {4, 6, 8, 12, 16, 24, 38, 64};

    /**
     * A float with random fields: often canonical (a rounded value), sometimes any pair of fields;
     * with {@code moderate}, only rounded values of moderate size (PMath's exact sum of floats far
     * apart at p = 64 needs a 2^32-bit integer).
     */
    static PFloat randomFloat(Precision prec, SplittableRandom rnd, boolean moderate) {
        int max = prec.iMax();
        return switch (moderate ? rnd.nextInt(4, 6) : rnd.nextInt(8)) {
            case 0 -> prec.zero();
            case 1 -> rnd.nextBoolean() ? prec.max() : prec.max().negate();
            case 2 ->
                new PFloat(
                        prec.p(), (int) rnd.nextLong(-max, max + 1L), (int) rnd.nextLong(-max, max + 1L)); // any fields
            case 3 -> new PFloat(prec.p(), rnd.nextBoolean() ? max : -max, rnd.nextBoolean() ? -max : max);
            // moderate values: what a forward pass mostly sees
            case 4, 5 -> prec.round(rnd.nextLong() >> rnd.nextInt(1, 64), 1, -prec.iMin() - rnd.nextInt(-20, 20));
            default -> prec.round(rnd.nextLong() >> rnd.nextInt(1, 64), 1, rnd.nextLong(-2L * max - 70, 2L * max + 70));
        };
    }

    private static void same(PFloat want, long got, String what) {
        assertEquals(want, new PFloat(want.p(), PackedArithmetic.mantissa(got), PackedArithmetic.exponent(got)), what);
    }

    @Test
    void everyOperationGivesPMathsRepresentation() {
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int p : PRECISIONS) {
            Precision prec = Precision.of(p);
            PackedArithmetic ar = new PackedArithmetic(prec);
            assertEquals(prec.zero(), ar.toPFloat(ar.zero));
            assertEquals(prec.one(), ar.toPFloat(ar.one));
            for (int i = 0; i < 3000; i++) {
                PFloat a = randomFloat(prec, rnd, false), b = randomFloat(prec, rnd, false);
                long x = ar.of(a), y = ar.of(b);
                String at = "p=" + p + " " + a + ", " + b;
                same(PMath.multiply(prec, a, b), ar.multiply(x, y), at + " multiply");
                same(PMath.divide(prec, a, b), ar.divide(x, y), at + " divide");
                int d = rnd.nextInt(1, rnd.nextBoolean() ? 10 : Integer.MAX_VALUE);
                same(PMath.divide(prec, a, d), ar.divideByInteger(x, d), at + " divide by " + d);
                // (PMath's exact sum of floats 2^32 binary places apart does not fit a BigInteger)
                if (Math.abs((long) a.exponent() - b.exponent()) < 1 << 20)
                    same(PMath.sum(prec, a, b), ar.sum(x, y), at + " sum");
                same(PMath.relu(prec, a), ar.relu(x), at + " relu");
                same(a.negate(), PackedArithmetic.negate(x), at + " negate");
                assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(PackedArithmetic.compare(x, y)), at);
                assertEquals(prec.isCanonical(a), ar.isCanonical(x), at);
                int count = rnd.nextInt(0, 1 << rnd.nextInt(1, 20));
                List<PFloat> copies = new ArrayList<>();
                for (int c = 0; c < Math.min(count, 300); c++) copies.add(a);
                if (count <= 300) same(PMath.sum(prec, copies), ar.times(x, count), at + " times " + count);
            }
        }
    }

    /** Sums of many terms: mixed exponents (the BigInteger route), cancellation, zeros, single terms. */
    @Test
    void iteratedSumsGivePMathsRepresentation() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int p : PRECISIONS) {
            Precision prec = Precision.of(p);
            PackedArithmetic ar = new PackedArithmetic(prec);
            for (int i = 0; i < (p > 24 ? 300 : 2000); i++) {
                int k = rnd.nextInt(0, i % 10 == 0 ? 200 : 6);
                List<PFloat> terms = new ArrayList<>();
                for (int j = 0; j < k; j++) terms.add(randomFloat(prec, rnd, p > 24 || rnd.nextInt(4) != 0));
                if (k > 1 && rnd.nextBoolean()) terms.add(terms.getFirst().negate()); // cancellation
                long[] packed = new long[terms.size() + 2];
                for (int j = 0; j < terms.size(); j++) packed[j + 1] = ar.of(terms.get(j));
                same(PMath.sum(prec, terms), ar.sum(packed, 1, terms.size() + 1), "p=" + p + " sum of " + terms);
            }
        }
    }

    /** f_p itself, where a long can and cannot hold the intermediate values. */
    @Test
    void roundingGivesPrecisionsRepresentation() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int p : PRECISIONS) {
            Precision prec = Precision.of(p);
            PackedArithmetic ar = new PackedArithmetic(prec);
            for (int i = 0; i < 5000; i++) {
                long num = rnd.nextLong() >> rnd.nextInt(64);
                long den = i % 2 == 0 ? 1 : Math.max(1, Math.abs(rnd.nextLong() >> rnd.nextInt(1, 64)));
                long shift = rnd.nextInt(4) == 0
                        ? rnd.nextLong(-200, 200)
                        : rnd.nextLong(-2L * prec.iMax() - 70, 2L * prec.iMax() + 70);
                if (i == 0) num = Long.MIN_VALUE;
                if (i == 1) num = Long.MAX_VALUE;
                same(
                        prec.round(BigInteger.valueOf(num), BigInteger.valueOf(den), shift),
                        ar.round(num, den, shift),
                        "p=" + p + " " + num + "/" + den + " << " + shift);
            }
        }
    }
}
