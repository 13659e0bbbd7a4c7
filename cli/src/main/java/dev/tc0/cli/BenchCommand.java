package dev.tc0.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Run JMH benchmarks from benchmarks/target/benchmarks.jar with short, sane defaults "
                    + "(one fork, 3 warm-up and 5 measured iterations of 1 s) and the Vector API module in the forks.",
            "Build the jar first with: mvn -B -ntp -pl benchmarks -am package -DskipTests"
        },
        footer = {"", "Examples:", "  tc0 bench --list", "  tc0 bench Kernel -- -prof gc"})
final class BenchCommand extends Base implements Callable<Integer> {
    @Parameters(
            paramLabel = "REGEX",
            arity = "0..*",
            description =
                    "Benchmarks to run (JMH regular expressions; default all). Arguments after -- go to JMH as is.")
    List<String> args = new ArrayList<>();

    @Option(names = "--list", description = "List the benchmarks and exit.")
    boolean list;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "The benchmarks jar (default: benchmarks/target/benchmarks.jar "
                    + "beside this tool, or under the current directory).")
    Path jar;

    @Option(names = "--forks", defaultValue = "1", description = "JMH forks (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", defaultValue = "1s", description = "Time per iteration (default ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--dry-run", description = "Print the command instead of running it.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Path j = jar != null ? jar : findJar();
        if (j == null || !Files.isRegularFile(j)) {
            throw new UserException((j == null ? "benchmarks/target/benchmarks.jar" : j.toString())
                    + " is not built; build it with: mvn -B -ntp -pl benchmarks -am package -DskipTests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules=jdk.incubator.vector", "-jar", j.toString()));
        if (list) {
            cmd.add("-l");
        } else {
            cmd.addAll(List.of(
                    "-f",
                    String.valueOf(forks),
                    "-wi",
                    String.valueOf(warmup),
                    "-i",
                    String.valueOf(iterations),
                    "-w",
                    time,
                    "-r",
                    time,
                    "-jvmArgsAppend",
                    // Replaces the classes' own flags: the Vector API, and native access for the
                    // native kernels (RealCircuitBenchmark -p kernels=native).
                    "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"));
        }
        cmd.addAll(args);
        if (dryRun) {
            out().println(String.join(" ", cmd));
            out().flush();
            return Main.OK;
        }
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor() == 0 ? Main.OK : Main.USER_ERROR;
    }

    /** benchmarks/target/benchmarks.jar next to this jar's project, or under the working directory. */
    static Path findJar() {
        List<Path> tries = new ArrayList<>();
        try {
            Path self = Path.of(BenchCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // cli/target/tc0.jar or cli/target/classes -> the project root is two or three levels up
            for (Path p = self.getParent(); p != null; p = p.getParent()) {
                tries.add(p.resolve("benchmarks" + File.separator + "target" + File.separator + "benchmarks.jar"));
            }
        } catch (Exception ignored) {
            // no code source: fall back to the working directory
        }
        tries.add(Path.of("benchmarks", "target", "benchmarks.jar"));
        for (Path t : tries) if (Files.isRegularFile(t)) return t;
        return null;
    }
}
