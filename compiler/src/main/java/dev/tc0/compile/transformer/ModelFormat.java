package dev.tc0.compile.transformer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON model format of {@code src/docs/model-format.md} ({@link ModelWriter} writes it). Parameter names
 * follow Tracr's Haiku layout ({@code token_embed}, {@code layer_0/attn/query}, ...). Reading is
 * strict: unknown fields, missing parameters, wrong shapes and duplicate keys are errors, each
 * reported as one line naming its place in the file.
 */
public final class ModelFormat {
    public static final String FORMAT = "tc0-transformer";
    public static final int VERSION = 1;
    public static final double DEFAULT_LAYER_NORM_EPSILON = 1e-5;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // strict: nothing after the model's object

    /** The largest model file read: models are JSON of their weights, so this is far past any real one. */
    public static final long MAX_FILE = 1L << 30;
    /** Bits of precision tc0's p-precision arithmetic holds at most. */
    static final int MAX_BITS = 64;

    private ModelFormat() {}

    /**
     * Reads a model file: a regular file (a device or FIFO is refused before reading) of at most
     * {@link #MAX_FILE} bytes, in UTF-8 (any other encoding is refused with the byte offset where
     * it shows).
     */
    public static Transformer read(Path file) throws ModelFormatException, IOException {
        return read(text(file));
    }

    /**
     * Reads a model file as a family: a rule-based model ({@link RuleFamily}), or a model with a
     * position table, which is the family bounded by its max_seq_len.
     */
    public static ModelFamily readFamily(Path file) throws ModelFormatException, IOException {
        return readFamily(text(file));
    }

