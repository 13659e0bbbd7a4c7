package dev.tc0.compile.transformer;

/**
 * One transformer layer: multi-head attention with its output map, then a ReLU feed-forward block,
 * each added to the residual stream. The norms are null unless the model uses layer norm.
 *
 * @param query {@code d_model x (heads·key_size)}
 * @param key {@code d_model x (heads·key_size)}
 * @param value {@code d_model x (heads·value_size)}
 * @param linear the attention output map, {@code (heads·value_size) x d_model}
 * @param linear1 {@code d_model x mlp_hidden_size}
 * @param linear2 {@code mlp_hidden_size x d_model}
 */
public record Layer(
        Linear query,
        Linear key,
        Linear value,
        Linear linear,
        Linear linear1,
        Linear linear2,
        LayerNormParams attnNorm,
        LayerNormParams mlpNorm) {

    void checkShapes(ModelConfig c, int index) {
        String at = "layer_" + index + "/attn/", mlp = "layer_" + index + "/mlp/";
        query.checkShape(at + "query", c.dModel(), c.numHeads() * c.keySize());
        key.checkShape(at + "key", c.dModel(), c.numHeads() * c.keySize());
        value.checkShape(at + "value", c.dModel(), c.numHeads() * c.valueSize());
        linear.checkShape(at + "linear", c.numHeads() * c.valueSize(), c.dModel());
        linear1.checkShape(mlp + "linear_1", c.dModel(), c.mlpHiddenSize());
        linear2.checkShape(mlp + "linear_2", c.mlpHiddenSize(), c.dModel());
        if (c.layerNorm() != (attnNorm != null) || c.layerNorm() != (mlpNorm != null)) {
            throw new IllegalArgumentException(
                    "layer_" + index + ": layer norm parameters must be present exactly when layer_norm is true");
        }
        if (attnNorm != null) attnNorm.checkShape(at + "layer_norm", c.dModel());
        if (mlpNorm != null) mlpNorm.checkShape(mlp + "layer_norm", c.dModel());
    }
}
