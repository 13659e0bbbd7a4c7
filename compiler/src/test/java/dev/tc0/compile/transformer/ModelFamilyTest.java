package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.number.Precision;
import dev.tc0.compile.transformer.models.ModelRegistry;
import dev.tc0.compile.transformer.models.PaperModels;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Families (src/docs/model-format.md, Families): rule-based models materialise at n exactly as the
 * builders build them for n, the position tables are their closed forms, the JSON form round-trips
 * and its mistakes are one line naming the field. {@link FamilyFunctionsTest} runs the families
 * past 64.
 */
class ModelFamilyTest {
    private static final Path EXAMPLES = Path.of("..", "src", "examples", "models");
    private static final int[] LENGTHS = {1, 2, 7, 16, 63, 64, 65, 100, 256};

    /** Parameters and config of two models as the JSON writer spells them: equal text is equal doubles. */
    private static void assertSameModel(Transformer want, Transformer got, String what) {
        assertEquals(ModelWriter.write(want), ModelWriter.write(got), what);
        assertArrayEquals(want.posEmbed(), got.posEmbed(), what);
    }

    /**
     * The JSON families (written, read back) materialise at n to the builder's model for n, bit for
     * bit; at 64 that is the shipped table model, src/examples/models/X.json.
     */
    @Test
    void ruleFamiliesMaterialiseToTheBuiltModels() throws Exception {
        for (var e : ModelRegistry.ruleFamilies().entrySet()) {
            String json = ModelWriter.write(e.getValue());
            ModelFamily read = ModelFormat.readFamily(json);
            assertEquals(json, ModelWriter.write((RuleFamily) read), "round trip of " + e.getKey());
            for (int n : LENGTHS) {
                Transformer built = e.getKey().equals("majority") ? PaperModels.majority(n) : PaperModels.dyck1(n);
                assertSameModel(built, read.at(n), e.getKey() + " at n = " + n);
                assertEquals(n, read.at(n).config().maxSeqLen());
            }
            assertEquals(
                    Files.readString(EXAMPLES.resolve(e.getKey() + ".json")),
                    ModelWriter.write(read.at(64)),
                    e.getKey() + " at 64 is the shipped table model");
            assertEquals(
                    json,
                    Files.readString(EXAMPLES.resolve("families").resolve(e.getKey() + ".json")),
                    "src/examples/models/families/" + e.getKey() + ".json is stale; run ModelRegistry.main");
        }
    }

    /** Dyck-1's gain is the rule 2n: at 100 the weight is 200, the form's value, not the shipped 128. */
    @Test
    void weightRulesTakeTheirValueAtN() {
        Transformer d = PaperModels.dyck1Family().at(100);
        assertEquals(-200, d.layers().get(0).linear1().w()[1][0]);
        assertEquals(128, ModelRegistry.get("dyck1").layers().get(1).linear1().w()[1][0]);
    }

