package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.transformer.models.ModelRegistry;
import dev.tc0.compile.transformer.models.PaperModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFormatTest {
    private static final Path EXAMPLES = Path.of("..", "src", "examples", "models");

    @Test
    void everyRegistryModelRoundTripsThroughJson() throws Exception {
        for (String name : ModelRegistry.names()) {
            Transformer model = ModelRegistry.get(name);
            String json = ModelFormat.write(model);
            Transformer back = ModelFormat.read(json);
            assertEquals(json, ModelFormat.write(back), name);
        }
    }

    /** The files under src/examples/models are the registry's models, byte for byte. */
    @Test
    void shippedExamplesMatchTheRegistry() throws Exception {
        for (String name : ModelRegistry.names()) {
            Path file = EXAMPLES.resolve(name + ".json");
            assertTrue(Files.exists(file), file + " is missing; run ModelRegistry.main to export the examples");
            assertEquals(ModelFormat.write(ModelRegistry.get(name)), Files.readString(file),
                    file + " is stale; run ModelRegistry.main to export the examples");
            ModelFormat.read(file);
        }
    }

    @Test
    void aReadModelComputesWhatTheBuiltOneComputes() throws Exception {
        Transformer built = PaperModels.dyck1(16);
        Reference a = new Reference(built), b = new Reference(ModelFormat.read(ModelFormat.write(built)));
        for (List<String> w : List.of(List.of("(", ")"), List.of(")", "("), List.of("(", "(", ")", ")", "(", ")"))) {
            Trace<PFloat> x = a.run(w), y = b.run(w);
            assertEquals(x.states(), y.states());
            assertEquals(x.output().accepted(), y.output().accepted());
        }
    }

    private static String error(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelFormat.read(json)).getMessage();
    }

    private static String dyck() {
        return ModelFormat.write(PaperModels.dyck1(4));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = dyck().replaceFirst("\"version\": 1,", "\"version\": 1,,");
        String message = error(json);
        assertTrue(message.startsWith("malformed JSON at line 3, column "), message);
        assertFalse(message.contains("\n"), message);
    }

    /** dyck1(4) as JSON with one parameter's weight matrix replaced. */
    private static String withWeights(String parameter, String matrix) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(dyck());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("params").get(parameter)).set("w", mapper.readTree(matrix));
        return mapper.writeValueAsString(root);
    }

    @Test
    void wrongShapeNamesTheParameterAndBothShapes() throws Exception {
        assertEquals("layer_0/attn/key: expected 5x1, got 5x2", error(withWeights("layer_0/attn/key", "[[0,0],[0,0],[0,0],[0,0],[0,0]]")));
        assertEquals("layer_0/attn/query: expected 5x1, got 4x1", error(withWeights("layer_0/attn/query", "[[0],[0],[0],[0]]")));
        assertEquals("layer_1/mlp/linear_1: row 2 has 2 entries, row 0 has 3",
                error(withWeights("layer_1/mlp/linear_1", "[[0,0,0],[0,0,0],[0,0],[0,0,0],[0,0,0]]")));
    }

    @Test
    void unknownFieldsMissingParametersAndBadValuesAreNamed() {
        assertEquals("config.colour: unknown field", error(dyck().replace("\"d_model\":", "\"colour\": 1, \"d_model\":")));
        assertEquals("params: missing parameter \"unembed\"", error(dyck().replaceFirst(",\\s*\"unembed\": \\{[^}]*\\}", "")));
        assertEquals("params: unknown parameter \"layer_7/mlp/linear_1\"",
                error(dyck().replace("\"token_embed\":", "\"layer_7/mlp/linear_1\": {}, \"token_embed\":")));
        assertEquals("config.max_seq_len: expected an integer, got the string \"4\"", error(dyck().replace("\"max_seq_len\": 4", "\"max_seq_len\": \"4\"")));
        assertEquals("config.attention: expected \"softmax\" or \"saturated\", got \"hard\"", error(dyck().replace("\"saturated\"", "\"hard\"")));
        assertEquals("layer_0/mlp/linear_2.b[0]: expected a number, got the string \"x\"",
                error(dyck().replaceFirst("(\"layer_0/mlp/linear_2\": \\{[^}]*\"b\": \\[)0", "$1\"x\"")));
        assertEquals("config.output.labels: required for argmax output and only there",
                error(dyck().replace("\"mode\": \"classify_last\"", "\"mode\": \"argmax\"")));
    }

    @Test
    void duplicateKeysAndMissingFieldsAreNamed() {
        String message = error(dyck().replace("\"name\": \"dyck1\",", "\"name\": \"dyck1\", \"name\": \"again\","));
        assertTrue(message.startsWith("malformed JSON at line 4, column ") && message.contains("Duplicate field 'name'"), message);
        assertEquals("config.d_model: missing", error(dyck().replace("\"d_model\": 5,", "")));
        assertEquals("(root): expected a JSON object", error("[1, 2]"));
    }

    @Test
    void precisionTooSmallForTheInputLengthIsReported() {
        String json = dyck().replace("\"bits\": 16", "\"bits\": 2");
        assertEquals("config.precision: precision must be an even number of bits from 4 to 64, got 2", error(json));
        String small = dyck().replace("\"bits\": 16", "\"bits\": 4").replace("\"max_seq_len\": 4", "\"max_seq_len\": 9");
        assertEquals("config.precision: precision 4 bits gives p=4 bits at n=9, but log2|vocab| + log2 n = log2 2 + log2 9 = 4.17 > p",
                error(small));
    }
}
