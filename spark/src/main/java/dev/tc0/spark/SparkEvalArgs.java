package dev.tc0.spark;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.ExhaustiveSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** The parsed command line of {@link SparkEval}; every mistake is one line naming the option. */
record SparkEvalArgs(
        Path circuit,
        Long random,
        long seed,
        boolean exhaustive,
        String inputs,
        String inputFormat,
        Integer partitions,
        boolean counts,
        Path accepted,
        String out,
        String outputFormat,
        String partsDir,
        String master) {

    /** Parses {@code eval CIRCUIT options...}; null for {@code --help}. */
    static SparkEvalArgs parse(String[] args) {
        int i = 0;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) return null;
        if (args.length == 0 || !args[0].equals("eval"))
            throw new IllegalArgumentException("the command is 'eval', as in: eval CIRCUIT --random N");
        i++;
        Path circuit = null, accepted = null;
        Long random = null;
        Integer partitions = null;
        long seed = 1;
        boolean exhaustive = false, counts = false;
        String parts = null, master = null, inputs = null, inputFormat = null, out = null, outputFormat = null;
        for (; i < args.length; i++) {
            String o = args[i];
            switch (o) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--random" -> random = count(o, value(args, ++i, o));
                case "--seed" -> seed = number(o, value(args, ++i, o));
                case "--exhaustive" -> exhaustive = true;
                case "--inputs" -> inputs = value(args, ++i, o);
                case "--input-format" -> inputFormat = oneOf(o, value(args, ++i, o), "planes", "rows", "parquet");
                case "--output-format" ->
                    outputFormat = oneOf(o, value(args, ++i, o), "planes", "rows", "parquet", "parquet-rows");
                case "--partitions" -> {
                    long p = number(o, value(args, ++i, o));
                    if (p < 1 || p > 1_000_000)
                        throw new IllegalArgumentException("--partitions: 1 to 1000000, not " + p);
                    partitions = (int) p;
                }
                case "--counts" -> counts = true;
                case "--accepted" -> accepted = Path.of(value(args, ++i, o));
                case "--out" -> out = value(args, ++i, o);
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
        if (outputFormat != null && out == null) throw new IllegalArgumentException("--output-format needs --out FILE");
        SparkEvalJob.Format format = out == null ? null : outputFormat(out, outputFormat);
        if (format != null && format.parquet() && parts != null)
            throw new IllegalArgumentException("--parts DIR is for plane and rows output; Spark writes a Parquet --out "
                    + out + " through its own committer");
        if (format != null && !format.parquet() && parts == null)
            throw new IllegalArgumentException("--out " + out + " needs --parts DIR for its committed parts");
        if (format == null && parts != null) throw new IllegalArgumentException("--parts DIR needs --out FILE");
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
                outputFormat,
                parts,
                master);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static String oneOf(String option, String value, String... allowed) {
        if (!java.util.Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException(
                    option + ": one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return value;
    }

    private static boolean planeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".bin") || n.endsWith(".planes") || n.endsWith(".sim");
    }

    private static boolean parquetName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".parquet/");
    }

    /** The output's format: by --output-format, else by name as tc0 eval decides, .parquet for Parquet planes. */
    static SparkEvalJob.Format outputFormat(String out, String explicit) {
        String f = explicit != null ? explicit : parquetName(out) ? "parquet" : planeName(out) ? "planes" : "rows";
        return switch (f) {
            case "planes" -> SparkEvalJob.Format.PLANES;
            case "rows" -> SparkEvalJob.Format.ROWS;
            case "parquet" -> SparkEvalJob.Format.PARQUET_PLANES;
            default -> SparkEvalJob.Format.PARQUET_ROWS;
        };
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

    /** The format of --inputs: by --input-format, else by name as tc0 eval decides, .parquet for Parquet. */
    String inputKind() {
        if (inputFormat != null) return inputFormat;
        return parquetName(inputs) ? "parquet" : planeName(inputs) ? "planes" : "rows";
    }

    /** The job's output, or null for counts and accepted set only. */
    SparkEvalJob.Output output() {
        if (out == null) return null;
        SparkEvalJob.Format f = outputFormat(out, outputFormat);
        return new SparkEvalJob.Output(f, f.parquet() ? out : partsDir, f.parquet() ? null : Path.of(out));
    }

    /** Checks what can be checked before Spark starts: the circuit fits the source, files are readable. */
    void checkInput(Circuit c) {
        if (exhaustive && c.numInputs() > ExhaustiveSource.MAX_INPUTS) {
            throw new IllegalArgumentException("--exhaustive needs at most " + ExhaustiveSource.MAX_INPUTS
                    + " inputs, but " + circuit + " has " + c.numInputs() + " (use --random N)");
        }
        // a Parquet input may be on any Hadoop file system: Spark checks it when the session is up
        if (inputs != null && !inputKind().equals("parquet")) {
            Path file = Path.of(inputs);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(inputs + ": no such readable file");
            }
            if (inputKind().equals("planes")) {
                try {
                    InputSpec.Planes.of(file, c.numInputs());
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
        return switch (inputKind()) {
            case "parquet" -> ParquetInput.of(SparkSession.active(), inputs, c.numInputs());
            case "planes" -> InputSpec.Planes.of(Path.of(inputs), c.numInputs());
            default -> InputSpec.Rows.of(Path.of(inputs), c.numInputs(), partitions);
        };
    }

    void checkOutputs(Circuit c) {
        if (accepted != null && c.numOutputs() == 0)
            throw new IllegalArgumentException("--accepted needs a circuit with at least one output");
        if (out != null && c.numOutputs() == 0)
            throw new IllegalArgumentException(out + ": the circuit has no outputs to write");
        SparkEvalJob.Output o = output();
        for (Path f : new Path[] {accepted, o == null ? null : o.file()}) {
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
