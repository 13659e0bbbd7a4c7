package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random models that exercise every feature: several heads, layer norm, mixed masking. */
final class RandomModels {
    private RandomModels() {}

    static Transformer random(long seed, PrecisionSpec precision, AttentionKind kind, boolean layerNorm, OutputMode mode) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = 5, heads = 2, key = 2, value = 2, hidden = 4, layers = 2, maxLen = 6;
        List<String> labels = mode == OutputMode.ARGMAX ? List.of("p", "q", "r") : List.of();
        ModelConfig c = new ModelConfig("random", "random weights", List.of("a", "b", "c"), null, maxLen, d, layers, heads, key, value,
                hidden, precision, kind, 0.7, layerNorm, 1e-3, List.of(false, true), mode, labels, List.of(), List.of());
        List<Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new Layer(linear(rnd, d, heads * key), linear(rnd, d, heads * key), linear(rnd, d, heads * value),
                    linear(rnd, heads * value, d), linear(rnd, d, hidden), linear(rnd, hidden, d),
                    layerNorm ? norm(rnd, d) : null, layerNorm ? norm(rnd, d) : null));
        }
        return new Transformer(c, matrix(rnd, 3, d), matrix(rnd, maxLen, d), ls, layerNorm ? norm(rnd, d) : null,
                linear(rnd, d, c.outputSize()));
    }

    /** Weights in [-2, 2] with three decimals, a quarter of them zero. */
    private static double weight(SplittableRandom rnd) {
        return rnd.nextInt(4) == 0 ? 0 : Math.round(rnd.nextDouble(-2, 2) * 1000) / 1000.0;
    }

    private static double[][] matrix(SplittableRandom rnd, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int j = 0; j < cols; j++) row[j] = weight(rnd);
        return m;
    }

    private static Linear linear(SplittableRandom rnd, int in, int out) {
        double[] b = new double[out];
        for (int j = 0; j < out; j++) b[j] = weight(rnd);
        return new Linear(matrix(rnd, in, out), b);
    }

    private static LayerNormParams norm(SplittableRandom rnd, int d) {
        double[] scale = new double[d], offset = new double[d];
        for (int j = 0; j < d; j++) {
            scale[j] = 1 + weight(rnd) / 4;
            offset[j] = weight(rnd) / 4;
        }
        return new LayerNormParams(scale, offset);
    }

    static List<int[]> allInputs(int vocab, int maxLen) {
        List<int[]> out = new ArrayList<>();
        for (int len = 1; len <= maxLen; len++) {
            int[] w = new int[len];
            while (true) {
                out.add(w.clone());
                int i = len - 1;
                while (i >= 0 && ++w[i] == vocab) w[i--] = 0;
                if (i < 0) break;
            }
        }
        return out;
    }
}
