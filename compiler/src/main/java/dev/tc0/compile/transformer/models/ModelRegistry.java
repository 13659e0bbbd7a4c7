package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.ModelFamily;
import dev.tc0.compile.transformer.ModelWriter;
import dev.tc0.compile.transformer.RuleFamily;
import dev.tc0.compile.transformer.Transformer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The shipped models by short name, each a family: {@link #get} is the shipped model (max_seq_len
 * 64, or 65 for the Tracr programs: 64 tokens after BOS), which {@link #main} exports as JSON to
 * {@code src/examples/models/} ({@code java ... ModelRegistry src/examples/models}), and
 * {@link #family} gives a model for every length: the shipped model wherever it reaches n, past it
 * the same builder run for exactly n.
 */
public final class ModelRegistry {
    private ModelRegistry() {}

    /**
     * A builder: {@code build.apply(N)} is the model for inputs of up to N positions (BOS included),
     * defined for N in 1..{@code maxN}; the shipped model is the one at {@code shipped}.
     */
    private record Builder(int shipped, IntSupplier maxN, IntFunction<Transformer> build) {}

    private static final Map<String, Builder> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put(
                "majority", new Builder(64, () -> PaperModels.majorityFamily().maxN(), PaperModels::majority));
        MODELS.put("dyck1", new Builder(64, () -> PaperModels.dyck1Family().maxN(), PaperModels::dyck1));
        int tracr = TracrPrograms.MAX_LEN + 1, tracrMax = TracrPrograms.MAX_FAMILY_LEN + 1;
        MODELS.put("length", new Builder(tracr, () -> tracrMax, n -> TracrPrograms.length(n - 1)));
        MODELS.put("hist", new Builder(tracr, () -> tracrMax, n -> TracrPrograms.hist(n - 1)));
        MODELS.put("reverse", new Builder(tracr, () -> tracrMax, n -> TracrPrograms.reverse(n - 1)));
        MODELS.put("sort_unique", new Builder(tracr, () -> tracrMax, n -> TracrPrograms.sortUnique(n - 1)));
        MODELS.put("frac_prevs", new Builder(tracr, () -> tracrMax, n -> TracrPrograms.fracPrevs(n - 1)));
        MODELS.put("cvp", new Builder(64, () -> CvpModel.MAX_SEQ_LEN, n -> CvpModel.build(3, n)));
    }

    public static Set<String> names() {
        return MODELS.keySet();
    }

    private static Builder builder(String name) {
        Builder b = MODELS.get(name);
        if (b == null) throw new IllegalArgumentException("no model called '" + name + "'; known: " + names());
        return b;
    }

    /** The shipped model. */
    public static Transformer get(String name) {
        Builder b = builder(name);
        return b.build().apply(b.shipped());
    }

    /** The model for every length: the shipped one up to its max_seq_len, past it built for exactly n. */
    public static ModelFamily family(String name) {
        Builder b = builder(name);
        return new ModelFamily() {
            private int maxN;

            @Override
            public String name() {
                return name;
            }

            @Override
            public Transformer at(int n) {
                if (n < 1 || n > maxN())
                    throw new IllegalArgumentException("n = " + n + " is outside 1.." + maxN() + " for the family "
                            + name + " (" + limit(name) + ")");
                return b.build().apply(Math.max(n, b.shipped()));
            }

            @Override
            public int maxN() {
                if (maxN == 0) maxN = b.maxN().getAsInt();
                return maxN;
            }
        };
    }

    /** Why a family stops where it does. */
    private static String limit(String name) {
        return switch (name) {
            case "majority" ->
                "no family is materialised past 2^20 positions; p = 3·log2 n would reach 64 bits at 2,642,245";
            case "dyck1" -> "p = 16 bits holds log2|vocab| + log2 n only that far";
            case "cvp" -> "p = 2(2⌈log2 n⌉ + 5) must be at most 64 bits";
            default -> "a Tracr program's weights grow as n²";
        };
    }

    /**
     * The families among the shipped models whose n-dependent parameters are all closed forms of
     * the JSON format, so that one file holds every n: MAJORITY and Dyck-1. (The Tracr programs'
     * d_model grows with n, and CVP's precision 2(2⌈log2 n⌉ + 5) is not c·log2 n.)
     */
    public static Map<String, RuleFamily> ruleFamilies() {
        Map<String, RuleFamily> out = new LinkedHashMap<>();
        out.put("majority", PaperModels.majorityFamily());
        out.put("dyck1", PaperModels.dyck1Family());
        return out;
    }

    /** Writes every model to {@code <dir>/<name>.json} and the rule-based families to {@code <dir>/families/}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/examples/models");
        for (String name : names()) ModelWriter.write(get(name), dir.resolve(name + ".json"));
        for (Map.Entry<String, RuleFamily> f : ruleFamilies().entrySet())
            ModelWriter.write(f.getValue(), dir.resolve("families").resolve(f.getKey() + ".json"));
    }
}
