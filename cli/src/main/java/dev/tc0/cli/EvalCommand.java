package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.AcceptedSink;
import dev.tc0.eval.CountSink;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.KernelProvider;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneFileSink;
import dev.tc0.eval.PlaneFileSource;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.RowSink;
import dev.tc0.eval.RowSource;
import dev.tc0.eval.Warmup;
import dev.tc0.io.AtomicOutput;
import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a circuit on a batch of inputs, streamed tile by tile (inputs may be far larger "
                    + "than memory). A summary goes to stderr: inputs, gates, depth, engine, time and gate-evals/s "
                    + "(gates x inputs / evaluation time, I/O excluded)."
        },
        footer = {
            "",
            "File formats:",
            "  planes  ABC's &lnetsim layout: plane-major little-endian uint64 words, one plane per input",
            "          (output); bit b of word w is pattern 64w+b. Default for .bin/.planes files.",
            "  rows    text, one pattern a line of '0'/'1' (input 0 first); '#' comments and blank lines",
            "          are skipped. Default for other names; '-' is stdin/stdout.",
            "",
            "Examples:",
            "  tc0 eval c6288.bench --random 2^20 --counts",
            "  tc0 eval adder.aig --inputs in.bin --out out.bin",
            "  tc0 eval circuit.tc0 --exhaustive --accepted accepted.roaring"
        })
final class EvalCommand extends Base implements Callable<Integer> {
    enum Format {
        planes,
        rows
    }

    @Parameters(
            index = "0",
            paramLabel = "CIRCUIT",
            description = "Circuit file: aag, aig, blif, bench, tc0 or prefix (by extension).")
    Path circuitFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(
                names = "--inputs",
                paramLabel = "FILE",
                description = "Read inputs from FILE ('-' for stdin, rows only).")
        Path file;

        @Option(
                names = "--random",
                paramLabel = "N",
                converter = CountConverter.class,
                description = "N seeded random inputs (N like 1000000, 2^20, 1M = 2^20, 1e6).")
        Long random;

