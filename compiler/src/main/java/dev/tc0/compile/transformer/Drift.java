package dev.tc0.compile.transformer;

import dev.tc0.compile.number.PFloat;
import java.util.Arrays;
import java.util.List;

/**
 * How far the p-precision pass drifts from the double-precision pass on given inputs.
 *
 * @param maxStateDeviation largest |p-precision - double| over every residual-stream coordinate
 *        of every stage, position and input
 * @param maxScoreDeviation the same over the output scores (classifier score, logits or values)
 * @param outputDisagreements inputs whose decision (classifier) or labels (argmax) differ
 * @param worstInput the input with the largest state deviation
 */
public record Drift(double maxStateDeviation, double maxScoreDeviation, int outputDisagreements, int[] worstInput) {

    public static Drift measure(Reference reference, List<int[]> inputs) {
        double maxState = 0, maxScore = 0;
        int disagreements = 0;
        int[] worst = null;
        for (int[] input : inputs) {
            Trace<PFloat> exact = reference.run(input);
            Trace<Double> plain = reference.runDouble(input);
            double state = maxDifference3(exact.states(), plain.states());
            if (worst == null || state > maxState) worst = input;
            maxState = Math.max(maxState, state);
            maxScore = Math.max(
                    maxScore,
                    maxDifference2(exact.output().scores(), plain.output().scores()));
            ModelOutput<PFloat> a = exact.output();
            ModelOutput<Double> b = plain.output();
            if (a.accepted() != b.accepted() || !Arrays.equals(a.labels(), b.labels())) disagreements++;
        }
        return new Drift(maxState, maxScore, disagreements, worst);
    }

    private static double maxDifference3(List<List<List<PFloat>>> a, List<List<List<Double>>> b) {
        double m = 0;
        for (int s = 0; s < a.size(); s++) m = Math.max(m, maxDifference2(a.get(s), b.get(s)));
        return m;
    }

    private static double maxDifference2(List<List<PFloat>> a, List<List<Double>> b) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).size(); j++)
                m = Math.max(m, Math.abs(a.get(i).get(j).toDouble() - b.get(i).get(j)));
        }
        return m;
    }
}
