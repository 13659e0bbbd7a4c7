package dev.tc0.compile.transformer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A model whose configuration is a JSON file without {@code params} and whose weights are a NumPy
 * {@code .npz} in Tracr's (Haiku's) naming: one array per {@code module/parameter}, e.g.
 * {@code transformer/layer_0/attn/query/w} (d_model x heads·key_size), {@code .../query/b},
 * {@code token_embed/embeddings}, {@code transformer/layer_0/mlp/linear_1/w},
 * {@code transformer/layer_0/attn/layer_norm/scale}, {@code unembed/w}. The {@code transformer/}
 * prefix Haiku puts before the layers is optional. This is what {@code numpy.savez(path, **flat)}
 * writes for Haiku parameters flattened as {@code {f"{module}/{name}": array}}, and what a PyTorch
 * model with the same layout exports (see src/examples/torch/). The arrays become the model's
 * {@code params} and the whole is read by {@link ModelFormat}, with its strict checks and messages.
 */
public final class NpzModel {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NpzModel() {}

    /** The configuration JSON (no {@code params}) with the named arrays as its parameters. */
    public static Transformer read(String configJson, Map<String, NpzArrays.Array> arrays) throws ModelFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(configJson);
        } catch (JsonProcessingException e) {
            return ModelFormat.read(configJson); // the model reader reports malformed JSON with its position
        }
        if (!(root instanceof ObjectNode obj)) throw new ModelFormatException("(root): expected a JSON object");
        if (obj.has("params")) {
            throw new ModelFormatException(
                    "params: the model file holds its own parameters; with a weights file give only the configuration");
        }
        ObjectNode params = obj.putObject("params");
        for (Map.Entry<String, NpzArrays.Array> e : arrays.entrySet()) {
            String key =
                    e.getKey().startsWith("transformer/") ? e.getKey().substring("transformer/".length()) : e.getKey();
            int slash = key.lastIndexOf('/');
            if (slash <= 0) {
                throw new ModelFormatException(
                        e.getKey() + ": expected a module/parameter name such as transformer/layer_0/attn/query/w");
            }
            String module = key.substring(0, slash), field = key.substring(slash + 1);
            JsonNode existing = params.get(module);
            ObjectNode m = existing instanceof ObjectNode o ? o : params.putObject(module);
            if (m.has(field))
                throw new ModelFormatException(e.getKey() + ": given twice (with and without the transformer/ prefix)");
            m.set(field, json(e.getValue()));
        }
        return ModelFormat.read(obj.toString());
    }

    private static JsonNode json(NpzArrays.Array a) {
        if (!a.matrix()) return row(a, 0);
        ArrayNode rows = MAPPER.createArrayNode();
        for (int r = 0; r < a.rows(); r++) rows.add(row(a, r));
        return rows;
    }

    private static ArrayNode row(NpzArrays.Array a, int r) {
        ArrayNode row = MAPPER.createArrayNode();
        for (int c = 0; c < a.cols(); c++) row.add(a.get(r, c));
        return row;
    }
}
