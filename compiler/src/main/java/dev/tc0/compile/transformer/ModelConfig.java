package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Everything about a model except its weights.
 *
 * @param name short name, e.g. {@code hist}
 * @param description one line on what it computes
 * @param vocab the alphabet Σ; token i is embedded by row i of {@code token_embed}
 * @param bos the beginning-of-sequence token, which every input must start with (and hold nowhere
 *        else), or null when the model has none
 * @param maxSeqLen the largest n, counting BOS; rows of {@code pos_embed}
 * @param softmaxScale the factor on the score inside exp; conventionally 1/sqrt(key_size)
 * @param layerNormEpsilon added to the variance under the square root
 * @param causal per layer: whether position i attends only to j &lt;= i
 * @param outputLabels for {@link OutputMode#ARGMAX}, one per unembedding column; else empty
 * @param residualLabels optional names of the d_model residual dimensions (Tracr's residual
 *        labels, e.g. {@code tokens:a}), or empty; documentation only, no effect on the semantics
 * @param uniqueMaxHeads saturated heads, as [layer, head], whose author states that their maximum
 *        is unique on the inputs the model is meant for (a head that selects one position). No
 *        effect on the semantics; the circuit compiler builds these heads for the unique case
 *        wherever it cannot prove it, and adds an {@code ambiguous} output that is 1 exactly where
 *        such a head has a tie.
 */
public record ModelConfig(
        String name,
        String description,
        List<String> vocab,
        String bos,
        int maxSeqLen,
        int dModel,
        int numLayers,
        int numHeads,
        int keySize,
        int valueSize,
        int mlpHiddenSize,
        PrecisionSpec precision,
        AttentionKind attention,
        double softmaxScale,
        boolean layerNorm,
        double layerNormEpsilon,
        List<Boolean> causal,
        OutputMode outputMode,
        List<String> outputLabels,
        List<String> residualLabels,
        List<List<Integer>> uniqueMaxHeads) {

    public ModelConfig {
        vocab = List.copyOf(vocab);
        causal = List.copyOf(causal);
        outputLabels = List.copyOf(outputLabels);
        residualLabels = List.copyOf(residualLabels);
        uniqueMaxHeads = uniqueMaxHeads.stream().map(List::copyOf).toList();
        require(!name.isBlank(), "name: must not be empty");
        require(!vocab.isEmpty(), "config.vocab: must not be empty");
        require(new HashSet<>(vocab).size() == vocab.size(), "config.vocab: tokens must be distinct");
        require(bos == null || vocab.contains(bos), "config.bos: '" + bos + "' is not in the vocabulary");
        require(maxSeqLen >= 1, "config.max_seq_len: must be at least 1, got " + maxSeqLen);
        require(dModel >= 1, "config.d_model: must be at least 1, got " + dModel);
        require(numLayers >= 0, "config.num_layers: must not be negative, got " + numLayers);
        require(numHeads >= 1, "config.num_heads: must be at least 1, got " + numHeads);
        require(keySize >= 0, "config.key_size: must not be negative, got " + keySize);
        require(valueSize >= 0, "config.value_size: must not be negative, got " + valueSize);
        require(mlpHiddenSize >= 0, "config.mlp_hidden_size: must not be negative, got " + mlpHiddenSize);
        require(Double.isFinite(softmaxScale), "config.softmax_scale: must be finite");
        require(
                layerNormEpsilon >= 0 && Double.isFinite(layerNormEpsilon),
                "config.layer_norm_epsilon: must be finite and >= 0");
        require(causal.size() == numLayers, "config.causal: expected " + numLayers + " entries, got " + causal.size());
        require(
                (outputMode == OutputMode.ARGMAX) == !outputLabels.isEmpty(),
                "config.output.labels: required for argmax output and only there");
        require(
                residualLabels.isEmpty() || residualLabels.size() == dModel,
                "config.residual_labels: expected " + dModel + " labels, got " + residualLabels.size());
        for (List<Integer> h : uniqueMaxHeads) {
            require(
                    h.size() == 2 && h.get(0) >= 0 && h.get(0) < numLayers && h.get(1) >= 0 && h.get(1) < numHeads,
                    "config.unique_max_heads: " + h + " is not a [layer, head] of this model");
        }
        require(
                uniqueMaxHeads.isEmpty() || attention == AttentionKind.SATURATED,
                "config.unique_max_heads: only for saturated attention");
        String tooSmall = firstPrecisionViolation(precision, vocab.size(), maxSeqLen);
        require(tooSmall == null, "config.precision: " + tooSmall);
    }

    /** The first n in 1..maxSeqLen where the precision breaks the paper's requirement, explained. */
    private static String firstPrecisionViolation(PrecisionSpec precision, int vocabSize, int maxSeqLen) {
        if (precision.isFixed()) return precision.violation(vocabSize, maxSeqLen);
        for (int n = 1; n <= maxSeqLen; n++) {
            String v = precision.violation(vocabSize, n);
            if (v != null) return v;
        }
        return null;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** The same model description for inputs of up to {@code n} positions. */
    public ModelConfig withMaxSeqLen(int n) {
        return with(n, precision);
    }

    /** The same model description at another precision. */
    public ModelConfig withPrecision(PrecisionSpec p) {
        return with(maxSeqLen, p);
    }

    private ModelConfig with(int n, PrecisionSpec p) {
        return new ModelConfig(
                name,
                description,
                vocab,
                bos,
                n,
                dModel,
                numLayers,
                numHeads,
                keySize,
                valueSize,
                mlpHiddenSize,
                p,
                attention,
                softmaxScale,
                layerNorm,
                layerNormEpsilon,
                causal,
                outputMode,
                outputLabels,
                residualLabels,
                uniqueMaxHeads);
    }

    /** Number of unembedding columns. */
    public int outputSize() {
        return outputMode == OutputMode.ARGMAX ? outputLabels.size() : 1;
    }

    public boolean isCausal(int layer) {
        return causal.get(layer);
    }

    /** Token ids of a token sequence; unknown tokens, bad length or misplaced BOS are errors. */
    public int[] encode(List<String> tokens) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocab.indexOf(tokens.get(i));
            if (ids[i] < 0)
                throw new IllegalArgumentException(
                        "token " + i + " '" + tokens.get(i) + "' is not in the vocabulary " + vocab);
        }
        checkInput(ids);
        return ids;
    }

    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) out.add(vocab.get(id));
        return out;
    }

    void checkInput(int[] ids) {
        require(
                ids.length >= 1 && ids.length <= maxSeqLen,
                "input length " + ids.length + " is outside 1.." + maxSeqLen);
        int bosId = bos == null ? -1 : vocab.indexOf(bos);
        for (int i = 0; i < ids.length; i++) {
            require(
                    ids[i] >= 0 && ids[i] < vocab.size(),
                    "token id " + ids[i] + " at position " + i + " is outside the vocabulary");
            require(
                    (ids[i] == bosId) == (i == 0 && bosId >= 0),
                    bosId < 0
                            ? ""
                            : "the input must start with '" + bos + "' and hold it nowhere else (position " + i + ")");
        }
    }
}
