package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.transformer.models.TracrPrograms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Tracr-style programs, built for programs of up to {@value #LEN} tokens (Tracr's test cases use
 * short inputs), against Tracr's published test cases (tracr/compiler/test_cases.py) and against
 * direct Java implementations of the RASP programs on every input up to length 4 (3 for
 * sort_unique) and random inputs up to {@value #LEN}. {@link TracrLadderTest} covers the shipped
 * length, 64.
 */
class TracrProgramsTest {
    private static final int LEN = 8;
    private static final List<String> ABCD = List.of("a", "b", "c", "d");

    @Test
    void tracrGoldens() {
        assertEquals(
                List.of("2", "1", "2", "1"),
                ModelRuns.labels(new Reference(TracrPrograms.hist(LEN)), List.of("a", "b", "a", "c")));
        assertEquals(
                List.of("d", "c", "b", "a"),
                ModelRuns.labels(new Reference(TracrPrograms.reverse(LEN)), List.of("a", "b", "c", "d")));
        assertEquals(
                List.of("1", "2", "3", "4"),
                ModelRuns.labels(new Reference(TracrPrograms.sortUnique(LEN)), List.of("2", "4", "3", "1")));
        List<Double> frac =
                ModelRuns.values(new Reference(TracrPrograms.fracPrevs(LEN)), List.of("h", "e", "l", "l", "o"));
        double[] expected = {0, 0, 1.0 / 3, 1.0 / 2, 2.0 / 5};
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], frac.get(i), 1.0 / 128, "frac_prevs at " + i);
    }

    private static List<String> length(List<String> w) {
        return Collections.nCopies(w.size(), Integer.toString(w.size()));
    }

    private static List<String> hist(List<String> w) {
        return w.stream()
                .map(t -> Integer.toString(Collections.frequency(w, t)))
                .toList();
    }

    private static List<String> reverse(List<String> w) {
        List<String> r = new ArrayList<>(w);
        Collections.reverse(r);
        return r;
    }

    @Test
    void lengthHistAndReverseOnAllShortAndRandomLongInputs() {
        Reference length = new Reference(TracrPrograms.length(LEN)),
                hist = new Reference(TracrPrograms.hist(LEN)),
                reverse = new Reference(TracrPrograms.reverse(LEN));
        List<List<String>> inputs = new ArrayList<>();
        ModelRuns.allWords(ABCD, 1, 4, inputs::add);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 150; i++) inputs.add(ModelRuns.randomWord(ABCD, rnd.nextInt(5, LEN + 1), rnd));
        for (List<String> w : inputs) {
            assertEquals(length(w), ModelRuns.labels(length, w), "length " + w);
            assertEquals(hist(w), ModelRuns.labels(hist, w), "hist " + w);
            assertEquals(reverse(w), ModelRuns.labels(reverse, w), "reverse " + w);
        }
    }

    @Test
    void sortUniqueOnDistinctKeys() {
        Reference sort = new Reference(TracrPrograms.sortUnique(LEN));
        SplittableRandom rnd = new SplittableRandom(8);
        List<String> digits = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        ModelRuns.allWords(digits, 1, 3, w -> {
            if (w.stream().distinct().count() == w.size())
                assertEquals(w.stream().sorted().toList(), ModelRuns.labels(sort, w), "sort " + w);
        });
        for (int i = 0; i < 200; i++) {
            List<String> pool = new ArrayList<>(digits);
            Collections.shuffle(pool, new java.util.Random(rnd.nextLong()));
            List<String> w = pool.subList(0, rnd.nextInt(1, LEN + 1));
            List<String> sorted = w.stream().sorted().toList();
            assertEquals(sorted, ModelRuns.labels(sort, w), "sort " + w);
        }
    }

    @Test
    void fracPrevsWithinTruncationError() {
        Reference frac = new Reference(TracrPrograms.fracPrevs(LEN));
        List<String> hel = List.of("h", "e", "l", "o");
        List<List<String>> inputs = new ArrayList<>();
        ModelRuns.allWords(hel, 1, 4, inputs::add);
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) inputs.add(ModelRuns.randomWord(hel, rnd.nextInt(5, LEN + 1), rnd));
        for (List<String> w : inputs) {
            List<Double> got = ModelRuns.values(frac, w);
            int ls = 0;
            for (int i = 0; i < w.size(); i++) {
                if (w.get(i).equals("l")) ls++;
                double exact = (double) ls / (i + 1);
                // TracrPrograms' bound, u = 2^-(p/2-2): truncations scale by (1-u)^2 at worst, Z's by 1/(1-u) at
                // most, and later l's leak e^-coldness each (under 1e-7 here)
                double u = Math.scalb(1.0, -(TracrPrograms.BITS / 2 - 2));
                assertTrue(
                        got.get(i) <= exact / (1 - u) + 1e-7 && got.get(i) >= exact * (1 - u) * (1 - u) * (1 - 1e-4),
                        "frac_prevs " + w + " at " + i + ": " + got.get(i));
            }
        }
    }
}
