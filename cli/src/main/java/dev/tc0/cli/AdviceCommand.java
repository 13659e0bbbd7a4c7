package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.Formats;
import dev.tc0.compile.advice.AdviceCheck;
import dev.tc0.compile.advice.AdviceTransformer;
import dev.tc0.compile.advice.CheckInputs;
import dev.tc0.compile.advice.RoundTrip;
import dev.tc0.compile.advice.ThresholdForm;
import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.LoweringLimitException;
import dev.tc0.compile.transformer.ModelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "advice",
        mixinStandardHelpOptions = true,
        description = {
            "Corollaries 3.1 and 3.2: the transformer with advice that computes a circuit. Writes DIR/model.json "
                    + "(the instruction-following transformer of Lemma 3, for the circuit's threshold depth and length) and "
                    + "DIR/advice.txt (per output, the circuit in the paper's prefix form: advice ‖ x makes the transformer "
                    + "compute that output on x), after checking the exact forward pass against the circuit on every input "
                    + "(at most 2^16 of them) or on K random ones plus all-zeros, all-ones, one-hot and one-cold inputs.",
            "With --compile, also compiles the transformer back into a threshold circuit with the advice fixed and "
                    + "writes DIR/roundtrip.tc0 (the original's inputs and outputs, in order), checked equal to the original.",
            "Nothing is written unless every check passes."
        },
        footer = {
            "",
            "Examples:",
            "  tc0 advice c17.bench --out c17-advice --compile",
            "  tc0 compile c17-advice/model.json --n 84 --prefix-file c17-advice/advice.txt --free-tokens \"0 1\" --out n22.tc0"
        })
final class AdviceCommand extends Base implements Callable<Integer> {
    /** What DIR may already hold to be replaced: this command's own files. */
    private static final Set<String> OWN_FILES = Set.of("model.json", "advice.txt", "roundtrip.tc0");

