package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.TestCircuits.circuit;
import static dev.tc0.circuit.io.TestCircuits.number;
import static dev.tc0.circuit.io.TestCircuits.randomPlanes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.Evaluator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real circuits of shared/circuits load, and the functions their README lists as checked hold
 * on 10^5 random inputs against BigInteger arithmetic. Skipped when the circuits are absent.
 */
class BenchmarkCircuitsTest {
    /** 1563 words = 100032 random input patterns. */
    static final int WORDS = 1563;

    static final int PATTERNS = WORDS * 64;

    @ParameterizedTest
    @ValueSource(
            strings = {"c17", "c432", "c499", "c880", "c1355", "c1908", "c2670", "c3540", "c5315", "c6288", "c7552"})
    void iscas85Loads(String name) throws IOException {
        Circuit c = Formats.read(circuit("iscas85", name + ".bench"));
        int[][] expected = {
            {17, 5, 2},
            {432, 36, 7},
            {499, 41, 32},
            {880, 60, 26},
            {1355, 41, 32},
            {1908, 33, 25},
            {2670, 233, 140},
            {3540, 50, 22},
            {5315, 178, 123},
            {6288, 32, 32},
            {7552, 207, 108}
        };
        int id = Integer.parseInt(name.substring(1));
        for (int[] e : expected) {
            if (e[0] == id) {
                assertEquals(e[1], c.numInputs(), "inputs");
                assertEquals(e[2], c.numOutputs(), "outputs");
            }
        }
        assertTrue(c.numGates() > 0);
    }

    @Test
    void c17IsItsSixNands() throws IOException {
        Circuit c = Formats.read(circuit("iscas85", "c17.bench"));
        for (int x = 0; x < 32; x++) {
            boolean n1 = (x & 1) != 0, n2 = (x & 2) != 0, n3 = (x & 4) != 0, n6 = (x & 8) != 0, n7 = (x & 16) != 0;
            boolean n10 = !(n1 && n3), n11 = !(n3 && n6), n16 = !(n2 && n11), n19 = !(n11 && n7);
            boolean[] out = c.evaluate(TestCircuits.bits(x, 5));
            assertEquals(!(n10 && n16), out[0], "N22 at " + x);
            assertEquals(!(n16 && n19), out[1], "N23 at " + x);
        }
    }

    @Test
    void c6288MultipliesWithTheLastTwoOutputsSwapped() throws IOException {
        Circuit c = Formats.read(circuit("iscas85", "c6288.bench"));
        long[][] in = randomPlanes(6288, 32, WORDS);
        long[][] out = Evaluator.evaluate(c, in);
        long[][] product = new long[32][];
        for (int i = 0; i < 30; i++) product[i] = out[i];
        product[31] = out[30];
        product[30] = out[31];
        for (int p = 0; p < PATTERNS; p++) {
            BigInteger a = number(in, 0, 16, p), b = number(in, 16, 16, p);
            assertEquals(a.multiply(b), number(product, 0, 32, p), "pattern " + p);
        }
    }

    @Test
    void c1355IsTheComplementOfC499() throws IOException {
        Circuit a = Formats.read(circuit("iscas85", "c499.bench"));
        Circuit b = Formats.read(circuit("iscas85", "c1355.bench"));
        long[][] in = randomPlanes(1355, 41, 64);
        long[][] x = Evaluator.evaluate(a, in), y = Evaluator.evaluate(b, in);
        for (int o = 0; o < 32; o++) for (int w = 0; w < 64; w++) assertEquals(~x[o][w], y[o][w], "output " + o);
    }

    @Test
    void adder() throws IOException {
        check("adder", 1, in -> new BigInteger[] {num(in, 0, 128).add(num(in, 128, 128))}, new int[] {129});
    }

    @Test
    void multiplier() throws IOException {
        check("multiplier", 2, in -> new BigInteger[] {num(in, 0, 64).multiply(num(in, 64, 64))}, new int[] {128});
    }

