package dev.tc0.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the report says about the machine: CPU model and logical cores from /proc/cpuinfo, the JDK. */
public record Machine(String cpu, int cores, String jdk, String os) {
    /**
     * The clock the per-cycle figures assume. The EPYC (Zen 3) machines this project runs on boost
     * to about 3.1 GHz under load (src/docs/performance.md, The machine); cpuinfo's MHz is a
     * snapshot, not a rate to divide by.
     */
    public static final double ASSUMED_GHZ = 3.1;

    /** This machine, with the JDK the benchmarks ran on (from the JMH file, which may differ from ours). */
    public static Machine detect(String jdk) {
        String cpu = "unknown CPU";
        int cores = Runtime.getRuntime().availableProcessors();
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                List<String> lines = Files.readAllLines(info);
                cpu = lines.stream()
                        .filter(l -> l.startsWith("model name"))
                        .findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .orElse(cpu);
                cores = (int) Math.max(
                        1, lines.stream().filter(l -> l.startsWith("processor")).count());
            } catch (IOException e) {
                // keep the defaults: the report still names the JDK and the core count the JVM sees
            }
        }
        return new Machine(cpu, cores, jdk, System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    public String describe() {
        return cpu + ", " + cores + " logical cores, " + os + "; " + jdk;
    }
}