    private static String text(Path file) throws ModelFormatException, IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile())
            throw new ModelFormatException("not a regular file (a device, FIFO, socket or directory)");
        if (a.size() > MAX_FILE)
            throw new ModelFormatException("file of " + a.size() + " bytes is larger than tc0 reads (1 GiB)");
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readNBytes((int) a.size());
        }
        return utf8(data);
    }

    /**
     * The text of a UTF-8 file. JSON is UTF-8 (RFC 8259); a UTF-16 file decodes to garbage or to
     * text full of NULs, so both a byte sequence that is not UTF-8 and a NUL (which JSON text
     * cannot hold unescaped) are refused at their offset.
     */
    static String utf8(byte[] data) throws ModelFormatException {
        if (data.length >= 2
                && ((data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff
                        || (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe)) {
            throw new ModelFormatException("not UTF-8: a UTF-16 byte order mark at byte 0 (save the model as UTF-8)");
        }
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0)
                throw new ModelFormatException(
                        "not UTF-8 text: a NUL byte at byte " + i + " (UTF-16? save the model as UTF-8)");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            throw new ModelFormatException(String.format(
                    "not UTF-8: byte 0x%02x at byte %d does not continue a UTF-8 character",
                    data[in.position()] & 0xff, in.position()));
        }
        dec.flush(out);
        return out.flip().toString();
    }

    /** Reads a model with a position table; a rule-based family is refused (see {@link #readFamily}). */
    public static Transformer read(String json) throws ModelFormatException {
        ModelFamily f = readFamily(json);
        if (f instanceof RuleFamily)
            throw new ModelFormatException("params.pos_embed: a family (rules of the length n), not one model; "
                    + "it is materialised at a length (tc0 compile and verify take it with --n)");
        return f.at(f.maxN());
    }

    /** Reads a model or a rule-based family. */
    public static ModelFamily readFamily(String json) throws ModelFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String original = e.getOriginalMessage();
            String what = original.startsWith("Trailing token")
                    ? "text after the model's JSON object"
                    // Jackson would suggest enabling a parser feature; the user's fix is in the file
                    : original.startsWith("Non-standard token")
                            ? original.replaceFirst("Non-standard token '?([^':]*)'?.*", "$1")
                                    + " is not a number; every weight must be a finite number (replace NaN and infinities in the model file)"
                            : original.lines().findFirst().orElse("");
            throw new ModelFormatException("malformed JSON" + where + ": " + what);
        }
        if (root == null || !root.isObject()) throw new ModelFormatException("(root): expected a JSON object");
        try {
            return new Reader(root).family();
        } catch (IllegalArgumentException e) { // the model's own validation, already naming the place
            throw new ModelFormatException(e.getMessage());
        }
    }

    /** Reads one JSON tree, keeping the path of every value it looks at. */
    private static final class Reader {
        private final JsonNode root;
        private ModelConfig config;
        /** Whether pos_embed is a rule: the model is a family, and max_seq_len its optional bound. */
        private boolean rules;
        /** The family's bound, or null. */
        private Integer bound;

        private final List<WeightRule> weightRules = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        ModelFamily family() throws ModelFormatException {
            onlyFields(root, "", Set.of("format", "version", "name", "description", "config", "params"));
            String format = string(field(root, "", "format"), "format");
            if (!format.equals(FORMAT))
                throw new ModelFormatException("format: expected \"" + FORMAT + "\", got \"" + format + "\"");
            int version = integer(field(root, "", "version"), "version");
            if (version != VERSION)
                throw new ModelFormatException("version: this reader knows version " + VERSION + ", got " + version);
            JsonNode params = root.get("params"), pos = params == null ? null : params.get("pos_embed");
            rules = pos != null && pos.isObject() && pos.has("rule");
            config = config(field(root, "", "config"));
            return params(field(root, "", "params"));
        }

        private ModelConfig config(JsonNode c) throws ModelFormatException {
            String at = "config";
            onlyFields(
                    c,
                    at,
                    Set.of(
                            "vocab",
                            "bos",
                            "max_seq_len",
                            "d_model",
                            "num_layers",
                            "num_heads",
                            "key_size",
                            "value_size",
                            "mlp_hidden_size",
                            "precision",
                            "attention",
                            "softmax_scale",
                            "layer_norm",
                            "layer_norm_epsilon",
                            "causal",
                            "output",
                            "residual_labels",
                            "unique_max_heads"));
            List<String> vocab = strings(field(c, at, "vocab"), at + ".vocab");
            JsonNode bosNode = c.get("bos");
            String bos = bosNode == null || bosNode.isNull() ? null : string(bosNode, at + ".bos");
            int layers = integer(field(c, at, "num_layers"), at + ".num_layers");
            checkLayersAgainstParams(layers);
            int keySize = integer(field(c, at, "key_size"), at + ".key_size");
            String kindName = string(field(c, at, "attention"), at + ".attention");
            AttentionKind kind = AttentionKind.fromJson(kindName);
            if (kind == null)
                throw new ModelFormatException(
                        at + ".attention: expected \"softmax\" or \"saturated\", got \"" + kindName + "\"");
            double scale = c.has("softmax_scale")
                    ? number(c.get("softmax_scale"), at + ".softmax_scale")
                    : 1 / Math.sqrt(Math.max(1, keySize));
            boolean layerNorm = bool(field(c, at, "layer_norm"), at + ".layer_norm");
            double eps = c.has("layer_norm_epsilon")
                    ? number(c.get("layer_norm_epsilon"), at + ".layer_norm_epsilon")
                    : DEFAULT_LAYER_NORM_EPSILON;
            JsonNode out = field(c, at, "output");
            onlyFields(out, at + ".output", Set.of("mode", "labels"));
            String modeName = string(field(out, at + ".output", "mode"), at + ".output.mode");
            OutputMode mode = OutputMode.fromJson(modeName);
            if (mode == null) {
                throw new ModelFormatException(
                        at + ".output.mode: expected classify_first, classify_last, argmax or value, got \"" + modeName
                                + "\"");
            }
            List<String> labels = out.has("labels") ? strings(out.get("labels"), at + ".output.labels") : List.of();
            return new ModelConfig(
                    string(field(root, "", "name"), "name"),
                    root.has("description") ? string(root.get("description"), "description") : "",
                    vocab,
                    bos,
                    maxSeqLen(c, at),
                    integer(field(c, at, "d_model"), at + ".d_model"),
                    layers,
                    integer(field(c, at, "num_heads"), at + ".num_heads"),
                    keySize,
                    integer(field(c, at, "value_size"), at + ".value_size"),
                    integer(field(c, at, "mlp_hidden_size"), at + ".mlp_hidden_size"),
                    precision(field(c, at, "precision")),
                    kind,
                    scale,
                    layerNorm,
                    eps,
                    causal(field(c, at, "causal"), layers),
                    mode,
                    labels,
                    c.has("residual_labels") ? strings(c.get("residual_labels"), at + ".residual_labels") : List.of(),
                    c.has("unique_max_heads") ? pairs(c.get("unique_max_heads"), at + ".unique_max_heads") : List.of());
        }

        /**
         * max_seq_len: required with a position table; in a family its optional bound, kept aside
         * (the family checks it) while the template stands at 1, so that a large bound allocates
         * nothing.
         */
        private int maxSeqLen(JsonNode c, String at) throws ModelFormatException {
            if (!rules) return integer(field(c, at, "max_seq_len"), at + ".max_seq_len");
            if (c.has("max_seq_len")) bound = integer(c.get("max_seq_len"), at + ".max_seq_len");
            return 1;
        }

        /**
         * A layer count is checked against the parameters actually given before anything is sized
         * by it (the causal flags, the expected parameter names): every layer has six or more
         * (query, key, value, linear, linear_1, linear_2), so a count past the number of parameters
         * is a lie, whatever the file's size, and the lists it sizes stay within the file's. A
         * count short of six per layer but within that bound gets the usual, more precise "missing
         * parameter".
         */
        private void checkLayersAgainstParams(int layers) throws ModelFormatException {
            JsonNode p = root.get("params");
            if (p == null || !p.isObject()) return; // params() reports it
            if (layers > p.size()) {
                throw new ModelFormatException("config.num_layers: " + layers + " layers, but params has only "
                        + p.size() + " parameters (each layer has six or more)");
            }
        }

        private PrecisionSpec precision(JsonNode p) throws ModelFormatException {
            String at = "config.precision";
            onlyFields(p, at, Set.of("bits", "per_log2_n"));
            if (p.has("bits") == p.has("per_log2_n"))
                throw new ModelFormatException(at + ": give exactly one of \"bits\" and \"per_log2_n\"");
            try {
                return p.has("bits")
                        ? PrecisionSpec.bits(integer(p.get("bits"), at + ".bits"))
                        : PrecisionSpec.perLog2N(perLog2N(p.get("per_log2_n"), at + ".per_log2_n"));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(at + ": " + e.getMessage());
            }
        }

        /** c of p = c·log2 n: past 64 bits at n = 2 already, and past that nothing tc0 computes holds it. */
        private double perLog2N(JsonNode n, String at) throws ModelFormatException {
            double c = number(n, at);
            if (!(c > 0 && c <= MAX_BITS)) {
                throw new ModelFormatException(at + ": expected a number in (0, " + MAX_BITS
                        + "] (p = c·log2 n bits, at most " + MAX_BITS + "), got " + n);
            }
            return c;
        }

        private List<Boolean> causal(JsonNode node, int layers) throws ModelFormatException {
            List<Boolean> out = new ArrayList<>();
            if (node.isBoolean()) {
                for (int i = 0; i < layers; i++) out.add(node.booleanValue());
                return out;
            }
            if (!node.isArray())
                throw new ModelFormatException(
                        "config.causal: expected a boolean or an array of booleans, got " + kind(node));
            for (int i = 0; i < node.size(); i++) out.add(bool(node.get(i), "config.causal[" + i + "]"));
            return out;
        }

        private ModelFamily params(JsonNode p) throws ModelFormatException {
            ModelConfig c = config;
            Map<String, JsonNode> given = new LinkedHashMap<>();
            if (!p.isObject()) throw new ModelFormatException("params: expected an object, got " + kind(p));
            for (Map.Entry<String, JsonNode> e : p.properties()) given.put(e.getKey(), e.getValue());
            Set<String> expected = new java.util.LinkedHashSet<>(ParameterNames.all(c));
            for (String name : given.keySet()) {
                if (!expected.contains(name))
                    throw new ModelFormatException("params: unknown parameter \"" + name + "\"");
            }
            for (String name : expected) {
                if (!given.containsKey(name))
                    throw new ModelFormatException("params: missing parameter \"" + name + "\"");
            }
            double[][] tokenEmbed = embeddings(given, "token_embed", c.vocab().size());
            List<PositionRule> positionRules = rules ? positionRules(given.get("pos_embed")) : List.of();
            double[][] posEmbed =
                    rules ? new double[c.maxSeqLen()][c.dModel()] : embeddings(given, "pos_embed", c.maxSeqLen());
            int heads = c.numHeads(), d = c.dModel();
            int qk = width(heads, c.keySize(), "config.key_size"),
                    ov = width(heads, c.valueSize(), "config.value_size");
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < c.numLayers(); l++) {
                String a = "layer_" + l + "/attn/", m = "layer_" + l + "/mlp/";
                layers.add(new Layer(
                        linear(given, a + "query", d, qk),
                        linear(given, a + "key", d, qk),
                        linear(given, a + "value", d, ov),
                        linear(given, a + "linear", ov, d),
                        linear(given, m + "linear_1", d, c.mlpHiddenSize()),
                        linear(given, m + "linear_2", c.mlpHiddenSize(), d),
                        c.layerNorm() ? norm(given, a + "layer_norm", d) : null,
                        c.layerNorm() ? norm(given, m + "layer_norm", d) : null));
            }
            LayerNormParams finalNorm = c.layerNorm() ? norm(given, "final_layer_norm", d) : null;
            Transformer t = new Transformer(
                    c, tokenEmbed, posEmbed, layers, finalNorm, linear(given, "unembed", d, c.outputSize()));
            if (!rules) return ModelFamily.bounded(t);
            return new RuleFamily(t, positionRules, weightRules, bound);
        }

        /** {"rule": [{"columns": [...], "form": F, "scale": s, "first": k}, ...]} */
        private List<PositionRule> positionRules(JsonNode node) throws ModelFormatException {
            onlyFields(node, "pos_embed", Set.of("rule"));
            JsonNode list = node.get("rule");
            if (!list.isArray())
                throw new ModelFormatException("pos_embed.rule: expected an array of rules, got " + kind(list));
            List<PositionRule> out = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                String at = "pos_embed.rule[" + k + "]";
                JsonNode r = list.get(k);
                onlyFields(r, at, Set.of("columns", "form", "scale", "first"));
                List<Integer> columns = integers(field(r, at, "columns"), at + ".columns");
                Form form = form(field(r, at, "form"), at + ".form");
                double scale = r.has("scale") ? number(r.get("scale"), at + ".scale") : 1;
                int first = r.has("first") ? integer(r.get("first"), at + ".first") : 0;
                try {
                    out.add(new PositionRule(columns, form, scale, first));
                } catch (IllegalArgumentException e) {
                    throw new ModelFormatException(at + "." + e.getMessage());
                }
            }
            return out;
        }

        /** A linear map's optional {"rule": [{"field": "w", "entries": [[r, c], ...], "form": F, "scale": s}]}. */
        private void weightRules(String name, JsonNode list) throws ModelFormatException {
            if (!rules) {
                throw new ModelFormatException(name + ".rule: weight rules need a family, whose pos_embed is a rule"
                        + " too (write {\"rule\": []} for no position columns)");
            }
            if (!list.isArray())
                throw new ModelFormatException(name + ".rule: expected an array of rules, got " + kind(list));
            for (int k = 0; k < list.size(); k++) {
                String at = name + ".rule[" + k + "]";
                JsonNode r = list.get(k);
                onlyFields(r, at, Set.of("field", "entries", "form", "scale"));
                String f = string(field(r, at, "field"), at + ".field");
                JsonNode e = field(r, at, "entries");
                if (!e.isArray()) throw new ModelFormatException(at + ".entries: expected an array, got " + kind(e));
                List<List<Integer>> entries = new ArrayList<>();
                for (int j = 0; j < e.size(); j++) entries.add(integers(e.get(j), at + ".entries[" + j + "]"));
                Form form = form(field(r, at, "form"), at + ".form");
                double scale = r.has("scale") ? number(r.get("scale"), at + ".scale") : 1;
                try {
                    weightRules.add(new WeightRule(name, f, entries, form, scale));
                } catch (IllegalArgumentException x) {
                    throw new ModelFormatException(at + "." + x.getMessage());
                }
            }
        }

        /** heads x size, the width of the stacked heads, which must not wrap around past an int. */
        private static int width(int heads, int size, String at) throws ModelFormatException {
            long w = (long) heads * size;
            if (w > Integer.MAX_VALUE)
                throw new ModelFormatException(at + ": config.num_heads x " + size + " is " + w + ", too large");
            return (int) w;
        }

        private double[][] embeddings(Map<String, JsonNode> given, String name, int rows) throws ModelFormatException {
            JsonNode node = given.get(name);
            onlyFields(node, name, Set.of("embeddings"));
            return matrix(field(node, name, "embeddings"), name, rows, config.dModel());
        }

        private Linear linear(Map<String, JsonNode> given, String name, int in, int out) throws ModelFormatException {
            JsonNode node = given.get(name);
            onlyFields(node, name, Set.of("w", "b", "rule"));
            if (node.has("rule")) weightRules(name, node.get("rule"));
            return new Linear(
                    matrix(field(node, name, "w"), name, in, out), vector(field(node, name, "b"), name + ".b", out));
        }

        private LayerNormParams norm(Map<String, JsonNode> given, String name, int d) throws ModelFormatException {
            JsonNode node = given.get(name);
            onlyFields(node, name, Set.of("scale", "offset"));
            return new LayerNormParams(
                    vector(field(node, name, "scale"), name + ".scale", d),
                    vector(field(node, name, "offset"), name + ".offset", d));
        }

        /** A rows x cols matrix; a shape mismatch reads {@code name: expected 8x4, got 8x3}. */
        private double[][] matrix(JsonNode node, String name, int rows, int cols) throws ModelFormatException {
            if (!node.isArray())
                throw new ModelFormatException(name + ": expected a matrix (array of rows), got " + kind(node));
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isArray())
                    throw new ModelFormatException(
                            name + ": row " + i + " is " + kind(node.get(i)) + ", expected an array");
            }
            int gotCols = node.isEmpty() ? cols : node.get(0).size();
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).size() != gotCols) {
                    throw new ModelFormatException(
                            name + ": row " + i + " has " + node.get(i).size() + " entries, row 0 has " + gotCols);
                }
            }
            if (node.size() != rows || gotCols != cols) {
                throw new ModelFormatException(
                        name + ": expected " + rows + "x" + cols + ", got " + node.size() + "x" + gotCols);
            }
            double[][] m = new double[rows][];
            for (int i = 0; i < rows; i++) m[i] = numbers(node.get(i), name + "[" + i + "]");
            return m;
        }

        private double[] vector(JsonNode node, String name, int length) throws ModelFormatException {
            if (!node.isArray()) throw new ModelFormatException(name + ": expected an array, got " + kind(node));
            if (node.size() != length)
                throw new ModelFormatException(name + ": expected length " + length + ", got " + node.size());
            return numbers(node, name);
        }

        private double[] numbers(JsonNode node, String at) throws ModelFormatException {
            double[] v = new double[node.size()];
            for (int i = 0; i < v.length; i++) v[i] = number(node.get(i), at + "[" + i + "]");
            return v;
        }
    }

    private static JsonNode field(JsonNode obj, String at, String name) throws ModelFormatException {
        String path = at.isEmpty() ? name : at + "." + name;
        if (!obj.isObject())
            throw new ModelFormatException((at.isEmpty() ? "(root)" : at) + ": expected an object, got " + kind(obj));
        JsonNode v = obj.get(name);
        if (v == null) throw new ModelFormatException(path + ": missing");
        return v;
    }

    private static void onlyFields(JsonNode obj, String at, Set<String> allowed) throws ModelFormatException {
        String where = at.isEmpty() ? "(root)" : at;
        if (!obj.isObject()) throw new ModelFormatException(where + ": expected an object, got " + kind(obj));
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name))
                throw new ModelFormatException((at.isEmpty() ? name : at + "." + name) + ": unknown field");
        }
    }

    private static String string(JsonNode n, String at) throws ModelFormatException {
        if (!n.isTextual()) throw new ModelFormatException(at + ": expected a string, got " + kind(n));
        return n.textValue();
    }

    private static int integer(JsonNode n, String at) throws ModelFormatException {
        if (!n.isIntegralNumber() || !n.canConvertToInt())
            throw new ModelFormatException(at + ": expected an integer, got " + kind(n));
        return n.intValue();
    }

    private static double number(JsonNode n, String at) throws ModelFormatException {
        if (!n.isNumber()) throw new ModelFormatException(at + ": expected a number, got " + kind(n));
        double v = n.doubleValue();
        if (!Double.isFinite(v)) throw new ModelFormatException(at + ": number out of the double range");
        return v;
    }

    private static boolean bool(JsonNode n, String at) throws ModelFormatException {
        if (!n.isBoolean()) throw new ModelFormatException(at + ": expected true or false, got " + kind(n));
        return n.booleanValue();
    }

    /** [[layer, head], ...] */
    private static List<List<Integer>> pairs(JsonNode n, String at) throws ModelFormatException {
        if (!n.isArray()) throw new ModelFormatException(at + ": expected an array of [layer, head] pairs");
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 0; k < n.size(); k++) {
            JsonNode p = n.get(k);
            if (!p.isArray() || p.size() != 2)
                throw new ModelFormatException(at + "[" + k + "]: expected [layer, head]");
            out.add(List.of(integer(p.get(0), at + "[" + k + "][0]"), integer(p.get(1), at + "[" + k + "][1]")));
        }
        return out;
    }

    private static Form form(JsonNode n, String at) throws ModelFormatException {
        String name = string(n, at);
        Form f = Form.fromJson(name);
        if (f == null)
            throw new ModelFormatException(at + ": expected one of " + Form.names() + ", got \"" + name + "\"");
        return f;
    }

    private static List<Integer> integers(JsonNode n, String at) throws ModelFormatException {
        if (!n.isArray()) throw new ModelFormatException(at + ": expected an array of integers, got " + kind(n));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) out.add(integer(n.get(i), at + "[" + i + "]"));
        return out;
    }

    private static List<String> strings(JsonNode n, String at) throws ModelFormatException {
        if (!n.isArray()) throw new ModelFormatException(at + ": expected an array of strings, got " + kind(n));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) out.add(string(n.get(i), at + "[" + i + "]"));
        return out;
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) return "the string " + abbreviate(n.toString());
        if (n.isNumber() || n.isBoolean() || n.isNull()) return n.toString();
        return n.isArray() ? "an array" : "an object";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "...\"" : s;
    }
}