    /**
     * Every shipped family's position table is its closed form, read off the residual labels:
     * Tracr's categorical index k at position k+1 (BOS at 0 has none), CVP's i, i² and 1/(i+1).
     * Up to the shipped length the registry gives the shipped model itself, past it a model of
     * exactly n positions.
     */
    @Test
    void positionTablesAreTheirClosedForms() {
        for (String name : ModelRegistry.names()) {
            ModelFamily f = ModelRegistry.family(name);
            Transformer shipped = ModelRegistry.get(name);
            for (int n : new int[] {2, 9, 64, 100, 256}) {
                Transformer m = f.at(n);
                int rows = m.config().maxSeqLen();
                if (n <= shipped.config().maxSeqLen()) assertSameModel(shipped, m, name + " at " + n);
                else assertEquals(n, rows, name + " at " + n);
                List<String> labels = m.config().residualLabels();
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < labels.size(); c++) {
                        String l = labels.get(c);
                        double want = switch (l) {
                            case "pos" -> i;
                            case "pos^2" -> (double) i * i;
                            case "1/(pos+1)" -> 1.0 / (i + 1);
                            default -> l.equals("indices:" + (i - 1)) ? 1 : 0;
                        };
                        assertEquals(want, m.posEmbed()[i][c], name + " n=" + n + " row " + i + " " + l);
                    }
                }
            }
        }
    }

    /**
     * A form's value is the double nearest the real one, then truncated to p bits like every
     * weight; for denominators up to 2^22 that is the truncation of the exact rational (a binary
     * expansion of a/m has runs shorter than log2 m bits, under the double's 22 bits past the
     * widest mantissa), checked here for 1/(i+1) and i/n.
     */
    @Test
    void rationalFormsTruncateLikeTheExactValue() {
        for (int p : new int[] {20, 64}) {
            Precision pr = Precision.of(p);
            for (int m = 1; m <= 1 << 14; m++) {
                assertEquals(
                        pr.fromRational(BigInteger.ONE, BigInteger.valueOf(m)),
                        pr.fromDouble(Form.INVERSE_I_PLUS_1.value(m - 1, 0)),
                        "1/" + m + " at p = " + p);
            }
            for (int n = 1; n <= 300; n++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(
                            pr.fromRational(BigInteger.valueOf(i), BigInteger.valueOf(n)),
                            pr.fromDouble(Form.I_OVER_N.value(i, n)),
                            i + "/" + n + " at p = " + p);
                }
            }
        }
    }

    @Test
    void limitsAreTheFamiliesPrecisions() {
        assertEquals(1 << 15, PaperModels.dyck1Family().maxN()); // 16 bits hold log2 2 + log2 n up to 2^15
        assertEquals(2_642_245, PrecisionSpec.perLog2N(3).largestN(2, Integer.MAX_VALUE)); // 3·log2 n <= 64
        assertEquals(ModelFamily.MAX_LENGTH, PaperModels.majorityFamily().maxN()); // below that, the cap
        // a linear scan agrees with the bisection per precision plateau, up to where p passes 64
        for (PrecisionSpec p : List.of(PrecisionSpec.perLog2N(1.5), PrecisionSpec.perLog2N(3), PrecisionSpec.bits(8))) {
            int scan = 1;
            while (scan < 1 << 22 && p.violation(2, scan + 1) == null) scan++;
            assertEquals(scan, p.largestN(2, 1 << 22), p.describe());
        }
        String past = assertThrows(
                        IllegalArgumentException.class,
                        () -> PaperModels.dyck1Family().at(40_000))
                .getMessage();
        assertTrue(past.startsWith("n = 40000 is outside 1..32768 for the family dyck1 (its precision 16 bits"), past);
        assertEquals(
                "n = 66 is outside 1..65 (max_seq_len of hist)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ModelFamily.bounded(ModelRegistry.get("hist"))
                                        .at(66))
                        .getMessage());
    }

    // ------------------------------------------------------------------ the JSON form

    private static String dyckFamily() {
        return ModelWriter.write(PaperModels.dyck1Family());
    }

    private static String error(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelFormat.readFamily(json))
                .getMessage();
    }

    /** The model JSON with {@code field} of parameter {@code parameter} set to {@code value}. */
    private static String withField(String json, String parameter, String field, String value) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("params").get(parameter))
                .set(field, mapper.readTree(value));
        return mapper.writeValueAsString(root);
    }

    @Test
    void positionRulesRoundTripWithEveryForm() throws Exception {
        String json = dyckFamily()
                .replace(
                        "\"rule\": []",
                        "\"rule\": [{\"columns\": [0], \"form\": \"i/n\"}, {\"columns\": [1, 2], \"form\": \"one_hot\","
                                + " \"first\": 1}, {\"columns\": [3], \"form\": \"1/(i+1)\", \"scale\": 0.5},"
                                + " {\"columns\": [4], \"form\": \"i^2\"}, {\"columns\": [4], \"form\": \"n\"}]")
                .replace("\"vocab\":", "\"max_seq_len\": 300,\n    \"vocab\":");
        RuleFamily f = (RuleFamily) ModelFormat.readFamily(json);
        String written = ModelWriter.write(f);
        assertEquals(written, ModelWriter.write((RuleFamily) ModelFormat.readFamily(written)));
        assertTrue(written.contains("{\"columns\": [1, 2], \"form\": \"one_hot\", \"first\": 1}"), written);
        assertEquals(300, f.maxN());
        double[][] pos = f.at(10).posEmbed();
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(
                    new double[] {i / 10.0, i == 1 ? 1 : 0, i == 2 ? 1 : 0, 0.5 / (i + 1), (double) i * i + 10},
                    pos[i],
                    "row " + i);
        }
        assertEquals(
                "n = 301 is outside 1..300 (max_seq_len of dyck1)",
                assertThrows(IllegalArgumentException.class, () -> f.at(301)).getMessage());
    }

    @Test
    void badRulesAreOneLineNamingTheField() throws Exception {
        String d = dyckFamily();
        String[][] cases = {
            {
                "\"rule\": [{\"columns\": [0], \"form\": \"i/m\"}]",
                "pos_embed.rule[0].form: expected one of \"i\", \"i^2\","
                        + " \"i/n\", \"1/(i+1)\", \"one_hot\", \"n\", \"n^2\", \"1/n\", got \"i/m\""
            },
            {
                "\"rule\": [{\"columns\": [9], \"form\": \"i\"}]",
                "pos_embed.rule[0].columns[0]: column 9 is outside 0..4 (d_model)"
            },
            {
                "\"rule\": [{\"columns\": [], \"form\": \"i\"}]",
                "pos_embed.rule[0].columns: must name at least one column"
            },
            {
                "\"rule\": [{\"columns\": [0], \"form\": \"i\", \"first\": 2}]",
                "pos_embed.rule[0].first: only for the form \"one_hot\""
            },
            {"\"rule\": [{\"columns\": [0], \"form\": \"i\", \"colour\": 2}]", "pos_embed.rule[0].colour: unknown field"
            },
            {
                "\"rule\": [{\"columns\": [\"a\"], \"form\": \"i\"}]",
                "pos_embed.rule[0].columns[0]: expected an integer, got the string \"a\""
            },
            {"\"rule\": {}", "pos_embed.rule: expected an array of rules, got an object"},
            {"\"rule\": [{\"form\": \"i\"}]", "pos_embed.rule[0].columns: missing"},
        };
        for (String[] c : cases) assertEquals(c[1], error(d.replace("\"rule\": []", c[0])), c[0]);
        String weight = "{\"field\": \"w\", \"entries\": [[1, 0]], \"form\": \"n\", \"scale\": -2}";
        assertTrue(d.contains(weight), d);
        String[][] weightCases = {
            {
                "{\"field\": \"w\", \"entries\": [[1, 0]], \"form\": \"i\"}",
                "layer_0/mlp/linear_1.rule[0].form: \"i\" varies"
                        + " with the position; a weight takes \"n\", \"n^2\" or \"1/n\""
            },
            {
                "{\"field\": \"w\", \"entries\": [[5, 0]], \"form\": \"n\"}",
                "layer_0/mlp/linear_1.rule[0].entries[0]: [5, 0]" + " is outside layer_0/mlp/linear_1.w (5x3)"
            },
            {
                "{\"field\": \"b\", \"entries\": [[0, 0]], \"form\": \"n\"}",
                "layer_0/mlp/linear_1.rule[0].entries: [0, 0] is" + " not a [column]"
            },
            {
                "{\"field\": \"x\", \"entries\": [[0]], \"form\": \"n\"}",
                "layer_0/mlp/linear_1.rule[0].field: expected \"w\"" + " or \"b\", got \"x\""
            },
        };
        for (String[] c : weightCases) assertEquals(c[1], error(d.replace(weight, c[0])), c[0]);
        // weight rules belong to families; a table model has no n to take them at
        String table = withField(ModelWriter.write(PaperModels.dyck1(4)), "layer_0/mlp/linear_1", "rule", "[]");
        assertTrue(error(table).startsWith("layer_0/mlp/linear_1.rule: weight rules need a family"), error(table));
        assertEquals(
                "config.max_seq_len: missing",
                error(ModelWriter.write(PaperModels.dyck1(4)).replace("\"max_seq_len\": 4,", "")));
        // a bound is checked against the precision without allocating a table of that length
        String huge = d.replace("\"vocab\":", "\"max_seq_len\": 2000000000,\n    \"vocab\":");
        assertEquals(
                "config.precision: precision 16 bits gives p=16 bits at n=32769, but log2|vocab| + log2 n = log2 2"
                        + " + log2 32769 = 16.00 > p",
                error(huge));
        String one = assertThrows(ModelFormatException.class, () -> ModelFormat.read(d))
                .getMessage();
        assertTrue(one.startsWith("params.pos_embed: a family"), one);
        for (String[] c : cases) assertFalse(c[1].contains("\n"));
    }
}
