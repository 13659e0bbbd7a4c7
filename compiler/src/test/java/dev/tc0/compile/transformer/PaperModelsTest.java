package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.transformer.models.PaperModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MAJORITY and Dyck-1 against direct implementations: every input up to length 8, random ones up to 64. */
class PaperModelsTest {

    private static boolean majority(List<String> w) {
        return Collections.frequency(w, "1") > Collections.frequency(w, "0");
    }

    private static boolean balanced(List<String> w) {
        int depth = 0;
        for (String t : w) {
            depth += t.equals("(") ? 1 : -1;
            if (depth < 0) return false;
        }
        return depth == 0;
    }

    private static List<List<String>> inputs(
            List<String> alphabet, int exhaustiveUpTo, int maxLen, long seed, boolean dyckLike) {
        List<List<String>> out = new ArrayList<>();
        ModelRuns.allWords(alphabet, 1, exhaustiveUpTo, out::add);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 160; i++) {
            int len = rnd.nextInt(exhaustiveUpTo + 1, maxLen + 1);
            if (dyckLike && i % 2 == 0) { // random balanced words, with one symbol flipped half the time
                List<String> w = new ArrayList<>();
                int open = 0;
                for (int k = 0; k < len - len % 2; k++) {
                    boolean close = open > 0 && (open >= (len - len % 2) - k || rnd.nextBoolean());
                    w.add(close ? ")" : "(");
                    open += close ? -1 : 1;
                }
                if (i % 4 == 0 && !w.isEmpty()) w.set(rnd.nextInt(w.size()), rnd.nextBoolean() ? "(" : ")");
                if (!w.isEmpty()) out.add(w);
            } else {
                out.add(ModelRuns.randomWord(alphabet, len, rnd));
            }
        }
        return out;
    }

    @Test
    void majorityAcceptsExactlyTheMajorityWords() {
        Reference ref = new Reference(PaperModels.majority(64));
        for (List<String> w : inputs(List.of("0", "1"), 8, 64, 1, false)) {
            assertEquals(majority(w), ref.run(w).output().accepted(), "majority " + w);
        }
    }

    @Test
    void majorityPrecisionGrowsAsThreeLogN() {
        Reference ref = new Reference(PaperModels.majority(64));
        assertEquals(4, ref.run(List.of("1")).precisionBits());
        assertEquals(6, ref.run(List.of("1", "0", "1")).precisionBits()); // 3·log2 3 = 4.75, rounded up to even
        assertEquals(18, ref.run(Collections.nCopies(64, "1")).precisionBits());
    }

    @Test
    void dyck1AcceptsExactlyTheBalancedWords() {
        Reference ref = new Reference(PaperModels.dyck1(64));
        for (List<String> w : inputs(List.of("(", ")"), 8, 64, 2, true)) {
            assertEquals(balanced(w), ref.run(w).output().accepted(), "dyck1 " + w);
        }
    }
}
