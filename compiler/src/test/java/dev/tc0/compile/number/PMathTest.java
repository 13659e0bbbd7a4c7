package dev.tc0.compile.number;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PMathTest {

    private static void assertFloat(long[] expected, PFloat actual, String what) {
        assertEquals(expected[0], actual.mantissa(), what + ": mantissa");
        assertEquals(expected[1], actual.exponent(), what + ": exponent");
    }

    /**
     * The long route of f_p (every product, sum and quotient of the reference forward pass) gives
     * what the BigInteger routine gives: random numerators and denominators of every width, shifts
     * that overflow a long either way, underflow, saturation.
     */
    @Test
    void longRoundingEqualsBigIntegerRounding() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int p : new int[] {4, 8, 12, 18, 34, 64}) {
            Precision prec = Precision.of(p);
            for (int i = 0; i < 20_000; i++) {
                long num = rnd.nextLong() >> rnd.nextInt(64);
                long den = i % 3 == 0 ? 1 : Math.max(1, Math.abs(rnd.nextLong() >> rnd.nextInt(1, 64)));
                long shift = rnd.nextInt(4) == 0
                        ? rnd.nextLong(-200, 200)
                        : rnd.nextLong(-2L * prec.iMax() - 70, 2L * prec.iMax() + 70);
                if (i == 0) num = Long.MIN_VALUE;
                if (i == 1) num = Long.MAX_VALUE;
                assertEquals(
                        prec.round(BigInteger.valueOf(num), BigInteger.valueOf(den), shift),
                        prec.round(num, den, shift),
                        "p=" + p + " " + num + "/" + den + " << " + shift);
            }
        }
    }

    /** Def 15: one exact sum of the g_p values, then one f_p; checked against BigDecimal. */
    @Test
    void iteratedSumIsOneExactSumThenOneTruncation() {
        SplittableRandom rnd = new SplittableRandom(10);
        for (int p : new int[] {4, 8, 16, 34}) {
            Precision prec = Precision.of(p);
            for (int i = 0; i < (p > 16 ? 200 : 1500); i++) {
                int k = rnd.nextInt(0, 40);
                List<PFloat> terms = new ArrayList<>();
                BigDecimal exact = BigDecimal.ZERO;
                for (int j = 0; j < k; j++) {
                    PFloat x = rnd.nextInt(4) == 0
                            ? PFloatTest.randomFloat(prec, rnd)
                            : PFloatTest.randomModerate(prec, rnd, 12);
                    if (p > 16) x = PFloatTest.randomModerate(prec, rnd, 40);
                    terms.add(x);
                    exact = exact.add(x.toBigDecimal());
                }
                assertFloat(PaperReference.truncate(p, exact), PMath.sum(prec, terms), "sum at p=" + p);
            }
        }
    }

    @Test
    void sumIsNotAFoldOfPairwiseAdditions() {
        Precision p8 = Precision.of(8); // 3 magnitude bits
        PFloat four = p8.fromLong(4), half = p8.fromRational(BigInteger.ONE, BigInteger.TWO);
        // 4 + 1/2 truncates to 4, so a fold never moves; the exact sum 4 + 1/2 + 1/2 = 5 is representable.
        assertEquals(four, PMath.sum(p8, four, half));
        assertEquals(p8.fromLong(5), PMath.sum(p8, four, half, half));
    }

    @Test
    void productAndQuotientAreTruncationsOfTheExactResult() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int p : new int[] {4, 8, 12, 16}) {
            Precision prec = Precision.of(p);
            for (int i = 0; i < 3000; i++) {
                PFloat a = PFloatTest.randomFloat(prec, rnd), b = PFloatTest.randomFloat(prec, rnd);
                BigDecimal exactProduct = a.toBigDecimal().multiply(b.toBigDecimal());
                assertFloat(PaperReference.truncate(p, exactProduct), PMath.multiply(prec, a, b), a + "*" + b);
                if (b.isZero()) continue;
                // quotient as an exact rational, truncated onto the grid by integer division
                BigInteger scale = BigInteger.ONE.shiftLeft(PaperReference.iMax(p));
                BigInteger num = a.toBigDecimal()
                        .multiply(new BigDecimal(scale))
                        .multiply(BigDecimal.ONE.movePointRight(200))
                        .toBigInteger();
                BigInteger den = b.toBigDecimal()
                        .multiply(BigDecimal.ONE.movePointRight(200))
                        .toBigInteger();
                BigInteger grid = num.abs().divide(den.abs()).multiply(BigInteger.valueOf(num.signum() * den.signum()));
                assertFloat(PaperReference.f(p, grid), PMath.divide(prec, a, b), a + "/" + b);
            }
        }
    }

    @Test
    void divisionByZeroSaturatesBySignOfTheDividend() {
        Precision p8 = Precision.of(8);
        assertEquals(p8.max(), PMath.divide(p8, p8.fromLong(3), p8.zero()));
        assertEquals(p8.max().negate(), PMath.divide(p8, p8.fromLong(-3), p8.zero()));
        assertEquals(p8.zero(), PMath.divide(p8, p8.zero(), p8.zero()));
    }

    @Test
    void divisionByAnIntegerMatchesExactDivision() {
        SplittableRandom rnd = new SplittableRandom(12);
        Precision p16 = Precision.of(16);
        for (int i = 0; i < 2000; i++) {
            PFloat a = PFloatTest.randomModerate(p16, rnd, 20);
            int d = rnd.nextInt(1, 1000);
            BigDecimal exact = a.toBigDecimal().divide(BigDecimal.valueOf(d), 400, RoundingMode.DOWN);
            assertFloat(PaperReference.truncate(16, exact), PMath.divide(p16, a, d), a + "/" + d);
        }
    }

    /** The rounding is "largest representable magnitude not above the exact one", by enumeration. */
    @Test
    void roundingPicksTheRepresentableValueBelowInMagnitude() {
        Precision p8 = Precision.of(8);
        TreeSet<BigDecimal> representable = new TreeSet<>();
        for (long code = 0; code < 256; code++) {
            if (p8.isValidCode(code))
                representable.add(p8.decode(code).toBigDecimal().stripTrailingZeros());
        }
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 3000; i++) {
            BigInteger num = BigInteger.valueOf(rnd.nextLong(1, 1L << 40));
            BigInteger den = BigInteger.valueOf(rnd.nextLong(1, 1L << rnd.nextInt(1, 40)));
            BigDecimal exact = new BigDecimal(num).divide(new BigDecimal(den), 60, RoundingMode.DOWN);
            BigDecimal below = representable.floor(exact);
            BigDecimal expected = below == null ? BigDecimal.ZERO : below;
            assertEquals(0, expected.compareTo(p8.fromRational(num, den).toBigDecimal()), num + "/" + den);
            assertEquals(
                    0,
                    expected.negate()
                            .compareTo(p8.fromRational(num.negate(), den).toBigDecimal()));
        }
    }

    @Test
    void expIsTheTruncationOfTheTrueValue() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int p : new int[] {8, 12, 16}) {
            Precision prec = Precision.of(p);
            for (int i = 0; i < 400; i++) {
                PFloat x = PFloatTest.randomModerate(prec, rnd, 4);
                double scale = rnd.nextDouble(0.1, 3);
                double trueValue = Math.exp(x.toDouble() * scale);
                PFloat r = RealFunctions.exp(prec, x, new BigDecimal(scale));
                if (trueValue > prec.max().toDouble()) {
                    assertEquals(prec.max(), r);
                    continue;
                }
                assertTrue(r.toDouble() <= trueValue * (1 + 1e-12), "exp " + x + " = " + trueValue + " -> " + r);
                // the next representable value up from r must exceed the true value
                PFloat up = prec.f(prec.g(r).add(BigInteger.ONE.shiftLeft(r.exponent() - prec.iMin())));
                assertTrue(
                        up.toDouble() > trueValue * (1 - 1e-12) || up.equals(prec.max()),
                        "exp not truncated: " + r + " vs " + trueValue);
            }
        }
    }

    @Test
    void squareRootsAreExactTruncations() {
        SplittableRandom rnd = new SplittableRandom(15);
        Precision p16 = Precision.of(16);
        for (int i = 0; i < 1000; i++) {
            PFloat x = PFloatTest.randomModerate(p16, rnd, 10);
            if (x.signum() < 0) x = x.negate();
            BigDecimal root = x.toBigDecimal().sqrt(new java.math.MathContext(200));
            assertFloat(PaperReference.truncate(16, root), RealFunctions.sqrt(p16, x), "sqrt " + x);
            int d = rnd.nextInt(1, 64);
            BigDecimal eps = new BigDecimal(1e-5);
            BigDecimal inv = BigDecimal.ONE.divide(
                    x.toBigDecimal()
                            .divide(BigDecimal.valueOf(d), 300, RoundingMode.HALF_EVEN)
                            .add(eps)
                            .sqrt(new java.math.MathContext(250)),
                    200,
                    RoundingMode.HALF_EVEN);
            assertFloat(
                    PaperReference.truncate(16, inv), RealFunctions.inverseNorm(p16, x, d, eps), "inverse norm " + x);
        }
    }
}
