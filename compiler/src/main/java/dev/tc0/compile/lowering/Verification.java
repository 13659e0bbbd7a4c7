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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

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
     * The outcome of {@link #check}: the words on which circuit and reference agree bit for bit,
     * the words the circuit rightly flags ambiguous, and the first word (in list order) on which
     * they differ, or null. With a mismatch the counts cover the words before it.
     */
    public record Verdict(int agreed, int ambiguous, Mismatch mismatch) {
        public boolean agrees() {
            return mismatch == null;
        }
    }

    /**
     * A word on which circuit and reference differ: its index in the checked list, the tokens,
     * the output that differs (for example {@code accept}, {@code value 3}) and both values.
     */
    public record Mismatch(
            String model, int n, int index, int[] input, String output, String circuit, String reference) {
        public String message() {
            return model + " n=" + n + " input " + Arrays.toString(input) + ": " + output + " " + circuit
                    + ", reference " + reference;
        }

        @Override
        public String toString() {
            return message();
        }
    }

    /**
     * Runs the circuit on every word and compares it bit for bit with the reference. A circuit
     * with an {@code ambiguous} output must raise it exactly where a row it compiled for a unique
     * maximum has a tie in the reference, and equal the reference everywhere else.
     */
    public static Verdict check(CompiledModel cm, List<int[]> words) {
        List<CompiledModel.Result> got = cm.run(words);
        Set<List<Integer>> assumed = Set.copyOf(cm.layout().assumedRows());
        // the reference is the slow part: one per thread (it memoises and is not thread-safe)
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (words.size() + 255) / 256));
        byte[] outcome = new byte[words.size()];
        Mismatch[] firstOfChunk = new Mismatch[chunks];
        // Chunks stop past the first mismatch any chunk has seen: every word before it is still checked.
        AtomicInteger firstBad = new AtomicInteger(words.size());
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Reference ref = new Reference(cm.model());
            for (int w = c; w < words.size() && w < firstBad.get(); w += chunks) {
                Mismatch m = compare(cm, ref, assumed, w, words.get(w), got.get(w), outcome);
                if (m != null) {
                    firstOfChunk[c] = m;
                    firstBad.accumulateAndGet(w, Math::min);
                    return;
                }
            }
        });
        int end = firstBad.get(), agreed = 0, ambiguous = 0;
        for (int w = 0; w < end; w++) {
            if (outcome[w] == AGREED) agreed++;
            else if (outcome[w] == AMBIGUOUS) ambiguous++;
        }
        Mismatch first = end < words.size() ? firstOfChunk[end % chunks] : null;
        return new Verdict(agreed, ambiguous, first);
    }

    private static final byte AGREED = 1, AMBIGUOUS = 2;

    /**
     * One word: the mismatch, or null with {@code outcome[index]} set to {@link #AGREED} or to
     * {@link #AMBIGUOUS} (the circuit rightly flags the word, and nothing else of it is compared).
     */
    private static Mismatch compare(
            CompiledModel cm,
            Reference ref,
            Set<List<Integer>> assumed,
            int index,
            int[] word,
            CompiledModel.Result r,
            byte[] outcome) {
        Transformer m = cm.model();
        OutputMode mode = m.config().outputMode();
        PFloat one = Precision.of(cm.precisionBits()).one();
        boolean[] tie = {false};
        // Only rows compiled for a unique maximum need the observer (to see ties): the plain
        // forward pass that offers it is 100x slower than the packed one that computes the same bits.
        Trace<PFloat> t = assumed.isEmpty()
                ? (r.states() == null ? null : ref.run(word))
                : ref.at(m.config().precision().bitsFor(cm.n())).run(word, new ForwardObserver<>() {
                    @Override
                    public void head(
                            int layer,
                            int head,
                            int i,
                            List<PFloat> scores,
                            List<PFloat> s,
                            PFloat z,
                            List<PFloat> weights,
                            List<PFloat> output) {
                        if (!assumed.isEmpty() && assumed.contains(List.of(layer, head, i)) && !z.equals(one))
                            tie[0] = true;
                    }
                });
        ModelOutput<PFloat> out = t == null ? ref.output(word) : t.output();
        Differ differ = (output, circuit, reference) -> new Mismatch(
                m.name(), cm.n(), index, word.clone(), output, String.valueOf(circuit), String.valueOf(reference));
        if (r.ambiguous() != tie[0]) {
            return differ.at(
                    "ambiguous",
                    r.ambiguous(),
                    tie[0] + " (" + (tie[0] ? "a" : "no") + " tie in a row compiled for a unique maximum)");
        }
        if (tie[0]) {
            outcome[index] = AMBIGUOUS;
            return null;
        }
        if (r.states() != null) {
            for (int s = 0; s < r.states().length; s++) {
                for (int i = 0; i < cm.n(); i++) {
                    for (int d = 0; d < r.states()[s][i].length; d++) {
                        PFloat want = t.states().get(s).get(i).get(d);
                        if (!want.equals(r.states()[s][i][d])) {
                            return differ.at(
                                    "state " + s + " position " + i + " coordinate " + d, r.states()[s][i][d], want);
                        }
                    }
                }
            }
        }
        if (mode.isClassifier() && out.accepted() != r.accepted())
            return differ.at("accept", r.accepted(), out.accepted());
        if (mode == OutputMode.ARGMAX && !Arrays.equals(out.labels(), r.labels())) {
            return differ.at("labels", Arrays.toString(r.labels()), Arrays.toString(out.labels()));
        }
        if (mode == OutputMode.VALUE) {
            for (int i = 0; i < cm.n(); i++) {
                if (!out.values().get(i).equals(r.values()[i]))
                    return differ.at("value " + i, r.values()[i], out.values().get(i));
            }
        }
        outcome[index] = AGREED;
        return null;
    }

    private interface Differ {
        Mismatch at(String output, Object circuit, Object reference);
    }
}
