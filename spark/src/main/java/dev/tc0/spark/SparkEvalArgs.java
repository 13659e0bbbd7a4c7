package dev.tc0.spark;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.ExhaustiveSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The parsed command line of {@link SparkEval}; every mistake is one line naming the option. */
record SparkEvalArgs(
        Path circuit,
        Long random,
        long seed,
        boolean exhaustive,
        Path inputs,
        String inputFormat,
        Integer partitions,
        boolean counts,
        Path accepted,
        Path out,
        String partsDir,
        String master) {

    /** Parses {@code eval CIRCUIT options...}; null for {@code --help}. */
    static SparkEvalArgs parse(String[] args) {
        int i = 0;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) return null;
        if (args.length == 0 || !args[0].equals("eval"))
            throw new IllegalArgumentException("the command is 'eval', as in: eval CIRCUIT --random N");
        i++;
        Path circuit = null, inputs = null, accepted = null, out = null;
        Long random = null;
        Integer partitions = null;
        long seed = 1;
        boolean exhaustive = false, counts = false;
        String parts = null, master = null, inputFormat = null;
        for (; i < args.length; i++) {
            String o = args[i];
            switch (o) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--random" -> random = count(o, value(args, ++i, o));
                case "--seed" -> seed = number(o, value(args, ++i, o));
                case "--exhaustive" -> exhaustive = true;
                case "--inputs" -> inputs = Path.of(value(args, ++i, o));
                case "--input-format" -> {
                    inputFormat = value(args, ++i, o);
                    if (!inputFormat.equals("planes") && !inputFormat.equals("rows")) {
                        throw new IllegalArgumentException("--input-format: planes or rows, not '" + inputFormat + "'");
                    }
                }
                case "--partitions" -> {
                    long p = number(o, value(args, ++i, o));
                    if (p < 1 || p > 1_000_000)
                        throw new IllegalArgumentException("--partitions: 1 to 1000000, not " + p);
                    partitions = (int) p;
                }
                case "--counts" -> counts = true;
                case "--accepted" -> accepted = Path.of(value(args, ++i, o));
                case "--out" -> out = Path.of(value(args, ++i, o));
                case "--parts" -> parts = value(args, ++i, o);
                case "--master" -> master = value(args, ++i, o);
                default -> {
                    if (o.startsWith("-")) throw new IllegalArgumentException("unknown option " + o);
                    if (circuit != null)
                        throw new IllegalArgumentException("one circuit only: " + circuit + " and " + o);
                    circuit = Path.of(o);
                }
            }
        }
        if (circuit == null) throw new IllegalArgumentException("no circuit file given");
        int sources = (random != null ? 1 : 0) + (exhaustive ? 1 : 0) + (inputs != null ? 1 : 0);
        if (sources != 1)
            throw new IllegalArgumentException("give exactly one of --random N, --exhaustive, --inputs FILE");
        if ((out == null) != (parts == null))
            throw new IllegalArgumentException("--out FILE and --parts DIR go together");
        return new SparkEvalArgs(
                circuit,
                random,
                seed,
                exhaustive,
                inputs,
                inputFormat,
                partitions,
                counts,
                accepted,
                out,
                parts,
                master);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static long number(String option, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + s + "' is not a whole number");
        }
    }

    /** A pattern count: {@code 1000000}, {@code 2^32} (up to 2^62) or {@code 1e9}. */
    static long count(String option, String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            long v;
            if (t.startsWith("2^")) {
                int e = Integer.parseInt(t.substring(2));
                if (e < 0 || e > 62) throw new NumberFormatException();
                v = 1L << e;
            } else if (t.contains("e")) {
                v = new BigDecimal(t).longValueExact();
            } else {
                v = Long.parseLong(t);
            }
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    option + ": '" + s + "' is not a pattern count (examples: 1000000, 2^32, 1e9)");
        }
    }

    /** True when --inputs names a plane file: by --input-format, else by extension as tc0 eval decides. */
    boolean planesInput() {
        if (inputFormat != null) return inputFormat.equals("planes");
        String n = inputs.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".bin") || n.endsWith(".planes") || n.endsWith(".sim");
    }

    /** Checks what can be checked before Spark starts: the circuit fits the source, files are readable. */
    void checkInput(Circuit c) {
        if (exhaustive && c.numInputs() > ExhaustiveSource.MAX_INPUTS) {
            throw new IllegalArgumentException("--exhaustive needs at most " + ExhaustiveSource.MAX_INPUTS
                    + " inputs, but " + circuit + " has " + c.numInputs() + " (use --random N)");
        }
        if (inputs != null) {
            if (!Files.isRegularFile(inputs) || !Files.isReadable(inputs)) {
                throw new IllegalArgumentException(inputs + ": no such readable file");
            }
            if (planesInput()) {
                try {
                    InputSpec.Planes.of(inputs, c.numInputs());
                } catch (IOException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
        }
    }

    /** The input for this circuit cut for {@code partitions} (rows files are indexed here). */
    InputSpec input(Circuit c, int partitions) throws IOException {
        if (random != null) return new InputSpec.Random(c.numInputs(), random, seed);
        if (exhaustive) return new InputSpec.Exhaustive(c.numInputs());
        return planesInput()
                ? InputSpec.Planes.of(inputs, c.numInputs())
                : InputSpec.Rows.of(inputs, c.numInputs(), partitions);
    }

    void checkOutputs(Circuit c) {
        if (accepted != null && c.numOutputs() == 0)
            throw new IllegalArgumentException("--accepted needs a circuit with at least one output");
        if (out != null && c.numOutputs() == 0)
            throw new IllegalArgumentException(out + ": the circuit has no outputs to write as planes");
        for (Path f : new Path[] {accepted, out}) {
            if (f == null) continue;
            Path dir = f.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir))
                throw new IllegalArgumentException(f + ": directory " + dir + " does not exist");
        }
    }

    String describeInput() {
        return random != null ? "random, seed " + seed : exhaustive ? "exhaustive" : "from " + inputs;
    }
}
