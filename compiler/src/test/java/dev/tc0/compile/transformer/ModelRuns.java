package dev.tc0.compile.transformer;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.transformer.models.MiniTracr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Helpers to run models on token lists and to enumerate inputs. */
final class ModelRuns {
    private ModelRuns() {}

    /** Runs a BOS-prefixed Tracr-style model; returns the output labels at positions 1..n. */
    static List<String> labels(Reference ref, List<String> program) {
        List<String> input = new ArrayList<>();
        input.add(MiniTracr.BOS);
        input.addAll(program);
        ModelOutput<PFloat> out = ref.run(input).output();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < input.size(); i++)
            labels.add(ref.model().config().outputLabels().get(out.labels()[i]));
        return labels;
    }

    /** The numerical outputs at positions 1..n of a BOS-prefixed model. */
    static List<Double> values(Reference ref, List<String> program) {
        List<String> input = new ArrayList<>();
        input.add(MiniTracr.BOS);
        input.addAll(program);
        List<PFloat> v = ref.run(input).output().values();
        return v.subList(1, v.size()).stream().map(PFloat::toDouble).toList();
    }

    /** Calls {@code each} on every word over {@code alphabet} of length minLen..maxLen. */
    static void allWords(List<String> alphabet, int minLen, int maxLen, Consumer<List<String>> each) {
        for (int len = minLen; len <= maxLen; len++) {
            int[] digits = new int[len];
            while (true) {
                List<String> w = new ArrayList<>(len);
                for (int d : digits) w.add(alphabet.get(d));
                each.accept(w);
                int i = len - 1;
                while (i >= 0 && ++digits[i] == alphabet.size()) digits[i--] = 0;
                if (i < 0) break;
            }
        }
    }

    static List<String> randomWord(List<String> alphabet, int len, SplittableRandom rnd) {
        List<String> w = new ArrayList<>(len);
        for (int i = 0; i < len; i++) w.add(alphabet.get(rnd.nextInt(alphabet.size())));
        return w;
    }
}
