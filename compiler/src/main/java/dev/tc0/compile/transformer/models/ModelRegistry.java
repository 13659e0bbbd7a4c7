package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.ModelFormat;
import dev.tc0.compile.transformer.Transformer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The shipped models by short name. The Tracr programs take up to 64 tokens after BOS
 * (max_seq_len 65). {@link #main} exports them as JSON, which is how
 * {@code src/examples/models/} is produced: {@code java ... ModelRegistry src/examples/models}.
 */
public final class ModelRegistry {
    private ModelRegistry() {}

    private static final Map<String, Supplier<Transformer>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("majority", () -> PaperModels.majority(64));
        MODELS.put("dyck1", () -> PaperModels.dyck1(64));
        MODELS.put("length", () -> TracrPrograms.length(TracrPrograms.MAX_LEN));
        MODELS.put("hist", () -> TracrPrograms.hist(TracrPrograms.MAX_LEN));
        MODELS.put("reverse", () -> TracrPrograms.reverse(TracrPrograms.MAX_LEN));
        MODELS.put("sort_unique", () -> TracrPrograms.sortUnique(TracrPrograms.MAX_LEN));
        MODELS.put("frac_prevs", () -> TracrPrograms.fracPrevs(TracrPrograms.MAX_LEN));
        MODELS.put("cvp", () -> CvpModel.build(3, 64));
    }

    public static Set<String> names() {
        return MODELS.keySet();
    }

    public static Transformer get(String name) {
        Supplier<Transformer> s = MODELS.get(name);
        if (s == null) throw new IllegalArgumentException("no model called '" + name + "'; known: " + names());
        return s.get();
    }

    /** Writes every model to {@code <dir>/<name>.json}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/examples/models");
        for (String name : names()) ModelFormat.write(get(name), dir.resolve(name + ".json"));
    }
}
