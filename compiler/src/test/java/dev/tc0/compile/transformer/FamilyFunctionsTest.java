package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.transformer.models.ModelRegistry;
import dev.tc0.compile.transformer.models.TracrPrograms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped families past the shipped length: the exact p-precision reference on the model each
 * family builds for n &gt; 64 computes the model's intended function, against direct Java
 * implementations, on random inputs and on the inputs that reach each output's extremes. The
 * Tracr programs run a pass in about a second at n = 256, so they get a few inputs each.
 */
class FamilyFunctionsTest {

    /** MAJORITY at 100, 256 and 1000: random words and the ties and near-ties, #1 - #0 in {-1, 0, 1}. */
    @ParameterizedTest
    @ValueSource(ints = {100, 256, 1000})
    void majority(int n) {
        Reference m = new Reference(ModelRegistry.family("majority").at(n));
        assertEquals(n, m.model().config().maxSeqLen());
        SplittableRandom rnd = new SplittableRandom(n);
        List<int[]> inputs = new ArrayList<>();
        for (int s = 0; s < (n < 1000 ? 30 : 6); s++) {
            int[] t = new int[n];
            for (int i = 0; i < n; i++) t[i] = rnd.nextInt(2);
            inputs.add(t);
        }
        for (int ones : new int[] {n / 2 - 1, n / 2, n / 2 + 1, (n + 1) / 2}) {
            int[] t = new int[n];
            for (int i = 0; i < ones; i++) t[i] = 1;
            inputs.add(t);
        }
        for (int[] t : inputs) {
            int ones = 0;
            for (int x : t) ones += x;
            assertEquals(
                    2 * ones > n, m.run(t).output().accepted(), "majority at n = " + n + " with " + ones + " ones");
        }
    }

    private static boolean balanced(int[] t) {
        int depth = 0;
        for (int x : t) {
            depth += x == 0 ? 1 : -1;
            if (depth < 0) return false;
        }
        return depth == 0;
    }

    /**
     * Dyck-1 at 100, 256 and 1000 (gain 2n there): random balanced words, the same with one symbol
     * flipped, with two adjacent symbols swapped (a prefix dips to -1 and recovers, the hardest
     * reject), and random words.
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 256, 1000})
    void dyck1(int n) {
        Reference m = new Reference(ModelRegistry.family("dyck1").at(n));
        assertEquals(2.0 * n, m.model().layers().get(1).linear1().w()[1][0]);
        SplittableRandom rnd = new SplittableRandom(n);
        List<int[]> inputs = new ArrayList<>();
        for (int s = 0; s < (n < 1000 ? 10 : 3); s++) {
            int[] t = new int[n];
            int open = 0;
            for (int i = 0; i < n; i++) { // '(' is token 0, ')' token 1
                boolean close = open > 0 && (open >= n - i || rnd.nextBoolean());
                t[i] = close ? 1 : 0;
                open += close ? -1 : 1;
            }
            inputs.add(t);
            int[] flipped = t.clone();
            flipped[rnd.nextInt(n)] ^= 1;
            inputs.add(flipped);
            for (int i = 0; i + 1 < n; i++) {
                if (t[i] == 0 && t[i + 1] == 1) {
                    int[] swapped = t.clone();
                    swapped[i] = 1;
                    swapped[i + 1] = 0;
                    inputs.add(swapped);
                    break;
                }
            }
            int[] random = new int[n];
            for (int i = 0; i < n; i++) random[i] = rnd.nextInt(2);
            inputs.add(random);
        }
        for (int[] t : inputs) assertEquals(balanced(t), m.run(t).output().accepted(), "dyck1 at n = " + n);
    }

    /**
     * length, hist and reverse at n = 100 and 256: random inputs, and for hist the counts at the
     * extremes (1, 2, n/2, n-2 and n-1 a's), whose width heads see the widths length and reverse
     * decode as well.
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 256})
    void categoricalTracrPrograms(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        for (String name : List.of("length", "hist", "reverse")) {
            Reference ref = new Reference(ModelRegistry.family(name).at(n));
            assertEquals(n, ref.model().config().maxSeqLen());
            for (int s = 0; s < (n > 128 ? 1 : 2); s++)
                TracrLadderTest.assertIntended(
                        name, ref, TracrLadderTest.randomInput(ref.model().config(), n, rnd));
            if (name.equals("hist")) {
                for (int w : n > 128 ? new int[] {1, n / 2} : new int[] {1, 2, n / 2, n - 2})
                    TracrLadderTest.assertIntended(
                            name, ref, TracrLadderTest.blocks(ref.model().config(), w, n - 1 - w));
            }
        }
    }

    /** frac_prevs at n = 100 and 256: round(i·output) = the count of l's so far, on random inputs and l^L h^(n-1-L). */
    @ParameterizedTest
    @ValueSource(ints = {100, 256})
    void fracPrevs(int n) {
        Reference ref = new Reference(ModelRegistry.family("frac_prevs").at(n));
        ModelConfig c = ref.model().config();
        int l = c.vocab().indexOf("l"), h = c.vocab().indexOf("h");
        SplittableRandom rnd = new SplittableRandom(n);
        List<int[]> inputs = new ArrayList<>();
        inputs.add(TracrLadderTest.randomInput(c, n, rnd));
        for (int ls : n > 128 ? new int[] {n - 1} : new int[] {n / 3, n - 1}) {
            int[] t = new int[n];
            t[0] = c.vocab().indexOf(c.bos());
            for (int i = 1; i < n; i++) t[i] = i <= ls ? l : h;
            inputs.add(t);
        }
        for (int[] t : inputs) {
            List<PFloat> out = ref.run(t).output().values();
            int count = 0;
            for (int i = 1; i < n; i++) {
                if (t[i] == l) count++;
                assertEquals(count, Math.round(out.get(i).toDouble() * i), "frac_prevs at n = " + n + ", " + i);
            }
        }
    }

    /**
     * sort_unique's keys are distinct only up to 8 tokens (vocabulary 1..8): the model its family
     * builds for n = 100 (p = 22) sorts every such input it is given, as the shipped one does.
     */
    @Test
    void sortUniqueFromTheFamilyAt100() {
        Reference ref = new Reference(ModelRegistry.family("sort_unique").at(100));
        assertEquals(22, ref.model().config().precision().bitsFor(100));
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> digits = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        for (int s = 0; s < 20; s++) {
            List<String> pool = new ArrayList<>(digits);
            Collections.shuffle(pool, new java.util.Random(rnd.nextLong()));
            List<String> w = pool.subList(0, rnd.nextInt(1, 9));
            assertEquals(w.stream().sorted().toList(), ModelRuns.labels(ref, w), "sort " + w);
        }
    }

    /** The precision the Tracr families take past the shipped length, 2⌈log2 n⌉ + 8. */
    @Test
    void tracrPrecisionGrowsTwoBitsPerDoubling() {
        int[][] want = {{65, TracrPrograms.BITS}, {66, 22}, {128, 22}, {129, 24}, {256, 24}, {1024, 28}, {2049, 32}};
        for (int[] nw : want) {
            assertEquals(
                    PrecisionSpec.bits(nw[1]),
                    TracrPrograms.precision(TracrPrograms.BITS, nw[0] - 1),
                    "p at n = " + nw[0]);
        }
        assertEquals(
                PrecisionSpec.bits(22),
                ModelRegistry.family("hist").at(100).config().precision());
    }
}