    @Test
    void square() throws IOException {
        check("square", 3, in -> new BigInteger[] {num(in, 0, 64).pow(2)}, new int[] {128});
    }

    @Test
    void sqrt() throws IOException {
        check("sqrt", 4, in -> new BigInteger[] {num(in, 0, 128).sqrt()}, new int[] {64});
    }

    @Test
    void div() throws IOException {
        check(
                "div",
                5,
                in -> {
                    BigInteger a = num(in, 0, 64), b = num(in, 64, 64);
                    if (b.signum() == 0) return null;
                    BigInteger[] qr = a.divideAndRemainder(b);
                    return new BigInteger[] {qr[0], qr[1]};
                },
                new int[] {64, 64});
    }

    @Test
    void max() throws IOException {
        check(
                "max",
                6,
                in -> {
                    int best = 0;
                    BigInteger max = null;
                    for (int i = 0; i < 4; i++) {
                        BigInteger v = num(in, 128 * i, 128);
                        if (v.testBit(127)) v = v.subtract(BigInteger.ONE.shiftLeft(128));
                        if (max == null || v.compareTo(max) > 0) {
                            max = v;
                            best = i;
                        }
                    }
                    BigInteger unsigned = max.signum() < 0 ? max.add(BigInteger.ONE.shiftLeft(128)) : max;
                    return new BigInteger[] {unsigned, BigInteger.valueOf(best)};
                },
                new int[] {128, 2});
    }

    @Test
    void bar() throws IOException {
        check(
                "bar",
                7,
                in -> {
                    BigInteger a = num(in, 0, 128);
                    int s = num(in, 128, 7).intValue();
                    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
                    return new BigInteger[] {
                        a.shiftLeft(s).or(a.shiftRight(128 - s)).and(mask)
                    };
                },
                new int[] {128});
    }

    @ParameterizedTest
    @ValueSource(strings = {"adder", "bar", "div", "log2", "max", "multiplier", "sin", "sqrt", "square"})
    void aigAndBlifAgree(String name) throws IOException {
        Circuit aig = Formats.read(circuit("epfl", name + ".aig"));
        Circuit blif = Formats.read(circuit("epfl", name + ".blif"));
        assertEquals(aig.inputNames(), blif.inputNames());
        assertEquals(aig.outputNames(), blif.outputNames());
        TestCircuits.assertEquivalent(aig, blif, 32, name.hashCode());
    }

    @Test
    void hypLoads() throws IOException {
        Circuit c = Formats.read(circuit("epfl", "hyp.aig"));
        assertEquals(256, c.numInputs());
        assertEquals(128, c.numOutputs());
        assertTrue(c.numGates() > 200_000, "hyp has about 214k ANDs");
    }

    /** One pattern's inputs as a function of position, for the reference lambdas. */
    private record Pattern(long[][] planes, int index) {}

    private static BigInteger num(Pattern p, int from, int width) {
        return number(p.planes, from, width, p.index);
    }

    /**
     * Evaluates an EPFL circuit (.aig) on 10^5 random patterns and compares each output group,
     * read as an unsigned number, with the reference. A null reference skips the pattern.
     */
    private static void check(String name, long seed, Function<Pattern, BigInteger[]> reference, int[] widths)
            throws IOException {
        Circuit c = Formats.read(circuit("epfl", name + ".aig"));
        long[][] in = randomPlanes(seed, c.numInputs(), WORDS);
        long[][] out = Evaluator.evaluate(c, in);
        int checked = 0;
        for (int p = 0; p < PATTERNS; p++) {
            BigInteger[] want = reference.apply(new Pattern(in, p));
            if (want == null) continue;
            int from = 0;
            for (int g = 0; g < widths.length; g++) {
                assertEquals(want[g], number(out, from, widths[g], p), name + ": output group " + g + ", pattern " + p);
                from += widths[g];
            }
            checked++;
        }
        assertTrue(checked > PATTERNS * 0.99);
    }
}
