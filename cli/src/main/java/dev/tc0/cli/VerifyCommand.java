package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.study.ReferenceCheck;
import dev.tc0.eval.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Build a circuit and check it, bit for bit, against its exact reference: on every input when "
                    + "it has at most " + ReferenceCheck.EXHAUSTIVE_MAX_INPUTS
                    + " inputs, otherwise on K random inputs.",
            "Exit code 1 and the first disagreeing input when they differ."
        },
        footer = {"", "Examples:", "  tc0 verify --family majority --n 64", "  tc0 verify --family dyck1 --n 12"})
final class VerifyCommand extends Base implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelOrFamily what;

    @Mixin
    LoweringLimitOptions limitOptions = new LoweringLimitOptions();

    @Mixin
    PrefixOptions prefixOptions = new PrefixOptions();

    @Option(names = "--n", required = true, paramLabel = "N", description = "Input length.")
    int n;

    @Option(
            names = "--samples",
            defaultValue = "100000",
            paramLabel = "K",
            converter = CountConverter.class,
            description = "Random inputs to check when exhaustive checking is too big (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(
            names = "--seed",
            defaultValue = "12345",
            description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        // Agreement on no inputs says nothing; exhaustive checks need no samples, but 0 is never meant.
        if (samples < 1) throw new UserException("--samples must be at least 1, not " + samples);
        if (what.family == null) return verifyModel();
        if (limitOptions.anyGiven()) {
            throw new UserException(
                    "--precision, --weights, --route, --max-gates and --max-edges apply to transformer models, not families");
        }
        if (prefixOptions.any())
            throw new UserException(
                    "--prefix, --prefix-file and --free-tokens apply to transformer models, not families");
        CircuitFamily f = FamilyCatalog.get(what.family);
        long t0 = System.nanoTime();
        Circuit c = FamilyCatalog.build(f, n);
        Engine.Options opts = EvalCommand.options(threads, Engine.Mode.AUTO, "auto", 0);
        ReferenceCheck.Result r = ReferenceCheck.check(f, n, c, samples, seed, opts);
        String what = f.name() + " n=" + n + " (" + c.numInputs() + " inputs, " + c.numOutputs() + " outputs, "
                + c.numGates() + " gates, depth " + c.depth() + ")";
        if (!r.ok()) throw new UserException(what + " disagrees with the reference " + r.mismatch());
        out().println(what + ": agrees with the reference on " + (r.exhaustive() ? "all " : "") + r.checked()
                + (r.exhaustive() ? "" : " random") + " inputs (" + seconds(System.nanoTime() - t0) + ")");
        out().flush();
        return Main.OK;
    }

    /** Check every word when there are at most this many. */
    static final int EXHAUSTIVE_WORDS = 4096;

    /** A transformer: its compiled circuit against the exact reference forward pass, outputs bit for bit. */
    private int verifyModel() {
        long t0 = System.nanoTime();
        dev.tc0.compile.transformer.Transformer m =
                ModelCompiler.load(what.model, what.example, limitOptions.precision, limitOptions.weights, n);
        dev.tc0.compile.lowering.InputSpace space = prefixOptions.space(m.config());
        dev.tc0.compile.lowering.CompiledModel cm =
                ModelCompiler.compile(m, n, limitOptions.options().withInputs(space));
        int k = (int) Math.min(samples, 1_000_000);
        java.util.List<int[]> inputs =
                dev.tc0.compile.lowering.Verification.inputs(m.config(), space, n, EXHAUSTIVE_WORDS, k, seed);
        boolean all = dev.tc0.compile.lowering.Verification.exhaustive(m.config(), space, n, EXHAUSTIVE_WORDS);
        Circuit c = cm.circuit();
        String what = m.name() + " n=" + n + " p=" + cm.precisionBits() + " (" + c.numInputs() + " inputs, "
                + c.numOutputs() + " outputs, " + c.numGates() + " gates, depth " + c.depth() + ")";
        dev.tc0.compile.lowering.Verification.Verdict verdict = dev.tc0.compile.lowering.Verification.check(cm, inputs);
        if (!verdict.agrees())
            throw new UserException(what + " disagrees with the reference: "
                    + verdict.mismatch().message());
        out().println(what + ": agrees with the reference on " + (all ? "all " : "") + inputs.size()
                + (all ? "" : " random") + " inputs (" + seconds(System.nanoTime() - t0) + ")");
        out().flush();
        return Main.OK;
    }
}
