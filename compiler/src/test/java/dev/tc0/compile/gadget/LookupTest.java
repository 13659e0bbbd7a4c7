package dev.tc0.compile.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.testing.NumberCircuit;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LookupTest {
    @Test
    void randomTruthTablesWithExactGateCount() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int bits = 2; bits <= 10; bits++) {
            for (int outputs = 1; outputs <= 6; outputs++) {
                int m = outputs;
                long[] table = new long[1 << bits];
                // sparse and dense tables both: the density varies per trial
                double density = rnd.nextDouble();
                for (int x = 0; x < table.length; x++) {
                    for (int o = 0; o < m; o++) if (rnd.nextDouble() < density) table[x] |= 1L << o;
                }
                NumberCircuit c = NumberCircuit.single(new int[] {bits}, (b, in) -> Lookup.of(b, in[0], m, table));
                c.checkExhaustive(x -> new BigInteger[] {BigInteger.valueOf(table[x[0].intValue()])});
                assertEquals(expectedGates(table, m), c.gates(), "bits=" + bits + " m=" + m);
                assertTrue(c.depth() <= 2);
            }
        }
    }

    /** Minterms in some on-set, plus one OR per distinct on-set of two or more minterms. */
    private static int expectedGates(long[] table, int m) {
        Set<Integer> minterms = new HashSet<>();
        Set<Set<Integer>> ors = new HashSet<>();
        for (int o = 0; o < m; o++) {
            Set<Integer> onSet = new HashSet<>();
            for (int x = 0; x < table.length; x++) if (((table[x] >>> o) & 1) != 0) onSet.add(x);
            minterms.addAll(onSet);
            if (onSet.size() >= 2) ors.add(onSet);
        }
        return minterms.size() + ors.size();
    }

    @Test
    void fullTablesHaveDepthTwo() {
        NumberCircuit c =
                NumberCircuit.single(new int[] {8}, (b, in) -> Lookup.of(b, in[0], 8, (int x) -> (x * 37 + 11) & 0xFF));
        c.checkExhaustive(x -> new BigInteger[] {BigInteger.valueOf((x[0].intValue() * 37 + 11) & 0xFF)});
        assertEquals(2, c.depth());
    }

    @Test
    void divisionAndRemainder() {
        NumberCircuit c = NumberCircuit.single(new int[] {6, 4}, (b, in) -> Lookup.divide(b, in[0], in[1]));
        c.checkExhaustive(x -> {
            long a = x[0].longValue(), d = x[1].longValue();
            long q = d == 0 ? 63 : a / d, r = d == 0 ? a & 15 : a % d;
            return new BigInteger[] {BigInteger.valueOf(q | (r << 6))};
        });
        assertEquals(2, c.depth());
    }

    @Test
    void reciprocal() {
        for (int f = 1; f <= 10; f++) {
            int ff = f;
            NumberCircuit c = NumberCircuit.single(new int[] {6}, (b, in) -> Lookup.reciprocal(b, in[0], ff));
            c.checkExhaustive(x -> new BigInteger[] {
                x[0].signum() == 0
                        ? BigInteger.ONE.shiftLeft(ff + 1).subtract(BigInteger.ONE)
                        : BigInteger.ONE.shiftLeft(ff).divide(x[0])
            });
        }
    }
}
