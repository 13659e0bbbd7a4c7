package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random models that exercise every feature: several heads, layer norm, mixed masking, BOS. */
public final class RandomModels {
    private RandomModels() {}

    /**
     * The shape of a random model.
     *
     * @param vocab tokens other than BOS
     * @param bos whether position 0 holds a BOS token (an extra vocabulary entry)
     * @param causal per layer
     */
    public record Shape(
            int layers,
            int heads,
            int dModel,
            int keySize,
            int valueSize,
            int hidden,
            int vocab,
            int maxLen,
            boolean bos,
            List<Boolean> causal) {
        /** Two layers, two heads, d_model 8, key and value size 4, MLP 8, four tokens, n up to 32 (p = 8 holds BOS too), no mask. */
        public static final Shape MEDIUM = new Shape(2, 2, 8, 4, 4, 8, 4, 32, false, List.of(false, false));

        public Shape withBos() {
            return new Shape(layers, heads, dModel, keySize, valueSize, hidden, vocab, maxLen, true, causal);
        }

        public Shape withCausal(List<Boolean> c) {
            return new Shape(layers, heads, dModel, keySize, valueSize, hidden, vocab, maxLen, bos, c);
        }
    }

    static Transformer random(
            long seed, PrecisionSpec precision, AttentionKind kind, boolean layerNorm, OutputMode mode) {
        return random(
                seed, new Shape(2, 2, 5, 2, 2, 4, 3, 6, false, List.of(false, true)), precision, kind, layerNorm, mode);
    }

    /** A model of the given shape with weights in [-2, 2] (three decimals, a quarter of them zero). */
    public static Transformer random(
            long seed, Shape shape, PrecisionSpec precision, AttentionKind kind, boolean layerNorm, OutputMode mode) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = shape.dModel(),
                heads = shape.heads(),
                key = shape.keySize(),
                value = shape.valueSize(),
                hidden = shape.hidden();
        int layers = shape.layers(), maxLen = shape.maxLen();
        List<String> labels = mode == OutputMode.ARGMAX ? List.of("p", "q", "r") : List.of();
        List<String> vocab = new ArrayList<>();
        for (int t = 0; t < shape.vocab(); t++) vocab.add(String.valueOf((char) ('a' + t)));
        if (shape.bos()) vocab.add("BOS");
        ModelConfig c = new ModelConfig(
                "random",
                "random weights",
                vocab,
                shape.bos() ? "BOS" : null,
                maxLen,
                d,
                layers,
                heads,
                key,
                value,
                hidden,
                precision,
                kind,
                0.7,
                layerNorm,
                1e-3,
                shape.causal(),
                mode,
                labels,
                List.of(),
                List.of());
        List<Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new Layer(
                    linear(rnd, d, heads * key),
                    linear(rnd, d, heads * key),
                    linear(rnd, d, heads * value),
                    linear(rnd, heads * value, d),
                    linear(rnd, d, hidden),
                    linear(rnd, hidden, d),
                    layerNorm ? norm(rnd, d) : null,
                    layerNorm ? norm(rnd, d) : null));
        }
        return new Transformer(
                c,
                matrix(rnd, vocab.size(), d),
                matrix(rnd, maxLen, d),
                ls,
                layerNorm ? norm(rnd, d) : null,
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

    public static List<int[]> allInputs(int vocab, int maxLen) {
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
