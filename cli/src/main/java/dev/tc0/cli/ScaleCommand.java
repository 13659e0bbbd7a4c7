package dev.tc0.cli;

import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.study.ScalingStudy;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.eval.Engine;
import dev.tc0.eval.Warmup;
import dev.tc0.report.study.StudyTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = {
            "A scaling study: for each n, build the circuit, check it against the reference, evaluate random "
                    + "inputs, and report size, depth and throughput. A table on stdout; --csv and --plot write files."
        },
        footer = {"", "Example:", "  tc0 scale --family parity --n 8,16,32,64,128 --csv parity.csv --plot parity.svg"})
final class ScaleCommand extends Base implements Callable<Integer> {
    @Option(
            names = "--family",
            paramLabel = "NAME",
            split = ",",
            description = "Circuit families (comma-separated): ${sys:tc0.families}.")
    List<String> families;

    @Option(
            names = "--example",
            paramLabel = "NAME",
            split = ",",
            description = "Built-in example transformers (comma-separated), compiled at each n; with --family, "
                    + "on the same axes.")
    List<String> examples;

    @Option(
            names = "--n",
            required = true,
            split = ",",
            paramLabel = "N",
            description = "Input lengths, e.g. 8,16,32,64.")
    List<Integer> ns;

    @Option(
            names = "--samples",
            defaultValue = "4096",
            converter = CountConverter.class,
            paramLabel = "K",
            description =
                    "Random inputs to check against the reference per n; 0 skips checking (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(
            names = "--patterns",
            defaultValue = "2^16",
            converter = CountConverter.class,
            paramLabel = "N",
            description = "Random inputs to time the evaluation on; 0 skips timing (default ${DEFAULT-VALUE}).")
    long patterns;

    @Option(
            names = "--block-sums",
            description = "Compile the --example models with block sums (as tc0 compile --block-sums); their rows are "
                    + "named tf-NAME+blocks.")
    boolean blockSums;

    @Mixin
    CircuitLimitOptions size = new CircuitLimitOptions();

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the table as CSV.")
    Path csv;

    @Option(
            names = "--plot",
            paramLabel = "FILE.svg|FILE.png",
            description = "Plot size, depth and throughput against n.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        if (ns.isEmpty()) throw new UserException("--n names no input length (give a list such as 8,16,32)");
        if (families == null && examples == null)
            throw new UserException("name what to study: --family NAME,... or --example NAME,... (or both)");
        List<CircuitFamily> fams = new ArrayList<>();
        List<dev.tc0.compile.transformer.ModelFamily> models = new ArrayList<>();
        if (examples != null) {
            for (String name : examples) {
                dev.tc0.compile.transformer.ModelFamily m = ModelCompiler.family(null, name, null);
                for (int n : ns) {
                    if (n < 1 || n > m.maxN()) {
                        throw new UserException(
                                m.name() + " takes n from 1 to " + m.maxN() + " (its family's limit), not " + n);
                    }
                }
                models.add(m);
            }
        }
        if (families != null) {
            for (String name : families) fams.add(FamilyCatalog.get(name));
        }
        for (CircuitFamily f : fams) {
            for (int n : ns) {
                String why = FamilyCatalog.checkN(f, n);
                if (why != null) throw new UserException(why);
            }
        }
        if (plot != null) Study.checkPlotName(plot);
        Engine.Options opts = EvalCommand.options(threads, Engine.Mode.AUTO, "auto", 0);
        Warmup.run(opts.kernels()); // so the first rows' speeds measure the kernels, not the JIT
        ScalingStudy.Options options = new ScalingStudy.Options(samples, patterns, opts)
                .withLimits(size.applyTo(dev.tc0.compile.lowering.ScalarLowering.Limits.DEFAULT)
                        .withBlockSums(blockSums));
        List<StudyRow> rows = new ArrayList<>();
        out().println(StudyTable.HEADER);
        boolean failed = false;
        List<String> skipped = new ArrayList<>();
        for (dev.tc0.compile.transformer.ModelFamily family : models) {
            for (int n : ns) {
                dev.tc0.compile.transformer.Transformer m = family.at(n);
                StudyRow r = ScalingStudy.measureModel(m, n, options, skipped);
                if (r == null) break;
                rows.add(r);
                out().println(StudyTable.line(r));
                out().flush();
                if (r.mismatch() != null) {
                    err().println(m.name() + " n=" + n + " disagrees with the reference: " + r.mismatch());
                    failed = true;
                }
            }
        }
        if (!skipped.isEmpty()) out().println("(too large, not compiled: " + String.join("; ", skipped) + ")");
        for (CircuitFamily f : fams) {
            for (int n : ns) {
                StudyRow r = Study.measure(f, n, options);
                rows.add(r);
                out().println(StudyTable.line(r));
                out().flush();
                if (r.mismatch() != null) {
                    err().println(f.name() + " n=" + n + " disagrees with the reference " + r.mismatch());
                    failed = true;
                }
            }
        }
        for (String fit : StudyTable.fits(rows)) out().println(fit);
        if (csv != null) {
            Study.writeCsv(csv, rows);
            err().println("wrote " + csv);
        }
        if (plot != null) {
            Study.plot(plot, "tc0 scaling study", rows);
            err().println("wrote " + plot);
        }
        err().flush();
        return failed ? Main.USER_ERROR : Main.OK;
    }
}
