package dev.tc0.cli;

import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.LoweringLimitException;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.ModelFormat;
import dev.tc0.compile.transformer.ModelFormatException;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;

import java.io.IOException;
import java.nio.file.Path;

/** Loads a model (JSON file or built-in example) and compiles it, turning every failure into a {@link UserException}. */
final class ModelCompiler {
    private ModelCompiler() {}

    static Transformer load(Path file, String example, Integer precision) {
        Transformer m;
        if (example != null) {
            try {
                m = ModelRegistry.get(example);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        } else {
            EvalCommand.checkReadable(file);
            try {
                m = ModelFormat.read(file);
            } catch (ModelFormatException e) {
                throw new UserException(file + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UserException(file + ": " + e.getMessage(), e);
            }
        }
        if (precision == null) return m;
        ModelConfig c = m.config();
        try {
            ModelConfig fixed = new ModelConfig(c.name(), c.description(), c.vocab(), c.bos(), c.maxSeqLen(), c.dModel(), c.numLayers(),
                    c.numHeads(), c.keySize(), c.valueSize(), c.mlpHiddenSize(), PrecisionSpec.bits(precision), c.attention(),
                    c.softmaxScale(), c.layerNorm(), c.layerNormEpsilon(), c.causal(), c.outputMode(), c.outputLabels(), c.residualLabels(),
                    c.uniqueMaxHeads());
            return new Transformer(fixed, m.tokenEmbed(), m.posEmbed(), m.layers(), m.finalNorm(), m.unembed());
        } catch (IllegalArgumentException e) {
            throw new UserException("--precision " + precision + ": " + e.getMessage());
        }
    }

    static CompiledModel compile(Transformer m, int n) {
        return compile(m, n, dev.tc0.compile.lowering.ScalarLowering.Limits.DEFAULT);
    }

    static CompiledModel compile(Transformer m, int n, dev.tc0.compile.lowering.ScalarLowering.Limits limits) {
        Activity.set("compiling " + m.name() + " at n = " + n);
        try {
            return TransformerLowering.compile(m, n, new TransformerLowering.Options(limits, false));
        } catch (LoweringLimitException e) {
            throw new UserException(m.name() + " n=" + n + " is too large to compile: " + e.getMessage()
                    + " (--max-gates and --max-edges raise the limits)");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