    @Parameters(
            paramLabel = "CIRCUIT",
            description = "Circuit file (.aag .aig .blif .bench .tc0 .prefix); combinational.")
    Path circuitFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Directory to write (replaced if it holds only this command's files).")
    Path outDir;

    @Option(
            names = "--samples",
            defaultValue = "1000",
            paramLabel = "K",
            converter = CountConverter.class,
            description = "Random inputs to check when the circuit has more than 16 inputs (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(
            names = "--seed",
            defaultValue = "12345",
            description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--compile",
            description = "Also compile the transformer back with the advice fixed: DIR/roundtrip.tc0.")
    boolean compile;

    @Option(
            names = "--unspecialised",
            description = "With --compile, also compile each output's transformer without the advice fixed, "
                    + "for comparison (cvp at n = 64 is 12 M gates and 16 minutes; the lowering limits apply).")
    boolean unspecialised;

    @Mixin
    LoweringLimitOptions limitOptions = new LoweringLimitOptions();

    @Override
    public Integer call() throws IOException {
        if (unspecialised && !compile) throw new UserException("--unspecialised needs --compile");
        if (samples < 0 || samples > 10_000_000) throw new UserException("--samples must be 0 to 10M, got " + samples);
        Path dir = outDir.toAbsolutePath().normalize();
        checkTarget(dir);
        Circuit c = loadCircuitWithOutputs(circuitFile, "there is nothing to compute");
        long t0 = System.nanoTime();
        AdviceTransformer at;
        try {
            at = AdviceTransformer.of(c);
        } catch (IllegalArgumentException e) {
            throw new UserException(circuitFile + ": " + e.getMessage());
        }
        String name = circuitFile.getFileName().toString();
        out().printf(
                        "%s: %d inputs, %d outputs, %d gates, depth %d%n",
                        name, c.numInputs(), c.numOutputs(), c.numGates(), c.depth());
        for (int o = 0; o < c.numOutputs(); o++) {
            ThresholdForm f = at.advice().get(o);
            out().printf(
                            "  output %s: threshold form %d gates, depth %d; advice %d tokens, n = %d%n",
                            c.outputName(o), f.gates(), f.depth(), f.tokens().size(), f.length());
        }
        out().printf(
                        "transformer: cvp, %d layers (4 + 2d, d = %d), max_seq_len %d, p = %d%n",
                        at.layers(),
                        (at.layers() - 4) / 2,
                        at.model().config().maxSeqLen(),
                        at.model()
                                .config()
                                .precision()
                                .bitsFor(at.model().config().maxSeqLen()));
        out().flush();

        List<boolean[]> inputs = CheckInputs.of(c.numInputs(), samples, seed);
        String which = CheckInputs.exhaustive(c.numInputs())
                ? "all " + inputs.size()
                : inputs.size() + " (edge cases and random)";
        AdviceCheck.Result r = AdviceCheck.run(at, inputs);
        if (!r.ok())
            throw new UserException(
                    name + ": the advice transformer disagrees with the circuit " + r.mismatch() + "; nothing written");
        out().printf(
                        "check: the forward pass on advice ‖ x equals the circuit on %s inputs, every output (%s)%n",
                        which, seconds(System.nanoTime() - t0));
        out().flush();

        Circuit back = null;
        if (compile) back = roundTrip(at, inputs, which);
        write(dir, at, back, name);
        out().println("wrote " + outDir + ": model.json, advice.txt" + (back != null ? ", roundtrip.tc0" : ""));
        out().flush();
        return Main.OK;
    }

    private Circuit roundTrip(AdviceTransformer at, List<boolean[]> inputs, String which) {
        Circuit c = at.circuit();
        long t0 = System.nanoTime();
        RoundTrip rt;
        try {
            rt = RoundTrip.compile(at, limitOptions.limits());
        } catch (LoweringLimitException e) {
            throw new UserException("the round trip is too large to compile: " + e.getMessage()
                    + " (--max-gates and --max-edges raise the limits); nothing written");
        }
        Circuit back = rt.circuit();
        String bad = rt.check(inputs);
        if (bad != null)
            throw new UserException("the round trip disagrees with the original " + bad + "; nothing written");
        out().printf(
                        "round trip: %d gates, depth %d (original %d gates, depth %d), equal to the original on %s inputs (%s)%n",
                        back.numGates(), back.depth(), c.numGates(), c.depth(), which, seconds(System.nanoTime() - t0));
        for (int o = 0; o < c.numOutputs(); o++) {
            CompiledModel cm = rt.compiled().get(o);
            out().printf(
                            "  output %s: compiled at n = %d with %d positions fixed: %d gates, depth %d%s%n",
                            c.outputName(o),
                            cm.n(),
                            at.advice().get(o).tokens().size(),
                            cm.circuit().numGates(),
                            cm.circuit().depth(),
                            unspecialised ? "; " + plain(at, cm.n()) : "");
        }
        out().flush();
        return back;
    }

    /** The same model compiled at n with nothing fixed, or why not. */
    private String plain(AdviceTransformer at, int n) {
        try {
            Circuit p = dev.tc0.compile.lowering.TransformerLowering.compile(
                            at.model(),
                            n,
                            new dev.tc0.compile.lowering.TransformerLowering.Options(limitOptions.limits(), false))
                    .circuit();
            return "unspecialised " + p.numGates() + " gates, depth " + p.depth();
        } catch (LoweringLimitException e) {
            return "unspecialised: past the lowering limits (" + e.getMessage() + ")";
        }
    }

    /** The directory must be new, empty, or hold only this command's files; its parent must exist. */
    private static void checkTarget(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent == null || !Files.isDirectory(parent))
            throw new UserException(dir + ": directory " + parent + " does not exist");
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new UserException(dir + ": exists and is not a directory");
        try (Stream<Path> s = Files.list(dir)) {
            List<String> foreign = s.map(p -> p.getFileName().toString())
                    .filter(f -> !OWN_FILES.contains(f))
                    .sorted()
                    .toList();
            if (!foreign.isEmpty())
                throw new UserException(dir + ": exists and holds " + foreign.getFirst()
                        + ", which tc0 advice does not write; choose another --out");
        }
    }

    /** Builds the files in a temporary directory beside DIR and renames it into place. */
    private static void write(Path dir, AdviceTransformer at, Circuit back, String name) throws IOException {
        Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".");
        Path old = null;
        try {
            ModelWriter.write(at.model(), tmp.resolve("model.json"));
            Files.writeString(tmp.resolve("advice.txt"), adviceText(at, name), StandardCharsets.UTF_8);
            if (back != null) Formats.write(back, tmp.resolve("roundtrip.tc0"));
            if (Files.exists(dir)) {
                old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".old.");
                Files.delete(old);
                Files.move(dir, old);
            }
            Files.move(tmp, dir);
        } finally {
            deleteTree(tmp);
            if (old != null) deleteTree(old);
        }
    }

    /** One line of tokens per output, each after a comment saying which output and how long. */
    static String adviceText(AdviceTransformer at, String name) {
        Circuit c = at.circuit();
        StringBuilder b = new StringBuilder();
        b.append("# tc0 advice for ")
                .append(name)
                .append(": one line of tokens per output, in output order (tc0 compile --prefix-line K picks one).\n");
        b.append("# The transformer reads a line, then the input bits ")
                .append(String.join(" ", c.inputNames()))
                .append(" as 0 or 1.\n");
        for (int o = 0; o < c.numOutputs(); o++) {
            ThresholdForm f = at.advice().get(o);
            b.append("# line ")
                    .append(o + 1)
                    .append(": output ")
                    .append(c.outputName(o))
                    .append(", ")
                    .append(f.tokens().size())
                    .append(" tokens, threshold depth ")
                    .append(f.depth())
                    .append(", n = ")
                    .append(f.length())
                    .append('\n');
            b.append(String.join(" ", f.tokens())).append('\n');
        }
        return b.toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
