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
            String json = ModelWriter.write(model);
            Transformer back = ModelFormat.read(json);
            assertEquals(json, ModelWriter.write(back), name);
        }
    }

    /** The files under src/examples/models are the registry's models, byte for byte. */
    @Test
    void shippedExamplesMatchTheRegistry() throws Exception {
        for (String name : ModelRegistry.names()) {
            Path file = EXAMPLES.resolve(name + ".json");
            assertTrue(Files.exists(file), file + " is missing; run ModelRegistry.main to export the examples");
            assertEquals(
                    ModelWriter.write(ModelRegistry.get(name)),
                    Files.readString(file),
                    file + " is stale; run ModelRegistry.main to export the examples");
            ModelFormat.read(file);
        }
    }

    @Test
    void aReadModelComputesWhatTheBuiltOneComputes() throws Exception {
        Transformer built = PaperModels.dyck1(16);
        Reference a = new Reference(built), b = new Reference(ModelFormat.read(ModelWriter.write(built)));
        for (List<String> w : List.of(List.of("(", ")"), List.of(")", "("), List.of("(", "(", ")", ")", "(", ")"))) {
            Trace<PFloat> x = a.run(w), y = b.run(w);
            assertEquals(x.states(), y.states());
            assertEquals(x.output().accepted(), y.output().accepted());
        }
    }

    private static String error(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelFormat.read(json))
                .getMessage();
    }

    private static String dyck() {
        return ModelWriter.write(PaperModels.dyck1(4));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = dyck().replaceFirst("\"version\": 1,", "\"version\": 1,,");
        String message = error(json);
        assertTrue(message.startsWith("malformed JSON at line 3, column "), message);
        assertFalse(message.contains("\n"), message);
    }

    /** A NaN or infinite weight: the message says what to change in the file, not which parser feature to enable. */
    @Test
    void nanWeightSaysWhatToDoInTheFile() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity"}) {
            String json =
                    dyck().replaceFirst("(\"token_embed\": \\{\\s*\"embeddings\": \\[\\s*\\[)[-0-9.eE]+", "$1" + bad);
            String message = error(json);
            assertTrue(
                    message.matches("malformed JSON at line \\d+, column \\d+: '?" + bad.replace("-", "-?")
                            + "'? is not a number; every weight must be "
                            + "a finite number \\(replace NaN and infinities in the model file\\)"),
                    bad + ": " + message);
            assertFalse(message.contains("JsonReadFeature") || message.contains("enable"), message);
        }
    }

    /** dyck1(4) as JSON with one parameter's weight matrix replaced. */
    private static String withWeights(String parameter, String matrix) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(dyck());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("params").get(parameter))
                .set("w", mapper.readTree(matrix));
        return mapper.writeValueAsString(root);
    }

    @Test
    void wrongShapeNamesTheParameterAndBothShapes() throws Exception {
        assertEquals(
                "layer_0/attn/key: expected 5x1, got 5x2",
                error(withWeights("layer_0/attn/key", "[[0,0],[0,0],[0,0],[0,0],[0,0]]")));
        assertEquals(
                "layer_0/attn/query: expected 5x1, got 4x1",
                error(withWeights("layer_0/attn/query", "[[0],[0],[0],[0]]")));
        assertEquals(
                "layer_1/mlp/linear_1: row 2 has 2 entries, row 0 has 3",
                error(withWeights("layer_1/mlp/linear_1", "[[0,0,0],[0,0,0],[0,0],[0,0,0],[0,0,0]]")));
    }

    @Test
    void unknownFieldsMissingParametersAndBadValuesAreNamed() {
        assertEquals(
                "config.colour: unknown field", error(dyck().replace("\"d_model\":", "\"colour\": 1, \"d_model\":")));
        assertEquals(
                "params: missing parameter \"unembed\"",
                error(dyck().replaceFirst(",\\s*\"unembed\": \\{[^}]*\\}", "")));
        assertEquals(
                "params: unknown parameter \"layer_7/mlp/linear_1\"",
                error(dyck().replace("\"token_embed\":", "\"layer_7/mlp/linear_1\": {}, \"token_embed\":")));
        assertEquals(
                "config.max_seq_len: expected an integer, got the string \"4\"",
                error(dyck().replace("\"max_seq_len\": 4", "\"max_seq_len\": \"4\"")));
        assertEquals(
                "config.attention: expected \"softmax\" or \"saturated\", got \"hard\"",
                error(dyck().replace("\"saturated\"", "\"hard\"")));
        assertEquals(
                "layer_0/mlp/linear_2.b[0]: expected a number, got the string \"x\"",
                error(dyck().replaceFirst("(\"layer_0/mlp/linear_2\": \\{[^}]*\"b\": \\[)0", "$1\"x\"")));
        assertEquals(
                "config.output.labels: required for argmax output and only there",
                error(dyck().replace("\"mode\": \"classify_last\"", "\"mode\": \"argmax\"")));
    }

    @Test
    void duplicateKeysAndMissingFieldsAreNamed() {
        String message = error(dyck().replace("\"name\": \"dyck1\",", "\"name\": \"dyck1\", \"name\": \"again\","));
        assertTrue(
                message.startsWith("malformed JSON at line 4, column ") && message.contains("Duplicate field 'name'"),
                message);
        assertEquals("config.d_model: missing", error(dyck().replace("\"d_model\": 5,", "")));
        assertEquals("(root): expected a JSON object", error("[1, 2]"));
    }

    @Test
    void precisionTooSmallForTheInputLengthIsReported() {
        String json = dyck().replace("\"bits\": 16", "\"bits\": 2");
        assertEquals("config.precision: precision must be an even number of bits from 4 to 64, got 2", error(json));
        String small =
                dyck().replace("\"bits\": 16", "\"bits\": 4").replace("\"max_seq_len\": 4", "\"max_seq_len\": 9");
        assertEquals(
                "config.precision: precision 4 bits gives p=4 bits at n=9, but log2|vocab| + log2 n = log2 2 + log2 9 = 4.17 > p",
                error(small));
    }

    /** A layer count past what the params can hold is refused before any list is sized by it. */
    @Test
    void hugeLayerCountsAreRefusedAgainstTheParamsGiven() {
        String json = dyck().replace("\"num_layers\": 2", "\"num_layers\": 1000000000");
        assertNotEquals(dyck(), json);
        String message = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> error(json));
        assertTrue(
                message.matches(
                        "config\\.num_layers: 1000000000 layers, but params has only \\d+ parameters \\(each layer has six or more\\)"),
                message);
        String three = dyck().replace("\"num_layers\": 2", "\"num_layers\": 3");
        assertEquals(
                "params: missing parameter \"layer_2/attn/query\"", error(three)); // within the bound: the usual check
        String one = dyck().replace("\"num_layers\": 2", "\"num_layers\": 1");
        assertTrue(
                error(one).startsWith("params: unknown parameter \"layer_1/"),
                error(one)); // within the bound: the usual check
        String heads = dyck().replace("\"num_heads\": 1", "\"num_heads\": 65536")
                .replace("\"key_size\": 1", "\"key_size\": 65536");
        assertTrue(
                error(heads).startsWith("config.key_size: config.num_heads x 65536 is 4294967296, too large"),
                error(heads));
    }

    /** Strict reading: anything after the model's object is an error, as the format says. */
    @Test
    void textAfterTheModelIsAnError() {
        for (String tail : new String[] {"{}", "[1]", "\"more\"", "1", "null"}) {
            String message = error(dyck() + tail);
            assertTrue(
                    message.matches("malformed JSON at line \\d+, column \\d+: text after the model's JSON object"),
                    tail + ": " + message);
        }
        String word = error(dyck() + "x"); // not even a JSON token
        assertTrue(word.startsWith("malformed JSON at line ") && word.contains("'x'") && !word.contains("\n"), word);
        assertDoesNotThrow(() -> ModelFormat.read(dyck() + "  \n\t\n")); // trailing whitespace is fine
    }

    /** c of p = c·log2 n is bounded by the 64 bits tc0 computes with, and named when not. */
    @Test
    void hugePerLog2NIsRejectedWithItsPath() {
        String base = dyck().replace("\"bits\": 16", "\"per_log2_n\": 4");
        assertDoesNotThrow(() -> ModelFormat.read(base));
        for (String c : new String[] {"1e308", "65", "1e10", "0", "-2"}) {
            assertEquals(
                    "config.precision.per_log2_n: expected a number in (0, 64] (p = c·log2 n bits, at most 64), got "
                            + c.replace("1e308", "1.0E308").replace("1e10", "1.0E10"),
                    error(base.replace("\"per_log2_n\": 4", "\"per_log2_n\": " + c)));
        }
        assertEquals(
                Integer.MAX_VALUE - 1, PrecisionSpec.perLog2N(1e308).bitsFor(1024), "saturates, never wraps to 4 bits");
    }

    /** A model file in UTF-16 (or any bytes that are not UTF-8) is named as such, with the byte offset. */
    @Test
    void nonUtf8FilesAreRefusedWithTheOffset() throws Exception {
        Path dir = Files.createTempDirectory("tc0-model");
        try {
            Path le = dir.resolve("le.json"),
                    be = dir.resolve("be.json"),
                    bad = dir.resolve("bad.json"),
                    nobom = dir.resolve("nobom.json");
            Files.write(le, dyck().getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
            Files.write(nobom, dyck().getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
            byte[] withBom =
                    dyck().getBytes(java.nio.charset.StandardCharsets.UTF_16); // big-endian with a byte order mark
            Files.write(be, withBom);
            byte[] utf8 =
                    dyck().replace("\"dyck1\"", "\"dy\u00e9ck1\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int at = new String(utf8, java.nio.charset.StandardCharsets.UTF_8).indexOf("\u00e9");
            at = dyck().substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            utf8[at + 1] = 'x'; // a lead byte of a two-byte character with no continuation
            Files.write(bad, utf8);
            assertEquals(
                    "not UTF-8 text: a NUL byte at byte 1 (UTF-16? save the model as UTF-8)",
                    assertThrows(ModelFormatException.class, () -> ModelFormat.read(nobom))
                            .getMessage());
            assertEquals(
                    "not UTF-8: a UTF-16 byte order mark at byte 0 (save the model as UTF-8)",
                    assertThrows(ModelFormatException.class, () -> ModelFormat.read(be))
                            .getMessage());
            assertEquals(
                    "not UTF-8: byte 0xc3 at byte " + at + " does not continue a UTF-8 character",
                    assertThrows(ModelFormatException.class, () -> ModelFormat.read(bad))
                            .getMessage());
            assertEquals(
                    ModelWriter.write(PaperModels.dyck1(4)),
                    ModelWriter.write(ModelFormat.read(Files.writeString(dir.resolve("ok.json"), dyck()))));
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    /** A device or FIFO as a model file is refused before a byte is read. */
    @Test
    void devicesAreRefused() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        String message = assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10),
                () -> assertThrows(ModelFormatException.class, () -> ModelFormat.read(zero))
                        .getMessage());
        assertEquals("not a regular file (a device, FIFO, socket or directory)", message);
    }
}
