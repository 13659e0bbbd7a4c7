package dev.tc0.spark;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.CircuitFormatException;
import dev.tc0.circuit.io.Formats;
import dev.tc0.io.AtomicOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * {@code eval CIRCUIT ...} on Spark: the same batch evaluation as {@code tc0 eval}, with the same
 * counts on stdout and summary on stderr, the work spread over a Spark cluster's tasks. Started by
 * {@code spark-submit --class dev.tc0.spark.SparkEval tc0-spark.jar eval ...}, or as a plain
 * {@code java} program, when it runs Spark in local mode ({@code --master}, default
 * {@code local[*]} when no master is configured).
 */
public final class SparkEval {
    static final String USAGE = """
            usage: eval CIRCUIT (--random N [--seed S] | --exhaustive | --inputs FILE [--input-format F])
                        [--partitions P] [--counts] [--accepted FILE]
                        [--out FILE [--output-format F] [--parts DIR]] [--master URL]
              --random N        N seeded random inputs (N like 1000000, 2^32, 1e9), the patterns of tc0 eval --random
              --seed S          seed of --random (default 1)
              --exhaustive      all 2^k inputs of a k-input circuit (k <= 40)
              --inputs FILE     a file every executor can read at this path: an ABC &lnetsim plane file
                                (.bin, .planes, .sim) or rows text (other names), as tc0 eval reads them,
                                or Parquet (.parquet, any Hadoop path): columns word BIGINT and planes
                                ARRAY<BIGINT> (blocks of input planes), or bits STRING / ARRAY<BOOLEAN>
                                (one row per pattern, in the files' path order, then row order)
              --input-format F  planes, rows or parquet, whatever the name
              --partitions P    Spark partitions, one task each (default: 4 per default-parallelism slot)
              --counts          print, per output, how many inputs set it to 1 (name TAB count, on stdout)
              --accepted FILE   the indices of the inputs whose first output is 1: a RoaringBitmap
                                (as tc0 eval writes it) up to 2^32 inputs, a portable Roaring64NavigableMap beyond
              --out FILE        the outputs of every pattern, as tc0 eval --out writes them: output planes in
                                ABC's layout (.bin, .planes, .sim) or rows text (other names), joined from
                                the committed parts in --parts DIR; or a Parquet dataset (.parquet, any
                                Hadoop path; must not exist) of output plane blocks (word, planes)
              --output-format F planes, rows, parquet (plane blocks) or parquet-rows (bits STRING, one row
                                per pattern), whatever the name
              --parts DIR       directory (any Hadoop file system) for the committed part files of plane
                                or rows output; must not exist
              --master URL      Spark master (default: spark.master from spark-submit, else local[*])""";

    private SparkEval() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 done, 2 bad usage or input, 1 job failure). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SparkEvalArgs a;
        try {
            a = SparkEvalArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tc0-spark: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (a == null) {
            out.println(USAGE);
            return 0;
        }
        Circuit c;
        try {
            if (!Files.isRegularFile(a.circuit()) || !Files.isReadable(a.circuit())) {
                throw new IllegalArgumentException(a.circuit() + ": no such readable circuit file");
            }
            c = Formats.read(a.circuit());
            a.checkInput(c);
            a.checkOutputs(c);
        } catch (CircuitFormatException | IllegalArgumentException e) {
            err.println("tc0-spark: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("tc0-spark: " + a.circuit() + ": " + e.getMessage());
            return 2;
        }
        SparkConf conf = new SparkConf().setAppName("tc0 eval " + a.circuit().getFileName());
        if (a.master() != null) conf.setMaster(a.master());
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        long t0 = System.nanoTime();
        // a session already running in this JVM (a notebook's, a test's) is used and left running
        boolean ours = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int partitions = a.partitions() != null ? a.partitions() : 4 * sc.defaultParallelism();
            InputSpec input;
            try {
                input = a.input(c, partitions);
                if (a.output() != null) mustNotExist(a.output().dir(), sc);
            } catch (IOException | IllegalArgumentException e) {
                err.println("tc0-spark: " + e.getMessage());
                return 2;
            }
            SparkEvalJob.Request req = new SparkEvalJob.Request(input, partitions, a.accepted() != null, a.output());
            Tally t = new SparkEvalJob(sc).run(c, req);
            if (a.accepted() != null) writeAccepted(t.accepted(), input.count(), a.accepted());
            if (a.counts()) {
                long[] ones = t.ones();
                for (int o = 0; o < ones.length; o++) out.println(c.outputName(o) + "\t" + ones[o]);
                out.flush();
            }
            long total = System.nanoTime() - t0;
            err.println("circuit  " + a.circuit() + ": " + c.numInputs() + " inputs, " + c.numOutputs() + " outputs, "
                    + c.numGates() + " gates, depth " + c.depth());
            err.println("inputs   " + t.patterns() + " (" + a.describeInput() + ")");
            err.println("engine   spark " + sc.master() + ", " + req.partitions() + " partitions, "
                    + sc.getConf().getInt("spark.task.cpus", 1) + " thread(s) per task");
            err.println("time     " + seconds(t.evalNanos()) + " evaluating (summed over tasks), " + seconds(total)
                    + " in all");
            err.println("speed    "
                    + String.format(Locale.ROOT, "%.2e", c.numGates() * (double) t.patterns() / (total * 1e-9))
                    + " gate-evals/s (wall clock, Spark's start included)");
            err.flush();
            return 0;
        } catch (Exception e) {
            err.println("tc0-spark: the job failed: " + rootMessage(e));
            return 1;
        } finally {
            if (ours) spark.stop();
        }
    }

    /** The committers write a new directory: an existing one is a mistake, named before the job starts. */
    private static void mustNotExist(String dir, JavaSparkContext sc) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        if (p.getFileSystem(sc.hadoopConfiguration()).exists(p))
            throw new IOException(dir + ": already exists (the output directory must be new)");
    }

    /**
     * Writes the accepted set: up to 2^32 inputs exactly the bytes {@code tc0 eval --accepted}
     * writes (a run-optimized 32-bit RoaringBitmap built in index order), beyond that the 64-bit
     * map's portable format.
     */
    static void writeAccepted(Roaring64NavigableMap accepted, long count, Path file) throws IOException {
        AtomicOutput.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            if (count <= 1L << 32) {
                RoaringBitmapWriter<RoaringBitmap> w =
                        RoaringBitmapWriter.writer().runCompress(true).get();
                accepted.forEach(v -> w.add((int) v));
                RoaringBitmap b = w.get();
                b.runOptimize();
                b.serialize(d);
            } else {
                accepted.runOptimize();
                accepted.serializePortable(d);
            }
            d.flush();
        });
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos * 1e-9);
    }

    /** The innermost cause's class and the first line of its message: Spark's messages run to many lines. */
    static String rootMessage(Throwable e) {
        return root(e).getClass().getSimpleName() + ": " + rootLine(e);
    }

    /** The first line of the innermost cause's message, for a mistake in the user's input. */
    static String rootLine(Throwable e) {
        return String.valueOf(root(e).getMessage()).lines().findFirst().orElse("");
    }

    private static Throwable root(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r;
    }
}
