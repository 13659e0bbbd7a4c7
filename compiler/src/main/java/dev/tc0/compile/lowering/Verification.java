package dev.tc0.compile.lowering;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.transformer.ForwardObserver;
import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.ModelOutput;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.Reference;
import dev.tc0.compile.transformer.Trace;
import dev.tc0.compile.transformer.Transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Inputs for a compiled model and a bit-for-bit comparison of its circuit with the reference forward pass. */
public final class Verification {
    private Verification() {}

    /** All valid words of length n when there are at most {@code limit}, else {@code random} random ones. */
    public static List<int[]> inputs(ModelConfig c, int n, int limit, int random, long seed) {
        int bos = c.bos() == null ? -1 : c.vocab().indexOf(c.bos());
        int free = bos < 0 ? n : n - 1;
        int alphabet = bos < 0 ? c.vocab().size() : c.vocab().size() - 1;
        List<int[]> words = new ArrayList<>();
        if (exhaustive(c, n, limit)) {
            int[] digits = new int[free];
            while (true) {
                words.add(word(digits, bos, n));
                int i = free - 1;
                while (i >= 0 && ++digits[i] == alphabet) digits[i--] = 0;
                if (i < 0) break;
            }
            return words;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < random; k++) {
            int[] digits = new int[free];
            for (int i = 0; i < free; i++) digits[i] = rnd.nextInt(alphabet);
            words.add(word(digits, bos, n));
        }
        return words;
    }

    /** True when the model has at most {@code limit} valid inputs of length n, so {@link #inputs} lists them all. */
    public static boolean exhaustive(ModelConfig c, int n, int limit) {
        boolean bos = c.bos() != null;
        return Math.pow(c.vocab().size() - (bos ? 1 : 0), bos ? n - 1 : n) <= limit;
    }

    private static int[] word(int[] digits, int bos, int n) {
        int[] w = new int[n];
        int off = bos < 0 ? 0 : 1;
        if (bos >= 0) w[0] = bos;
        for (int i = 0; i < digits.length; i++) {
            int t = digits[i];
            w[i + off] = bos >= 0 && t >= bos ? t + 1 : t;
        }
        return w;
    }

    /**
     * Runs the circuit on every word and checks bit equality with the reference; throws
     * AssertionError at the first difference. A circuit with an {@code ambiguous} output must
     * raise it exactly where a row it compiled for a unique maximum has a tie in the reference,
     * and equal the reference everywhere else. Returns the number of words compared in full.
     */
    public static int check(CompiledModel cm, List<int[]> words) {
        List<CompiledModel.Result> got = cm.run(words);
        // the reference is the slow part: one per thread (it memoises and is not thread-safe)
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (words.size() + 255) / 256));
        return java.util.stream.IntStream.range(0, chunks).parallel().map(c -> {
            Reference ref = new Reference(cm.model());
            int compared = 0;
            for (int w = c; w < words.size(); w += chunks) if (checkOne(cm, ref, words.get(w), got.get(w))) compared++;
            return compared;
        }).sum();
    }

    /** One word; false when the circuit (rightly) flags it ambiguous. */
    private static boolean checkOne(CompiledModel cm, Reference ref, int[] word, CompiledModel.Result r) {
        Transformer m = cm.model();
        OutputMode mode = m.config().outputMode();
        java.util.Set<List<Integer>> assumed = new java.util.HashSet<>(cm.layout().assumedRows());
        PFloat one = Precision.of(cm.precisionBits()).one();
        boolean[] tie = {false};
        Trace<PFloat> t = ref.at(m.config().precision().bitsFor(cm.n())).run(word, new ForwardObserver<>() {
            @Override
            public void head(int layer, int head, int i, List<PFloat> scores, List<PFloat> s, PFloat z, List<PFloat> weights, List<PFloat> output) {
                if (!assumed.isEmpty() && assumed.contains(List.of(layer, head, i)) && !z.equals(one)) tie[0] = true;
            }
        });
        ModelOutput<PFloat> out = t.output();
        String at = m.name() + " n=" + cm.n() + " input " + java.util.Arrays.toString(word);
        if (r.ambiguous() != tie[0]) {
            throw new AssertionError(at + ": ambiguous " + r.ambiguous() + ", but the reference " + (tie[0] ? "has" : "has no") + " tie in a row compiled for a unique maximum");
        }
        if (tie[0]) return false;
        if (r.states() != null) {
            for (int s = 0; s < r.states().length; s++) {
                for (int i = 0; i < cm.n(); i++) {
                    for (int d = 0; d < r.states()[s][i].length; d++) {
                        PFloat want = t.states().get(s).get(i).get(d);
                        if (!want.equals(r.states()[s][i][d])) {
                            throw new AssertionError(at + ": state " + s + " position " + i + " coordinate " + d + ": circuit "
                                    + r.states()[s][i][d] + ", reference " + want);
                        }
                    }
                }
            }
        }
        if (mode.isClassifier() && out.accepted() != r.accepted()) throw new AssertionError(at + ": accept " + r.accepted() + ", reference " + out.accepted());
        if (mode == OutputMode.ARGMAX && !java.util.Arrays.equals(out.labels(), r.labels())) {
            throw new AssertionError(at + ": labels " + java.util.Arrays.toString(r.labels()) + ", reference " + java.util.Arrays.toString(out.labels()));
        }
        if (mode == OutputMode.VALUE) {
            for (int i = 0; i < cm.n(); i++) {
                if (!out.values().get(i).equals(r.values()[i])) throw new AssertionError(at + ": value " + i + " " + r.values()[i] + ", reference " + out.values().get(i));
            }
        }
        return true;
    }
}
