package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names built to collide in {@link String#hashCode} must not make reading quadratic. Words of k
 * syllables over {"Aa", "BB"} all share one Java hash code (the two syllables do, and the hash is
 * a polynomial in the characters), 2^k distinct names in one bucket.
 *
 * <p>Two checks. The structural one is exact: the names' hashes under {@link NameHash}, the
 * strategy the readers' tables use, are spread (as random 32-bit values would be), where
 * String.hashCode gives them one value. The end-to-end one reads a file of 2^15 such names
 * against a file of the same shape with ordinary names, in the same run, and bounds the ratio of
 * the two times generously (5x; the old table took over 10x at this size and grows linearly with
 * the count), since a unit test must not assert absolute times on a shared machine.
 */
class CollidingNamesTest {
    private static final int BITS = 15;

    /** Name {@code i} of 2^bits: its bits spelled with one of two syllables of equal hash (or not). */
    static String name(int i, int bits, boolean colliding) {
        StringBuilder s = new StringBuilder(2 * bits);
        for (int b = 0; b < bits; b++) {
            boolean one = (i >>> b & 1) != 0;
            s.append(colliding ? (one ? "BB" : "Aa") : (one ? "yb" : "xa"));
        }
        return s.toString();
    }

    /**
     * A netlist of 2^bits inputs and 2^(bits-1) outputs, output j the AND of inputs 2j and 2j+1;
     * every signal (gate outputs carry a 'g' before the name) drawn from the given syllables.
     */
    static byte[] netlist(CircuitFormat f, int bits, boolean colliding) {
        int n = 1 << bits;
        StringBuilder sb = new StringBuilder();
        if (f == CircuitFormat.BLIF) {
            sb.append(".model crafted\n.inputs");
            for (int i = 0; i < n; i++) sb.append(' ').append(name(i, bits, colliding));
            sb.append("\n.outputs");
            for (int j = 0; j < n / 2; j++) sb.append(" g").append(name(j, bits, colliding));
            sb.append('\n');
            for (int j = 0; j < n / 2; j++) {
                sb.append(".names ")
                        .append(name(2 * j, bits, colliding))
                        .append(' ')
                        .append(name(2 * j + 1, bits, colliding))
                        .append(" g")
                        .append(name(j, bits, colliding))
                        .append("\n11 1\n");
            }
            sb.append(".end\n");
        } else {
            for (int i = 0; i < n; i++)
                sb.append("INPUT(").append(name(i, bits, colliding)).append(")\n");
            for (int j = 0; j < n / 2; j++)
                sb.append("OUTPUT(g").append(name(j, bits, colliding)).append(")\n");
            for (int j = 0; j < n / 2; j++) {
                sb.append('g')
                        .append(name(j, bits, colliding))
                        .append(" = AND(")
                        .append(name(2 * j, bits, colliding))
                        .append(", ")
                        .append(name(2 * j + 1, bits, colliding))
                        .append(")\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void craftedNamesCollideInStringHashButNotInTheReadersHash() {
        int n = 1 << BITS;
        Set<Integer> javaHashes = new HashSet<>(), nameHashes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String s = name(i, BITS, true);
            javaHashes.add(s.hashCode());
            nameHashes.add(NameHash.INSTANCE.hashCode(s));
        }
        assertEquals(1, javaHashes.size(), "the generator's names share one String.hashCode");
        // 2^15 random 32-bit values collide in about n^2 / 2^33 = 0.125 pairs on average.
        assertTrue(nameHashes.size() >= n - 8, "distinct NameHash values: " + nameHashes.size() + " of " + n);
    }

    @ParameterizedTest
    @EnumSource(
            value = CircuitFormat.class,
            names = {"BLIF", "BENCH"})
    void collidingNamesReadAboutAsFastAsOrdinaryOnes(CircuitFormat f) throws Exception {
        byte[] crafted = netlist(f, BITS, true), ordinary = netlist(f, BITS, false);
        assertEquals(ordinary.length, crafted.length);
        check(f.read(crafted, "crafted" + f.extension()));
        check(f.read(ordinary, "ordinary" + f.extension()));
        long bestCrafted = Long.MAX_VALUE, bestOrdinary = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) { // the best of three, interleaved, against noise on a busy machine
            bestOrdinary = Math.min(bestOrdinary, timeRead(f, ordinary));
            bestCrafted = Math.min(bestCrafted, timeRead(f, crafted));
        }
        assertTrue(
                bestCrafted < 5 * bestOrdinary,
                f + ": colliding names read in " + bestCrafted / 1_000_000 + " ms, ordinary ones in "
                        + bestOrdinary / 1_000_000 + " ms");
    }

    private static long timeRead(CircuitFormat f, byte[] data) throws Exception {
        long t = System.nanoTime();
        f.read(data, "t" + f.extension());
        return System.nanoTime() - t;
    }

    /** The circuit read is the one written: output j = input 2j AND input 2j+1, on random inputs. */
    private static void check(Circuit c) {
        int n = 1 << BITS;
        assertEquals(n, c.numInputs());
        assertEquals(n / 2, c.numOutputs());
        Random r = new Random(5);
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) in[i] = r.nextBoolean();
        boolean[] out = c.evaluate(in);
        for (int j = 0; j < n / 2; j++) assertEquals(in[2 * j] && in[2 * j + 1], out[j], "output " + j);
    }
}
