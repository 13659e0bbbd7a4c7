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
        return inputs(c, InputSpace.ALL, n, limit, random, seed);
    }

    /**
     * The words of length n in {@code space} (its prefix, then free tokens), all of them when there
     * are at most {@code limit} (last position varying fastest), else {@code random} random ones.
     */
    public static List<int[]> inputs(ModelConfig c, InputSpace space, int n, int limit, int random, long seed) {
        int[][] allowed = space.allowed(c, n);
        List<int[]> words = new ArrayList<>();
        if (exhaustive(c, space, n, limit)) {
            int[] digits = new int[n];
            while (true) {
                words.add(word(digits, allowed));
                int i = n - 1;
                while (i >= 0 && ++digits[i] == allowed[i].length) digits[i--] = 0;
                if (i < 0) break;
            }
            return words;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < random; k++) {
            int[] digits = new int[n];
            for (int i = 0; i < n; i++) digits[i] = allowed[i].length == 1 ? 0 : rnd.nextInt(allowed[i].length);
            words.add(word(digits, allowed));
        }
        return words;
    }

    /** True when the model has at most {@code limit} valid inputs of length n, so {@link #inputs} lists them all. */
    public static boolean exhaustive(ModelConfig c, int n, int limit) {
        return exhaustive(c, InputSpace.ALL, n, limit);
    }

    public static boolean exhaustive(ModelConfig c, InputSpace space, int n, int limit) {
        double count = 1;
        for (int[] a : space.allowed(c, n)) count *= a.length;
        return count <= limit;
    }

    private static int[] word(int[] digits, int[][] allowed) {
        int[] w = new int[digits.length];
        for (int i = 0; i < w.length; i++) w[i] = allowed[i][digits[i]];
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
