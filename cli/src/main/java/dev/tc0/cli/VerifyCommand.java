package dev.tc0.cli;

import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.circuit.Circuit;
import dev.tc0.eval.Engine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Build a circuit and check it, bit for bit, against its exact reference: on every input when "
                + "it has at most " + Checker.EXHAUSTIVE_MAX_INPUTS + " inputs, otherwise on K random inputs.",
                "Exit code 1 and the first disagreeing input when they differ."},
        footer = {"", "Examples:", "  tc0 verify --family majority --n 64", "  tc0 verify --family dyck1 --n 12"})
final class VerifyCommand extends Base implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Parameters(paramLabel = "MODEL", description = "Transformer model file (JSON).")
        Path model;
        @Option(names = "--example", paramLabel = "NAME", description = "A built-in example transformer.")
        String example;
        @Option(names = "--family", paramLabel = "NAME", description = "A circuit family: ${sys:tc0.families}.")
        String family;
    }

    @Option(names = "--n", required = true, paramLabel = "N", description = "Input length.")
    int n;

    @Option(names = "--samples", defaultValue = "100000", paramLabel = "K", converter = CountConverter.class,
            description = "Random inputs to check when exhaustive checking is too big (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(names = "--seed", defaultValue = "12345", description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        if (what.family == null) throw CompileCommand.modelsNotYet();
        CircuitFamily f = FamilyCatalog.get(what.family);
        long t0 = System.nanoTime();
        Circuit c = FamilyCatalog.build(f, n);
        Engine.Options opts = EvalCommand.options(threads, Engine.Mode.AUTO, "auto", 0);
        Checker.Result r = Checker.check(f, n, c, samples, seed, opts);
        String what = f.name() + " n=" + n + " (" + c.numInputs() + " inputs, " + c.numOutputs() + " outputs, "
                + c.numGates() + " gates, depth " + c.depth() + ")";
        if (!r.ok()) throw new UserException(what + " disagrees with the reference " + r.mismatch());
        out().println(what + ": agrees with the reference on " + (r.exhaustive() ? "all " : "") + r.checked()
                + (r.exhaustive() ? "" : " random") + " inputs (" + seconds(System.nanoTime() - t0) + ")");
        out().flush();
        return Main.OK;
    }
}
