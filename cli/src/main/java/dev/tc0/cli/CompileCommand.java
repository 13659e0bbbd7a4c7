package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Compile a transformer model (or a circuit family) at input length n into a threshold circuit "
                    + "file, in the format its extension names (tc0, prefix, aag, aig, blif, bench, v)."
        },
        footer = {
            "",
            "Examples:",
            "  tc0 compile --family sort --n 64 --out sort64.tc0",
            "  tc0 compile model.json --n 32 --precision 8 --out model.tc0",
            "  tc0 compile adv/model.json --n 84 --prefix-file adv/advice.txt --free-tokens \"0 1\" --out adv/n22.tc0"
        })
final class CompileCommand extends Base implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelOrFamily what;

    @Mixin
    LoweringLimitOptions limitOptions = new LoweringLimitOptions();

    @Mixin
    PrefixOptions prefixOptions = new PrefixOptions();

    @Option(
            names = "--n",
            required = true,
            paramLabel = "N",
            description = "Input length (sequence length for models).")
    int n;

    @Option(names = "--out", required = true, paramLabel = "CIRCUIT", description = "Circuit file to write.")
    Path outFile;

    @Override
    public Integer call() {
        if (what.family == null) {
            Path dir = outFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir))
                throw new UserException(outFile + ": directory " + dir + " does not exist");
            dev.tc0.compile.transformer.Transformer m =
                    ModelCompiler.load(what.model, what.example, limitOptions.precision, limitOptions.weights, n);
            dev.tc0.compile.lowering.InputSpace space = prefixOptions.space(m.config());
            dev.tc0.compile.lowering.CompiledModel cm =
                    ModelCompiler.compile(m, n, limitOptions.options().withInputs(space));
            saveCircuit(cm.circuit(), outFile);
            Circuit c = cm.circuit();
            int fixed = space.fixedLength(m.config());
            err().println("wrote " + outFile + ": " + cm.model().name() + " n=" + n + " p=" + cm.precisionBits()
                    + (prefixOptions.any() ? " (" + fixed + " fixed, " + (n - fixed) + " free positions)" : "") + ", "
                    + c.numInputs()
                    + " inputs, " + c.numOutputs() + " outputs, " + c.numGates() + " gates, depth " + c.depth()
                    + ", built in "
                    + cm.buildMillis() + " ms");
            err().flush();
            return Main.OK;
        }
        if (prefixOptions.any())
            throw new UserException(
                    "--prefix, --prefix-file and --free-tokens apply to transformer models, not families");
        if (limitOptions.anyGiven()) {
            throw new UserException(
                    "--precision, --weights, --route, --max-gates and --max-edges apply to transformer models, not families");
        }
        CircuitFamily f = FamilyCatalog.get(what.family);
        Path dir = outFile.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new UserException(outFile + ": directory " + dir + " does not exist");
        Circuit c = FamilyCatalog.build(f, n);
        saveCircuit(c, outFile);
        err().println("wrote " + outFile + ": " + f.name() + " n=" + n + ", " + c.numInputs() + " inputs, "
                + c.numOutputs() + " outputs, " + c.numGates() + " gates, depth " + c.depth());
        err().flush();
        return Main.OK;
    }
}
