package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.List;

/** The parameter names a configuration requires, in file order (Tracr's Haiku names). */
final class ParameterNames {
    private ParameterNames() {}

    static List<String> all(ModelConfig c) {
        List<String> names = new ArrayList<>(List.of("token_embed", "pos_embed"));
        for (int l = 0; l < c.numLayers(); l++) {
            String a = "layer_" + l + "/attn/", m = "layer_" + l + "/mlp/";
            if (c.layerNorm()) names.add(a + "layer_norm");
            names.addAll(List.of(a + "query", a + "key", a + "value", a + "linear"));
            if (c.layerNorm()) names.add(m + "layer_norm");
            names.addAll(List.of(m + "linear_1", m + "linear_2"));
        }
        if (c.layerNorm()) names.add("final_layer_norm");
        names.add("unembed");
        return names;
    }
}
