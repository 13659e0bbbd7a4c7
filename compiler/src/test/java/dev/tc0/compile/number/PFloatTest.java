package dev.tc0.compile.number;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PFloatTest {

    @Test
    void bitStringIsMantissaFieldThenExponentField() {
        Precision p8 = Precision.of(8); // q = 4, fields in [-7, 7]
        PFloat one = p8.one();
        // 1 is 2^7 grid units; f_p keeps its top 3 magnitude bits: 4·2^-2, normalised
        assertEquals(new PFloat(8, 4, -2), one);
        assertEquals("01001110", one.toBitString()); // mantissa 0100, exponent -2 = 1110
        assertEquals(0b01001110, one.bits());
        PFloat minusThreeHalves = p8.fromRational(BigInteger.valueOf(-3), BigInteger.TWO);
        assertEquals(new PFloat(8, -6, -2), minusThreeHalves);
        assertEquals("10101110", minusThreeHalves.toBitString());
        assertEquals(new PFloat(8, 1, -7), p8.fromRational(BigInteger.ONE, BigInteger.ONE.shiftLeft(7)));
    }

    @Test
    void decodeInvertsBitsForEveryValidCodeAndRejectsTheUnusedCode() {
        for (int p : new int[] {4, 6, 8, 10}) {
            Precision prec = Precision.of(p);
            int valid = 0;
            for (long code = 0; code < 1L << p; code++) {
                if (!prec.isValidCode(code)) {
                    long c = code;
                    assertThrows(IllegalArgumentException.class, () -> prec.decode(c));
                    continue;
                }
                valid++;
                assertEquals(code, prec.decode(code).bits());
            }
            long fieldValues = 2L * prec.iMax() + 1;
            assertEquals(fieldValues * fieldValues, valid, "p=" + p);
        }
        Precision p64 = Precision.of(64);
        PFloat x = new PFloat(64, -123456789, 987654321);
        assertEquals(x, p64.decode(x.bits()));
    }

    /** f_p(g_p(x)) has x's value for every float; canonical floats come back bit for bit. */
    @Test
    void exhaustiveRoundTripForSmallPrecisions() {
        for (int p : new int[] {4, 6, 8, 10}) {
            Precision prec = Precision.of(p);
            Set<BigInteger> distinctValues = new HashSet<>();
            Set<Long> canonical = new HashSet<>();
            for (long code = 0; code < 1L << p; code++) {
                if (!prec.isValidCode(code)) continue;
                PFloat x = prec.decode(code);
                BigInteger gx = prec.g(x);
                assertEquals(PaperReference.g(p, x.mantissa(), x.exponent()), gx);
                PFloat back = prec.f(gx);
                assertEquals(gx, prec.g(back), "value changed for " + x + " at p=" + p);
                long[] literal = PaperReference.f(p, gx);
                assertEquals(literal[0], back.mantissa());
                assertEquals(literal[1], back.exponent());
                assertEquals(back, prec.f(prec.g(back)), "f_p(g_p(.)) is not idempotent at " + back);
                assertTrue(prec.isCanonical(back));
                assertEquals(x.equals(back), prec.isCanonical(x), "isCanonical(" + x + ")");
                distinctValues.add(gx);
                canonical.add(back.bits());
            }
            assertEquals(distinctValues.size(), canonical.size(), "one canonical code per value at p=" + p);
        }
    }

    @Test
    void truncationMatchesTheLiteralDefinitionOnWideIntegers() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int p : new int[] {4, 8, 16, 20, 34, 64}) {
            Precision prec = Precision.of(p);
            for (int i = 0; i < 3000; i++) {
                int bits = rnd.nextInt(1, Math.min(prec.iMax() * 2 + 40, 400));
                BigInteger z = new BigInteger(bits, new java.util.Random(rnd.nextLong()));
                if (rnd.nextBoolean()) z = z.negate();
                long[] literal = PaperReference.f(p, z);
                PFloat ours = prec.f(z);
                assertEquals(literal[0], ours.mantissa(), "mantissa of f_" + p + "(" + z + ")");
                assertEquals(literal[1], ours.exponent(), "exponent of f_" + p + "(" + z + ")");
            }
        }
    }

    /** Lemma 4: within range, truncation changes a value by a factor in [1 - 2^(-p/2+2), 1]. */
    @Test
    void lemmaFourRelativeErrorBound() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int p : new int[] {6, 8, 12, 16, 20}) {
            Precision prec = Precision.of(p);
            BigDecimal bound = BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(p / 2 - 2));
            BigInteger maxGrid = prec.g(prec.max());
            for (int i = 0; i < 2000; i++) {
                BigInteger z =
                        new BigInteger(rnd.nextInt(1, maxGrid.bitLength() + 1), new java.util.Random(rnd.nextLong()));
                if (z.signum() == 0 || z.compareTo(maxGrid) > 0) continue;
                if (rnd.nextBoolean()) z = z.negate();
                BigInteger t = prec.g(prec.f(z));
                assertTrue(t.abs().compareTo(z.abs()) <= 0 && t.signum() == z.signum(), "truncation toward zero");
                BigDecimal relative = new BigDecimal(z.subtract(t).abs())
                        .divide(new BigDecimal(z.abs()), 40, java.math.RoundingMode.UP);
                assertTrue(
                        relative.compareTo(bound) <= 0, "Lemma 4 violated at p=" + p + " for " + z + ": " + relative);
            }
        }
    }

    @Test
    void overflowSaturatesAndUnderflowGoesToZero() {
        Precision p8 = Precision.of(8);
        BigInteger beyond = p8.g(p8.max()).add(p8.g(p8.max()));
        assertEquals(p8.max(), p8.f(beyond));
        assertEquals(p8.max().negate(), p8.f(beyond.negate()));
        assertEquals(p8.zero(), p8.fromRational(BigInteger.ONE, BigInteger.ONE.shiftLeft(8))); // 2^-8 < unit 2^-7
        assertEquals(new PFloat(8, 1, -7), p8.fromRational(BigInteger.ONE, BigInteger.ONE.shiftLeft(7)));
        assertEquals(p8.max(), p8.fromDouble(1e300));
    }

    @Test
    void valueOrderAgreesWithExactValues() {
        SplittableRandom rnd = new SplittableRandom(3);
        Precision p12 = Precision.of(12);
        for (int i = 0; i < 5000; i++) {
            PFloat a = randomFloat(p12, rnd), b = randomFloat(p12, rnd);
            assertEquals(
                    Integer.signum(a.toBigDecimal().compareTo(b.toBigDecimal())),
                    Integer.signum(a.compareTo(b)),
                    a + " vs " + b);
        }
    }

    /** A uniformly random valid code, canonical or not. */
    static PFloat randomFloat(Precision prec, SplittableRandom rnd) {
        int lim = prec.iMax();
        return new PFloat(prec.p(), rnd.nextInt(-lim, lim + 1), rnd.nextInt(-lim, lim + 1));
    }

    /** A canonical float with a modest exponent, the kind a model holds. */
    static PFloat randomModerate(Precision prec, SplittableRandom rnd, int exponentSpread) {
        int lim = prec.iMax();
        return prec.f(prec.g(new PFloat(
                prec.p(),
                rnd.nextInt(-lim, lim + 1),
                rnd.nextInt(-Math.min(exponentSpread, lim), Math.min(exponentSpread, lim) + 1))));
    }
}
