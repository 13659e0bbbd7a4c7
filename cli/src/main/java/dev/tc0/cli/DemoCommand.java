package dev.tc0.cli;

import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.study.ReferenceCheck;
import dev.tc0.compile.study.ScalingStudy;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.eval.Engine;
import dev.tc0.eval.Warmup;
import dev.tc0.report.study.StudyTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The main job on built-in defaults: for a ladder of input lengths n, compile the shipped "
                    + "transformers and build the TC0 circuit families, check each circuit against its exact reference "
                    + "(the p-precision forward pass, or the family's function), evaluate 2^20 inputs, and print depth, "
                    + "size and throughput per n. Writes a plot (tc0-demo.svg) and the table (tc0-demo.csv).",
            "Depth stays bounded as n grows: log-precision transformers are constant-depth threshold circuits."
        })
final class DemoCommand extends Base implements Callable<Integer> {
    @Option(
            names = "--families",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Families to run (default: majority, parity, iterated-add, sort, dyck1; all: ${sys:tc0.families}).")
    List<String> families;

    @Option(
            names = "--n",
            split = ",",
            defaultValue = "8,16,32,64,128,256",
            paramLabel = "N",
            description = "Input lengths of the families (default ${DEFAULT-VALUE}).")
    List<Integer> ns;

    @Option(
            names = "--models",
            split = ",",
            defaultValue = "majority,dyck1,hist,reverse,frac_prevs",
            paramLabel = "NAME",
            description = "Shipped transformers to compile (default ${DEFAULT-VALUE}; 'none' for none).")
    List<String> models;

    @Option(
            names = "--model-n",
            split = ",",
            defaultValue = "4,6,8,16,32,64",
            paramLabel = "N",
            description =
                    "Input lengths of the transformers, up to the longest each family builds (default ${DEFAULT-VALUE}).")
    List<Integer> modelNs;

    @Option(
            names = "--patterns",
            defaultValue = "2^20",
            converter = CountConverter.class,
            paramLabel = "N",
            description = "Random inputs evaluated per circuit (default ${DEFAULT-VALUE}).")
    long patterns;

    @Option(
            names = "--samples",
            defaultValue = "4096",
            converter = CountConverter.class,
            paramLabel = "K",
            description = "Random inputs checked against the reference per circuit, or all when n <= "
                    + ReferenceCheck.EXHAUSTIVE_MAX_INPUTS + " (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(
            names = "--max-edges",
            defaultValue = "1000000",
            paramLabel = "E",
            description =
                    "Largest circuit (in edges) to run, so the demo stays within a minute or two (default ${DEFAULT-VALUE}).")
    long maxEdges;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Option(
            names = "--out",
            defaultValue = ".",
            paramLabel = "DIR",
            description = "Directory for tc0-demo.svg and tc0-demo.csv (default: the current directory).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        List<CircuitFamily> fams = new ArrayList<>();
        for (String name : families == null ? FamilyCatalog.DEMO : families) fams.add(FamilyCatalog.get(name));
        if (!Files.isDirectory(outDir)) throw new UserException(outDir + ": no such directory");
        Engine.Options opts = EvalCommand.options(threads, Engine.Mode.AUTO, "auto", 0);
        Warmup.run(opts.kernels()); // so the first rows measure the kernels, not the JIT
        var o = out();
        if (!models.contains("none")) {
            o.println(
                    "tc0 demo: transformers (tf-) " + String.join(", ", models)
                            + " compiled to threshold circuits at n = " + join(modelNs)
                            + " (up to the longest each family builds), checked bit for bit against the p-precision forward pass;");
        }
        o.println("TC0 circuit families "
                + String.join(", ", fams.stream().map(CircuitFamily::name).toList())
                + " at n = " + join(ns) + ", checked against their functions; each circuit then evaluated on "
                + patterns
                + " inputs (" + opts.threads() + " threads, " + opts.kernels().name() + " kernels)");
        o.println();
        o.println(StudyTable.HEADER);
        ScalingStudy.Options options = new ScalingStudy.Options(samples, patterns, opts, maxEdges);
        List<StudyRow> rows = new ArrayList<>();
        boolean failed = false;
        List<String> skipped = new ArrayList<>();
        for (String name : models) {
            if (name.equals("none")) break;
            dev.tc0.compile.transformer.ModelFamily family = ModelCompiler.family(null, name, null);
            for (int n : modelNs) {
                if (n < 1 || n > family.maxN()) continue;
                dev.tc0.compile.transformer.Transformer m = family.at(n);
                StudyRow r = ScalingStudy.measureModel(m, n, options, skipped);
                if (r == null) break;
                rows.add(r);
                o.println(StudyTable.line(r));
                o.flush();
                if (r.mismatch() != null) {
                    err().println(m.name() + " n=" + n + " disagrees with the reference: " + r.mismatch());
                    failed = true;
                }
            }
        }
        for (CircuitFamily f : fams) {
            long last = 0, before = 0;
            for (int n : ns) {
                if (FamilyCatalog.checkN(f, n) != null) continue;
                // Edges grow by about the last ratio per rung: stop before building a circuit far over budget.
                double next = before > 0 ? last * ((double) last / before) : 0;
                StudyRow r = next > 4.0 * maxEdges ? null : Study.measure(f, n, options);
                if (r == null) {
                    skipped.add(f.name() + " from n=" + n);
                    break;
                }
                before = last;
                last = r.edges();
                rows.add(r);
                o.println(StudyTable.line(r));
                o.flush();
                if (r.mismatch() != null) {
                    err().println(f.name() + " n=" + n + " disagrees with the reference " + r.mismatch());
                    failed = true;
                }
            }
        }
        if (!skipped.isEmpty()) {
            o.println("(too large, not run: " + String.join(", ", skipped) + "; budget: --max-edges " + maxEdges + ")");
        }
        Path svg = outDir.resolve("tc0-demo.svg"), csv = outDir.resolve("tc0-demo.csv");
        Study.plot(
                svg, "tc0 demo: compiled transformers and TC0 families (size grows with n, depth stays bounded)", rows);
        Study.writeCsv(csv, rows);
        o.println();
        long agreed = rows.stream().filter(r -> r.mismatch() == null).count();
        o.println(agreed + " of " + rows.size() + " circuits agree with their references. Wrote " + svg + " and " + csv
                + " in " + seconds(System.nanoTime() - t0) + ".");
        o.flush();
        return failed ? Main.USER_ERROR : Main.OK;
    }

    private static String join(List<Integer> xs) {
        return xs.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }
}
