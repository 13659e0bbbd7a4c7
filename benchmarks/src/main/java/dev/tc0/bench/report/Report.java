package dev.tc0.bench.report;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns a JMH JSON result file into {@code README.md} with tables and PNG/SVG charts in an output
 * directory, naming the machine and the command that produced the numbers.
 *
 * <pre>java -cp benchmarks.jar dev.tc0.bench.report.Report --json results.json --out DIR
 *      [--command "how the JSON was made"] [--smoke]</pre>
 */
public final class Report {
    private static final List<Section> SECTIONS = List.of(
            new KernelSection(),
            new DepthSection(),
            new LengthSection(),
            new TransformerSection(),
            new LatencySection(),
            new RealCircuitSection());

    private Report() {}

    public static void main(String[] args) throws IOException {
        Path json = null, out = null;
        String command = "(not given)";
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--smoke" -> smoke = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (json == null || out == null) usage("--json and --out are required");
        Path readme = write(JmhResult.read(json), out, command, smoke);
        System.out.println("wrote " + readme);
    }

    /** Writes README.md and the charts into {@code dir}; returns the README's path. */
    public static Path write(List<JmhResult> results, Path dir, String command, boolean smoke) throws IOException {
        Files.createDirectories(dir);
        String jdk = results.isEmpty()
                ? Runtime.version().toString()
                : results.getFirst().jdk() + " (" + results.getFirst().vm() + ")";
        StringBuilder md = new StringBuilder("# tc0 benchmark results\n\n");
        if (smoke) {
            md.append(
                            "> **Smoke run.** Short warm-up and measurement on a shared, busy machine: these numbers prove the ")
                    .append(
                            "pipeline end to end and are noisy (often by 2x or more). Do not cite them; re-run without `--quick`.\n\n");
        }
        md.append("- Machine: ").append(Machine.detect(jdk).describe()).append('\n');
        md.append("- Command: `").append(command).append("`\n");
        md.append("- JMH: SampleTime, medians reported; ")
                .append(results.isEmpty() ? "no results" : results.getFirst().settings())
                .append('\n');
        md.append("- Date: ")
                .append(LocalDate.now())
                .append("; ")
                .append(results.size())
                .append(" benchmark entries\n\n");
        for (Section s : SECTIONS) md.append(s.write(results, dir));
        Path readme = dir.resolve("README.md");
        AtomicOutput.writeString(readme, md.toString());
        return readme;
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: Report --json FILE --out DIR [--command TEXT] [--smoke]");
        System.exit(2);
    }
}
