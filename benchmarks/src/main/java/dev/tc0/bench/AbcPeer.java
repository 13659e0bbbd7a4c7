package dev.tc0.bench;

import dev.tc0.eval.PlaneFiles;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ABC's {@code &lnetsim} as a peer: writes random patterns in its plane layout with
 * {@link PlaneFiles#write} and runs {@code berkeley-abc} on them. Its reported time has a 10 ms
 * resolution, so the process is timed from outside and the same command on a one-word input
 * (start-up, reading the circuit) is timed beside it to be subtracted.
 */
public final class AbcPeer {
    /** The binary; {@code TC0_ABC} overrides it. */
    public static final String BINARY = System.getenv().getOrDefault("TC0_ABC", "berkeley-abc");
    /**
     * Without these ABC's large buffers are mmapped and unmapped on every allocation and page
     * faults dominate its time (src/docs/performance.md, Peers).
     */
    static final String GLIBC_TUNABLES =
            "glibc.malloc.mmap_threshold=4294967295:glibc.malloc.trim_threshold=4294967295";

    private AbcPeer() {}

    /** True when the ABC binary runs. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(BINARY, "-q", "quit")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The ABC script that reads the circuit and simulates {@code in} into {@code out}. */
    public static String script(Path circuit, Path in, Path out) {
        String read =
                circuit.toString().endsWith(".aig") ? "&r " + circuit : "read_bench " + circuit + "; strash; &get -n";
        return read + "; &lnetsim " + in + " " + out;
    }

    /** Primary inputs of an AIGER ({@code aig M I L O A} header) or ISCAS {@code .bench} file. */
    public static int inputCount(Path circuit) throws IOException {
        if (circuit.toString().endsWith(".aig")) {
            byte[] head = Files.readAllBytes(circuit);
            int eol = 0;
            while (head[eol] != '\n') eol++;
            String[] f =
                    new String(head, 0, eol, StandardCharsets.US_ASCII).trim().split(" +");
            return Integer.parseInt(f[2]);
        }
        try (var lines = Files.lines(circuit)) {
            return (int)
                    lines.map(String::trim).filter(l -> l.startsWith("INPUT(")).count();
        }
    }

    /** Writes {@code patterns} seeded random patterns (a multiple of 64) for {@code inputs} inputs. */
    public static void writePatterns(Path file, int inputs, long patterns, long seed) throws IOException {
        PlaneFiles.write(file, new RandomSource(inputs, patterns, seed).planes());
    }

    /** Runs one simulation; fails loudly when ABC fails or writes nothing. */
    public static void simulate(Path circuit, Path in, Path out) throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        ProcessBuilder pb = new ProcessBuilder(List.of(BINARY, "-q", script(circuit, in, out)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GLIBC_TUNABLES", GLIBC_TUNABLES);
        int rc = pb.start().waitFor();
        if (rc != 0 || !Files.exists(out)) {
            throw new IOException(BINARY + " failed (exit " + rc + ") on: " + script(circuit, in, out));
        }
    }
}