        @Option(names = "--exhaustive", description = "All 2^k inputs of a k-input circuit (k <= 40).")
        boolean exhaustive;
    }

    @Option(
            names = "--input-format",
            paramLabel = "planes|rows",
            description = "Format of --inputs (default: by extension).")
    Format inputFormat;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of --random (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the outputs to FILE ('-' for stdout, rows only).")
    Path out;

    @Option(
            names = "--output-format",
            paramLabel = "planes|rows",
            description = "Format of --out (default: by extension).")
    Format outputFormat;

    @Option(
            names = "--accepted",
            paramLabel = "FILE",
            description =
                    "Write the indices of the inputs whose first output is 1 to FILE as a serialized RoaringBitmap.")
    Path accepted;

    @Option(
            names = "--counts",
            description = "Print, per output, how many inputs set it to 1 (name and count, on stdout).")
    boolean counts;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Option(
            names = "--engine",
            defaultValue = "auto",
            paramLabel = "auto|tiles|levels",
            description =
                    "Parallel across input tiles, across each level's gates, or chosen from the circuit (default).")
    Engine.Mode engine;

    @Option(
            names = "--kernels",
            defaultValue = "auto",
            paramLabel = "auto|scalar|vector|codegen|codegen-vector|native",
            description =
                    "Kernel set (default auto: Vector API when available; codegen compiles the circuit"
                            + " into JVM code first, codegen-vector into Vector API code, native into C built by the machine's C compiler).")
    String kernels;

    @Option(
            names = "--tile-words",
            defaultValue = "0",
            paramLabel = "W",
            description = "64-bit words per tile, a multiple of 8 (default: fit the live values in L2).")
    int tileWords;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        refuseOverwritingInputs();
        Engine.Options opts = options(threads, engine, kernels, tileWords);
        Thread warmup = Warmup.start(opts.kernels()); // compiles the kernels while the circuit loads
        Circuit c = loadCircuitWithOutputs(circuitFile, "nothing to evaluate");
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            InputSource in = source(c, toClose);
            long count = in.count();
            if (count < 0 && out != null && format(out, outputFormat) == Format.planes && !isDash(out)) {
                if (isDash(inputs.file)) {
                    throw new UserException("--out " + out + ": a planes file needs the pattern count before the first"
                            + " row, which rows on standard input cannot give; read them from a file, or write rows"
                            + " (--output-format rows)");
                }
                count = countRows(inputs.file); // planes output needs the count up front
            }
            List<OutputSink> sinks = new ArrayList<>();
            CountSink countSink = null;
            AcceptedSink acceptedSink = null;
            if (out != null) sinks.add(outputSink(c, count, toClose));
            if (accepted != null) {
                if (count > (1L << 32))
                    throw new UserException("--accepted holds at most 2^32 input indices, not " + count);
                acceptedSink = new AcceptedSink();
                sinks.add(acceptedSink);
            }
            if (counts) {
                countSink = new CountSink(c.numOutputs());
                sinks.add(countSink);
            }
            OutputSink sink = Sinks.tee(sinks);
            if (Sinks.ProgressSink.wanted()) sink = new Sinks.ProgressSink(sink, err(), count);
            toClose.add(sink);

            EvalPlan plan = EvalPlan.of(c);
            warmup.join();
            Engine.Report r;
            try (Engine e = new Engine(plan, opts)) {
                checkWorkingMemory(e, count, opts);
                Activity.set("evaluating " + circuitFile);
                r = e.run(in, sink);
            }
            if (acceptedSink != null) writeBitmap(acceptedSink, accepted);
            if (countSink != null) {
                long[] ones = countSink.ones();
                for (int o = 0; o < ones.length; o++) out().println(c.outputName(o) + "\t" + ones[o]);
                out().flush();
            }
            summary(c, r, System.nanoTime() - t0);
            return Main.OK;
        } finally {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception ignored) {
                    /* the first failure is reported */
                }
            }
        }
    }

    /** An output that is also an input (or the other output) would be replaced by the run: refused up front. */
    private void refuseOverwritingInputs() {
        if (out != null && !isDash(out)) {
            if (inputs.file != null && !isDash(inputs.file)) refuseSame("--out", out, "--inputs", inputs.file);
            refuseSame("--out", out, "the circuit file", circuitFile);
            if (accepted != null) refuseSame("--out", out, "--accepted", accepted);
        }
        if (accepted != null) {
            if (inputs.file != null && !isDash(inputs.file))
                refuseSame("--accepted", accepted, "--inputs", inputs.file);
            refuseSame("--accepted", accepted, "the circuit file", circuitFile);
        }
    }

    static void refuseSame(String option, Path output, String what, Path input) {
        if (sameFile(output, input)) {
            throw new UserException(
                    option + " " + output + " is " + what + " (" + input + "); choose another output file");
        }
    }

    /**
     * The same regular file, through links and other spellings (or the same path not there yet). A
     * device such as /dev/null is written through, never replaced, so it may serve twice.
     */
    static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && !Files.isRegularFile(a)) return false;
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The most threads tc0 runs: far past any core count, well under ForkJoinPool's 32767. */
    static final int MAX_THREADS = 1024;
    /** The widest tile: 8 MiB per value plane, 256 times the widest tile the engine chooses. */
    static final int MAX_TILE_WORDS = 1 << 20;

    static Engine.Options options(Integer threads, Engine.Mode mode, String kernels, int tileWords) {
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new UserException("--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        if (tileWords < 0 || tileWords % 8 != 0 || tileWords > MAX_TILE_WORDS) {
            throw new UserException(
                    "--tile-words must be a positive multiple of 8 up to " + MAX_TILE_WORDS + ", not " + tileWords);
        }
        Engine.Options o = Engine.Options.defaults().withMode(mode).withTileWords(tileWords);
        if (threads != null) o = o.withThreads(threads);
        try {
            return o.withKernels(KernelProvider.byName(kernels));
        } catch (IllegalArgumentException e) {
            throw new UserException("--kernels: " + e.getMessage());
        }
    }

    /**
     * Refuses a thread count and tile width whose tiles would take more than half the heap (each
     * thread holds up to two tiles of every live value), before anything is allocated.
     */
    static void checkWorkingMemory(Engine e, long count, Engine.Options opts) {
        long need = e.workingBytes(count), heap = Runtime.getRuntime().maxMemory();
        if (need > heap / 2) {
            throw new UserException("--threads " + opts.threads() + " with " + e.tileWords(count) + "-word tiles needs "
                    + mib(need) + " for tiles, more than half the heap (" + mib(heap) + "): lower --threads or"
                    + " --tile-words, or raise the heap with TC0_JAVA_OPTS=-Xmx<size>");
        }
    }

    private static String mib(long bytes) {
        return bytes >= Long.MAX_VALUE / 2 ? "more than 2^62 bytes" : ((bytes + (1 << 20) - 1) >> 20) + " MiB";
    }

    private InputSource source(Circuit c, List<AutoCloseable> toClose) throws IOException {
        if (inputs.random != null) return new RandomSource(c.numInputs(), inputs.random, seed);
        if (inputs.exhaustive) {
            if (c.numInputs() > ExhaustiveSource.MAX_INPUTS) {
                throw new UserException("--exhaustive needs at most " + ExhaustiveSource.MAX_INPUTS + " inputs, but "
                        + circuitFile + " has " + c.numInputs() + " (use --random N)");
            }
            return new ExhaustiveSource(c.numInputs());
        }
        Path f = inputs.file;
        Format fmt = format(f, inputFormat);
        if (isDash(f)) {
            if (fmt != Format.rows && inputFormat != null) throw new UserException("--inputs -: stdin holds rows only");
            InputSource s = new RowSource(
                    Main.systemStreams ? StandardStreams.stdin() : InputStream.nullInputStream(),
                    "<stdin>",
                    c.numInputs());
            return s;
        }
        checkReadable(f);
        InputSource s;
        if (fmt == Format.planes) {
            if (c.numInputs() == 0) throw new UserException(f + ": a plane file needs a circuit with inputs");
            long size = Files.size(f);
            if (size % (8L * c.numInputs()) != 0) {
                throw new UserException(f + ": " + size + " bytes is not a multiple of " + (8L * c.numInputs()) + " ("
                        + c.numInputs() + " input planes of 8-byte words); is it a planes file for this circuit?");
            }
            s = new PlaneFileSource(f, c.numInputs());
        } else {
            s = new RowSource(new BufferedInputStream(Files.newInputStream(f), 1 << 16), f.toString(), c.numInputs());
        }
        toClose.add(s);
        return s;
    }

    private OutputSink outputSink(Circuit c, long count, List<AutoCloseable> toClose) throws IOException {
        Format fmt = format(out, outputFormat);
        if (isDash(out)) {
            if (fmt == Format.planes && outputFormat != null)
                throw new UserException("--out -: stdout takes rows only");
            return new RowSink(stdoutBytes(), c.numOutputs());
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new UserException(out + ": directory " + dir + " does not exist");
        OutputSink s;
        if (fmt == Format.planes) {
            if (c.numOutputs() == 0) throw new UserException(out + ": the circuit has no outputs to write as planes");
            s = new PlaneFileSink(out, c.numOutputs(), count);
        } else {
            s = new Sinks.RowFileSink(out, c.numOutputs());
        }
        toClose.add(s);
        return s;
    }

    private void writeBitmap(AcceptedSink s, Path file) throws IOException {
        var bitmap = s.accepted();
        bitmap.runOptimize();
        AtomicOutput.write(file, out -> bitmap.serialize(new DataOutputStream(out)));
    }

    private void summary(Circuit c, Engine.Report r, long totalNanos) {
        var e = err();
        String source = inputs.random != null
                ? "random, seed " + seed
                : inputs.exhaustive ? "exhaustive" : "from " + inputs.file;
        e.println("circuit  " + circuitFile + ": " + c.numInputs() + " inputs, " + c.numOutputs() + " outputs, "
                + c.numGates() + " gates, depth " + c.depth());
        e.println("inputs   " + r.patterns() + " (" + source + ")");
        e.println("engine   " + r.mode().name().toLowerCase(java.util.Locale.ROOT) + ", " + r.threads() + " thread"
                + (r.threads() == 1 ? "" : "s") + ", " + r.kernels() + " kernels, " + r.tileWords() + "-word tiles");
        e.println("time     " + seconds(r.evalNanos()) + " evaluating, "
                + (r.prepareNanos() > 0 ? seconds(r.prepareNanos()) + " generating code, " : "")
                + seconds(totalNanos) + " in all");
        e.println("speed    " + sci(r.gateEvalsPerSecond(c.numGates())) + " gate-evals/s");
        if (common.verbose) {
            Engine.Phases p = r.phases();
            e.println("threads  " + seconds(p.fill()) + " filling, " + seconds(p.kernels()) + " in kernels, "
                    + seconds(p.extract()) + " extracting, " + seconds(p.turnWait()) + " waiting for the turn, "
                    + seconds(p.sink()) + " in the sink, "
                    + seconds(p.idle()) + " idle (summed over " + p.workers() + " thread"
                    + (p.workers() == 1 ? "" : "s") + ", " + seconds(p.wall()) + " wall)");
        }
        e.flush();
    }

    static Format format(Path f, Format explicit) {
        if (explicit != null) return explicit;
        if (isDash(f)) return Format.rows;
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".bin") || n.endsWith(".planes") || n.endsWith(".sim") ? Format.planes : Format.rows;
    }

    static boolean isDash(Path f) {
        return f != null && f.toString().equals("-");
    }

    static void checkReadable(Path f) {
        if (!Files.exists(f)) throw new UserException(f + ": no such file");
        if (Files.isDirectory(f)) throw new UserException(f + ": is a directory");
        if (!Files.isReadable(f)) throw new UserException(f + ": not readable (permission denied)");
    }

    /** Counts the rows of a rows file (lines that are neither blank nor comments), streaming. */
    static long countRows(Path f) throws IOException {
        long rows = 0;
        boolean content = false, comment = false, lineStart = true;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (content) rows++;
                        content = false;
                        comment = false;
                        lineStart = true;
                    } else if (lineStart && b == '#') {
                        comment = true;
                        lineStart = false;
                    } else {
                        if (!comment && b != '\r' && b != ' ' && b != '\t') content = true;
                        lineStart = false;
                    }
                }
            }
        }
        if (content) rows++;
        return rows;
    }
}
