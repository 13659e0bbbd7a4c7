package dev.tc0.compile.transformer;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the JSON model format of {@code src/docs/model-format.md} that {@link ModelFormat} reads:
 * a model with its position table, or a rule-based family with its rules; files through
 * {@link AtomicOutput}.
 */
public final class ModelWriter {
    private ModelWriter() {}

    /** The model as JSON: two-space indentation, one matrix row per line. */
    public static String write(Transformer t) {
        return write(t, t.config().maxSeqLen(), null, List.of());
    }

    /**
     * A rule-based family as JSON: pos_embed as its rules, each rule-bearing linear map with its
     * rules next to its table, max_seq_len only when the family is bounded.
     */
    public static String write(RuleFamily f) {
        return write(f.template(), f.bound(), f.positions(), f.weights());
    }

    /** {@code positions} null: a position table; else the family's rules. */
    private static String write(
            Transformer t, Integer maxSeqLen, List<PositionRule> positions, List<WeightRule> weights) {
        ModelConfig c = t.config();
        JsonText j = new JsonText();
        j.beginObject();
        j.field("format").string(ModelFormat.FORMAT);
        j.field("version").number(ModelFormat.VERSION);
        j.field("name").string(c.name());
        j.field("description").string(c.description());
        j.field("config").beginObject();
        j.field("vocab").strings(c.vocab());
        j.field("bos").nullableString(c.bos());
        if (maxSeqLen != null) j.field("max_seq_len").number(maxSeqLen);
        j.field("d_model").number(c.dModel());
        j.field("num_layers").number(c.numLayers());
        j.field("num_heads").number(c.numHeads());
        j.field("key_size").number(c.keySize());
        j.field("value_size").number(c.valueSize());
        j.field("mlp_hidden_size").number(c.mlpHiddenSize());
        j.field("precision").beginInlineObject();
        if (c.precision().isFixed()) j.field("bits").number(c.precision().fixedBits());
        else j.field("per_log2_n").number(c.precision().perLog2N());
        j.endObject();
        j.field("attention").string(c.attention().json());
        j.field("softmax_scale").number(c.softmaxScale());
        j.field("layer_norm").bool(c.layerNorm());
        j.field("layer_norm_epsilon").number(c.layerNormEpsilon());
        // the same flag for every layer is written once
        boolean uniform = c.causal().stream().distinct().count() <= 1;
        if (uniform) j.field("causal").bool(!c.causal().isEmpty() && c.causal().getFirst());
        else j.field("causal").booleans(c.causal());
        j.field("output").beginObject();
        j.field("mode").string(c.outputMode().json());
        if (!c.outputLabels().isEmpty()) j.field("labels").strings(c.outputLabels());
        j.endObject();
        if (!c.residualLabels().isEmpty()) j.field("residual_labels").strings(c.residualLabels());
        if (!c.uniqueMaxHeads().isEmpty()) j.field("unique_max_heads").intLists(c.uniqueMaxHeads());
        j.endObject();
        j.field("params").beginObject();
        j.field("token_embed")
                .beginObject()
                .field("embeddings")
                .matrix(t.tokenEmbed())
                .endObject();
        if (positions == null) {
            j.field("pos_embed")
                    .beginObject()
                    .field("embeddings")
                    .matrix(t.posEmbed())
                    .endObject();
        } else {
            j.field("pos_embed").beginObject().field("rule").beginArray();
            for (PositionRule r : positions) {
                j.beginInlineObject()
                        .field("columns")
                        .ints(r.columns())
                        .field("form")
                        .string(r.form().json());
                if (r.scale() != 1) j.field("scale").number(r.scale());
                if (r.form() == Form.ONE_HOT) j.field("first").number(r.first());
                j.endObject();
            }
            j.endArray().endObject();
        }
        for (int l = 0; l < t.layers().size(); l++) {
            Layer layer = t.layers().get(l);
            String a = "layer_" + l + "/attn/", m = "layer_" + l + "/mlp/";
            if (layer.attnNorm() != null) norm(j, a + "layer_norm", layer.attnNorm());
            linear(j, a + "query", layer.query(), weights);
            linear(j, a + "key", layer.key(), weights);
            linear(j, a + "value", layer.value(), weights);
            linear(j, a + "linear", layer.linear(), weights);
            if (layer.mlpNorm() != null) norm(j, m + "layer_norm", layer.mlpNorm());
            linear(j, m + "linear_1", layer.linear1(), weights);
            linear(j, m + "linear_2", layer.linear2(), weights);
        }
        if (t.finalNorm() != null) norm(j, "final_layer_norm", t.finalNorm());
        linear(j, "unembed", t.unembed(), weights);
        j.endObject();
        j.endObject();
        return j + "\n";
    }

    private static void linear(JsonText j, String name, Linear l, List<WeightRule> weights) {
        j.field(name).beginObject().field("w").matrix(l.w()).field("b").vector(l.b());
        List<WeightRule> mine =
                weights.stream().filter(r -> r.parameter().equals(name)).toList();
        if (!mine.isEmpty()) {
            j.field("rule").beginArray();
            for (WeightRule r : mine) {
                j.beginInlineObject()
                        .field("field")
                        .string(r.field())
                        .field("entries")
                        .intLists(r.entries());
                j.field("form").string(r.form().json());
                if (r.scale() != 1) j.field("scale").number(r.scale());
                j.endObject();
            }
            j.endArray();
        }
        j.endObject();
    }

    private static void norm(JsonText j, String name, LayerNormParams n) {
        j.field(name)
                .beginObject()
                .field("scale")
                .vector(n.scale())
                .field("offset")
                .vector(n.offset())
                .endObject();
    }

    /** Writes the model as one {@link AtomicOutput} (complete or not at all), creating its directory. */
    public static void write(Transformer t, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicOutput.writeString(file, write(t));
    }

    /** Writes the family as one {@link AtomicOutput}, creating its directory. */
    public static void write(RuleFamily f, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicOutput.writeString(file, write(f));
    }
}
