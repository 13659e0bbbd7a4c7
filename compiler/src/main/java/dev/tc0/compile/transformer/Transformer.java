package dev.tc0.compile.transformer;

import java.util.List;

/**
 * A transformer in the standard instance of the paper's general form (src/docs/paper.md, The
 * standard instance): embedding token_embed[w_i] + pos_embed[i], then layers of multi-head
 * attention and ReLU feed-forward blocks on a residual stream, optional pre-norm layer norm, and an
 * output map. The exact order of the p-precision operations is in {@code src/docs/transformer.md};
 * {@link ForwardPass} implements it.
 *
 * @param tokenEmbed {@code |vocab| x d_model}
 * @param posEmbed {@code max_seq_len x d_model}
 * @param finalNorm applied before the output map when the model uses layer norm, else null
 * @param unembed {@code d_model x outputs}
 */
public record Transformer(
        ModelConfig config,
        double[][] tokenEmbed,
        double[][] posEmbed,
        List<Layer> layers,
        LayerNormParams finalNorm,
        Linear unembed) {

    public Transformer {
        layers = List.copyOf(layers);
        Shapes.matrix("token_embed", tokenEmbed, config.vocab().size(), config.dModel());
        Shapes.matrix("pos_embed", posEmbed, config.maxSeqLen(), config.dModel());
        if (layers.size() != config.numLayers()) {
            throw new IllegalArgumentException(
                    "config.num_layers: " + config.numLayers() + " but " + layers.size() + " layers given");
        }
        for (int i = 0; i < layers.size(); i++) layers.get(i).checkShapes(config, i);
        if (config.layerNorm() != (finalNorm != null)) {
            throw new IllegalArgumentException("final_layer_norm: present exactly when layer_norm is true");
        }
        if (finalNorm != null) finalNorm.checkShape("final_layer_norm", config.dModel());
        unembed.checkShape("unembed", config.dModel(), config.outputSize());
    }

    public String name() {
        return config.name();
    }
}
