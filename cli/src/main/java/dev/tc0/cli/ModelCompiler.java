package dev.tc0.cli;

import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.LoweringLimitException;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.transformer.ModelFamily;
import dev.tc0.compile.transformer.ModelFormat;
import dev.tc0.compile.transformer.ModelFormatException;
import dev.tc0.compile.transformer.NpzArrays;
import dev.tc0.compile.transformer.NpzModel;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;

/** Loads a model (JSON file or built-in example) and compiles it, turning every failure into a {@link UserException}. */
final class ModelCompiler {
    private ModelCompiler() {}

    /** The model for inputs of length n: the family of the file or example, materialised at n. */
    static Transformer load(Path file, String example, Integer precision, Path weights, int n) {
        ModelFamily f = family(file, example, weights);
        Transformer m;
        try {
            m = f.at(n);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (precision == null) return m;
        try {
            return new Transformer(
                    m.config().withPrecision(PrecisionSpec.bits(precision)),
                    m.tokenEmbed(),
                    m.posEmbed(),
                    m.layers(),
                    m.finalNorm(),
                    m.unembed());
        } catch (IllegalArgumentException e) {
            throw new UserException("--precision " + precision + ": " + e.getMessage());
        }
    }

    /**
     * A JSON model file (a table model is the family bounded by its max_seq_len, a rule-based one
     * runs every n it allows) or a built-in example's family. {@code weights}: a NumPy .npz holding
     * the parameters of {@code file}, a configuration without params (or null).
     */
    static ModelFamily family(Path file, String example, Path weights) {
        if (weights != null && file == null)
            throw new UserException("--weights gives the parameters of a MODEL.json configuration, not of --example");
        if (example != null) {
            try {
                return ModelRegistry.family(example);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        EvalCommand.checkReadable(file);
        if (weights != null) EvalCommand.checkReadable(weights);
        java.util.Map<String, NpzArrays.Array> arrays = null;
        if (weights != null) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(weights)) {
                arrays = NpzArrays.read(in);
            } catch (ModelFormatException e) {
                throw new UserException(weights + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UserException(weights + ": " + e.getMessage(), e);
            }
        }
        try {
            return arrays == null
                    ? ModelFormat.readFamily(file)
                    : ModelFamily.bounded(NpzModel.read(java.nio.file.Files.readString(file), arrays));
        } catch (ModelFormatException e) {
            throw new UserException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }

    static CompiledModel compile(Transformer m, int n) {
        return compile(m, n, dev.tc0.compile.lowering.ScalarLowering.Limits.DEFAULT);
    }

    static CompiledModel compile(Transformer m, int n, dev.tc0.compile.lowering.ScalarLowering.Limits limits) {
        return compile(m, n, new TransformerLowering.Options(limits, false));
    }

    /** Compiles for the token sequences of {@code space} (a fixed prefix, the free positions' tokens). */
    static CompiledModel compile(
            Transformer m,
            int n,
            dev.tc0.compile.lowering.ScalarLowering.Limits limits,
            dev.tc0.compile.lowering.InputSpace space) {
        return compile(m, n, new TransformerLowering.Options(limits, false).withInputs(space));
    }

    static CompiledModel compile(Transformer m, int n, TransformerLowering.Options options) {
        Activity.set("compiling " + m.name() + " at n = " + n);
        try {
            return TransformerLowering.compile(m, n, options);
        } catch (LoweringLimitException e) {
            throw new UserException(m.name() + " n=" + n + " is too large to compile: " + e.getMessage()
                    + switch (e.kind()) {
                        case CIRCUIT -> " (--max-gates and --max-edges raise the limits)";
                        case MEMORY -> " (TC0_JAVA_OPTS=-Xmx<size>, e.g. -Xmx16g, gives the JVM a larger heap)";
                        case VALUE_SET ->
                            " (a cap of the value-set route that no option raises; --route bus compiles through the arithmetic route)";
                    });
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
