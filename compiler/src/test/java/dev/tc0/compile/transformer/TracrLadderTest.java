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
 * The shipped Tracr programs (max_seq_len 65) compute their intended functions under the exact
 * p-precision reference over the ladder n = 2, 9, 16, 33, 65 (n counts BOS): {@value #SAMPLES}
 * random inputs per n, BOS first, outputs decoded with {@code outputLabels} as
 * LoweringModelsTest.intended does. Where the output at a position depends only on a few counts,
 * every value of those counts at the ladder's lengths is checked as well (TracrPrograms' Javadoc
 * gives the argument and the full sweep over n = 2..65).
 */
class TracrLadderTest {
    private static final int[] LADDER = {2, 9, 16, 33, 65};
    private static final int SAMPLES = 200;

    static int[] randomInput(ModelConfig c, int n, SplittableRandom rnd) {
        int[] t = new int[n];
        t[0] = c.vocab().indexOf(c.bos());
        for (int i = 1; i < n; i++) {
            do t[i] = rnd.nextInt(c.vocab().size());
            while (t[i] == t[0]);
        }
        return t;
    }

    /** BOS, then each of {@code counts[k]} copies of the k-th non-BOS token, in order. */
    static int[] blocks(ModelConfig c, int... counts) {
        List<Integer> ids = new ArrayList<>();
        ids.add(c.vocab().indexOf(c.bos()));
        int token = 0;
        for (int k = 0; k < counts.length; k++) {
            do token++;
            while (c.vocab().get(token).equals(c.bos()));
            for (int j = 0; j < counts[k]; j++) ids.add(token);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The intended output labels at positions 1..n-1 of length, hist or reverse. */
    private static List<String> intended(String name, List<String> word) {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < word.size(); i++) {
            want.add(
                    switch (name) {
                        case "length" -> Integer.toString(word.size());
                        case "hist" -> Integer.toString(Collections.frequency(word, word.get(i)));
                        case "reverse" -> word.get(word.size() - 1 - i);
                        default -> throw new IllegalArgumentException(name);
                    });
        }
        return want;
    }

    static void assertIntended(String name, Reference ref, int[] t) {
        ModelConfig c = ref.model().config();
        List<String> word = c.decode(t).subList(1, t.length);
        int[] labels = ref.run(t).output().labels();
        List<String> got = new ArrayList<>();
        for (int i = 1; i < t.length; i++) got.add(c.outputLabels().get(labels[i]));
        assertEquals(intended(name, word), got, name + " at n = " + t.length + " on " + word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"length", "hist", "reverse"})
    void categoricalProgramsOverTheLadder(String name) {
        Reference ref = new Reference(ModelRegistry.get(name));
        ModelConfig c = ref.model().config();
        assertEquals(TracrPrograms.MAX_LEN + 1, c.maxSeqLen());
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int n : LADDER) {
            for (int s = 0; s < SAMPLES; s++) assertIntended(name, ref, randomInput(c, n, rnd));
        }
    }

    /**
     * hist's output at a position depends only on n and its token's count w (the width head sees w+1
     * keys at coldness and n-1-w at 0): a^w b^(n-1-w) covers every w, and with it the widths
     * length and reverse decode (length: w = n-1; reverse: the n-1-i later positions).
     */
    @Test
    void histOnEveryCountAtTheLadderLengths() {
        Reference ref = new Reference(ModelRegistry.get("hist"));
        for (int n : LADDER) {
            for (int w = 1; w < n; w++)
                assertIntended("hist", ref, blocks(ref.model().config(), w, n - 1 - w));
        }
    }

    /**
     * sort_unique's keys are distinct only up to 8 tokens (vocabulary 1..8), so the sort is
     * asserted at n = 2 and 9 on random distinct inputs; at n = 16, 33 and 65 random inputs (with
     * repeats) must be accepted and run, with whatever Tracr's construction gives there. (Every
     * distinct input, 109,600 of them, was checked once; see TracrPrograms.)
     */
    @Test
    void sortUniqueSortsDistinctKeysAndAcceptsRepeats() {
        Reference ref = new Reference(ModelRegistry.get("sort_unique"));
        ModelConfig c = ref.model().config();
        assertEquals(TracrPrograms.MAX_LEN + 1, c.maxSeqLen());
        SplittableRandom rnd = new SplittableRandom(11);
        List<String> digits = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        for (int n : LADDER) {
            // repeats are only run, so a few suffice
            for (int s = 0; s < (n - 1 <= digits.size() ? SAMPLES : 10); s++) {
                if (n - 1 <= digits.size()) {
                    List<String> pool = new ArrayList<>(digits);
                    Collections.shuffle(pool, new java.util.Random(rnd.nextLong()));
                    List<String> word = pool.subList(0, n - 1);
                    List<String> input = new ArrayList<>();
                    input.add(c.bos());
                    input.addAll(word);
                    int[] labels = ref.run(input).output().labels();
                    List<String> got = new ArrayList<>();
                    for (int i = 1; i < n; i++) got.add(c.outputLabels().get(labels[i]));
                    assertEquals(word.stream().sorted().toList(), got, "sort_unique on " + word);
                } else {
                    assertEquals(n, ref.run(randomInput(c, n, rnd)).output().labels().length);
                }
            }
        }
    }

    /**
     * frac_prevs at position i (1-based after BOS, with l 'l's among its i tokens and r among the
     * later ones): TracrPrograms' bound (1-u)²(1-10^-4)·l/i &lt;= out &lt;= (l + r·e^-c/(1-u))/(i(1-u))
     * with u = 2^-(p/2-2), and the intended function: round(i·out) = l, so the output names the
     * exact fraction. Random inputs, and every (i, l) at the ladder's lengths (l^L h^(n-1-L) for
     * every L).
     */
    @Test
    void fracPrevsIsTheExactFractionWithinTruncation() {
        Reference ref = new Reference(ModelRegistry.get("frac_prevs"));
        ModelConfig c = ref.model().config();
        assertEquals(TracrPrograms.MAX_LEN + 1, c.maxSeqLen());
        int l = c.vocab().indexOf("l"), h = c.vocab().indexOf("h");
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : LADDER) {
            List<int[]> inputs = new ArrayList<>();
            for (int s = 0; s < SAMPLES; s++) inputs.add(randomInput(c, n, rnd));
            for (int ls = 0; ls < n; ls++) {
                int[] t = new int[n];
                t[0] = c.vocab().indexOf(c.bos());
                for (int i = 1; i < n; i++) t[i] = i <= ls ? l : h;
                inputs.add(t);
            }
            double u = Math.scalb(1.0, -(c.precision().bitsFor(n) / 2 - 2));
            for (int[] t : inputs) {
                List<PFloat> out = ref.run(t).output().values();
                int total = 0, count = 0;
                for (int x : t) if (x == l) total++;
                for (int i = 1; i < n; i++) {
                    if (t[i] == l) count++;
                    double got = out.get(i).toDouble(),
                            leak = (total - count) * Math.exp(-TracrPrograms.COLDNESS) / (1 - u);
                    String where = "frac_prevs on " + c.decode(t) + " at " + i + ": " + got + " for " + count + "/" + i;
                    assertEquals(count, Math.round(got * i), where);
                    assertTrue(got <= (count + leak) / (i * (1 - u)), where);
                    assertTrue(got >= (double) count / i * (1 - u) * (1 - u) * (1 - 1e-4), where);
                }
            }
        }
    }
}
