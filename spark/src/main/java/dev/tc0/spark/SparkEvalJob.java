package dev.tc0.spark;

import dev.tc0.circuit.Circuit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A batch evaluation on Spark: the circuit's {@code .tc0} bytes are broadcast once, the batch is
 * cut into word-aligned {@link PatternRange}s, one per partition, and each task runs tc0's engine
 * on its range ({@link EvalTask}). Counts and the accepted set come back through an accumulator
 * that Spark applies once per partition; output planes or rows go through Hadoop's file committer into
 * a directory of parts and are then joined into one file, or are written as a Parquet dataset by
 * Spark's own committer. Every range is evaluated by the same
 * engine on the same words as the single-machine run, so the results are identical whatever the
 * partitions, executors and retries.
 */
public final class SparkEvalJob {
    /** Where a job's outputs go, besides the counts and the accepted set. */
    public enum Format {
        /** Plane parts in a directory, joined into one plane file. */
        PLANES,
        /** Rows text parts in a directory, joined into one rows file. */
        ROWS,
        /** A Parquet dataset of output plane blocks ({@link ParquetOutput#PLANES}). */
        PARQUET_PLANES,
        /** A Parquet dataset of one row per pattern ({@link ParquetOutput#ROWS}). */
        PARQUET_ROWS;

        boolean parquet() {
            return this == PARQUET_PLANES || this == PARQUET_ROWS;
        }
    }

    /**
     * The outputs of every pattern: {@code dir} is the parts directory, or the Parquet dataset,
     * written through Hadoop's committer (any Hadoop file system); {@code file} the joined local
     * file of plane or rows parts (null for Parquet, or to keep the parts only).
     */
    public record Output(Format format, String dir, Path file) {
        public Output {
            if (format == null || dir == null)
                throw new IllegalArgumentException("an output needs a format and a directory");
            if (format.parquet() && file != null)
                throw new IllegalArgumentException("a Parquet output is its directory; there is no file to join");
        }
    }

    /** What to compute besides the counts, which always come back; {@code output} null for none. */
    public record Request(InputSpec input, int partitions, boolean accepted, Output output) {
        public Request {
            if (partitions < 1) throw new IllegalArgumentException("at least one partition, not " + partitions);
        }

        public static Request counts(InputSpec input, int partitions) {
            return new Request(input, partitions, false, null);
        }

        public Request withAccepted() {
            return new Request(input, partitions, true, output);
        }

        public Request withOutput(Output o) {
            return new Request(input, partitions, accepted, o);
        }

        /** Output planes: parts in {@code dir}, joined into {@code merged}. */
        public Request withPlanes(String dir, Path merged) {
            return withOutput(new Output(Format.PLANES, dir, merged));
        }
    }

    private final JavaSparkContext sc;
    private EvalTask.Fault fault = EvalTask.Fault.NONE;

    public SparkEvalJob(JavaSparkContext sc) {
        this.sc = sc;
    }

    /** Test hook: fail partition 0 on its first attempt or on every attempt. */
    SparkEvalJob injecting(EvalTask.Fault f) {
        this.fault = f;
        return this;
    }

    public Tally run(Circuit c, Request req) throws IOException {
        if (req.input().inputs() != c.numInputs()) {
            throw new IllegalArgumentException("the circuit has " + c.numInputs() + " inputs but the input gives "
                    + req.input().inputs());
        }
        if (req.accepted() && c.numOutputs() == 0)
            throw new IllegalArgumentException("the accepted set needs an output");
        List<PatternRange> ranges = PatternRange.split(req.input().count(), req.partitions());
        Broadcast<byte[]> circuit = sc.broadcast(PlanCache.bytes(c));
        try {
            EvalTask task = new EvalTask(circuit, req.input(), ranges, c.numOutputs(), req.accepted(), fault);
            TallyAccumulator acc = new TallyAccumulator(c.numOutputs(), req.accepted());
            sc.sc().register(acc, "tc0 tally");
            // partition p holds what range p is evaluated from
            JavaRDD<?> data = req.input().partitions(sc, ranges);
            Output out = req.output();
            if (out == null) {
                data.foreachPartition(it -> {
                    acc.add(task.run(it, null, null));
                    task.maybeFail();
                });
            } else if (out.format().parquet()) {
                ParquetInput.Layout layout =
                        out.format() == Format.PARQUET_PLANES ? ParquetInput.Layout.PLANES : ParquetInput.Layout.ROWS;
                int outputs = c.numOutputs();
                JavaRDD<Row> rows = data.mapPartitions(it -> ParquetOutput.rows(task, acc, it, outputs, layout));
                SparkSession.active()
                        .createDataFrame(
                                rows, layout == ParquetInput.Layout.PLANES ? ParquetOutput.PLANES : ParquetOutput.ROWS)
                        .write()
                        .parquet(out.dir());
            } else {
                EvalTask.Local local = out.format() == Format.ROWS ? EvalTask.Local.ROWS : EvalTask.Local.PLANES;
                data.mapPartitionsToPair(it -> new PartIterator(task, acc, it, local))
                        .saveAsNewAPIHadoopFile(
                                out.dir(),
                                NullWritable.class,
                                Text.class,
                                PlanePartOutputFormat.class,
                                sc.hadoopConfiguration());
                if (out.file() != null && local == EvalTask.Local.ROWS) {
                    Parts.joinRows(out.dir(), sc.hadoopConfiguration(), ranges, c.numOutputs(), out.file());
                } else if (out.file() != null) {
                    Parts.joinPlanes(out.dir(), sc.hadoopConfiguration(), ranges, c.numOutputs(), out.file());
                }
            }
            return acc.value();
        } finally {
            circuit.destroy();
        }
    }

    /**
     * The one record of a task's part: the range is evaluated when the writer asks for it, so the
     * part is written in the same task; an injected fault strikes after the part's bytes are
     * written, before the attempt commits.
     */
    private static final class PartIterator implements Iterator<Tuple2<NullWritable, Text>> {
        private final EvalTask task;
        private final TallyAccumulator acc;
        private final Iterator<?> data;
        private final EvalTask.Local format;
        private boolean done;

        PartIterator(EvalTask task, TallyAccumulator acc, Iterator<?> data, EvalTask.Local format) {
            this.task = task;
            this.acc = acc;
            this.data = data;
            this.format = format;
        }

        @Override
        public boolean hasNext() {
            if (!done) return true;
            task.maybeFail();
            return false;
        }

        @Override
        public Tuple2<NullWritable, Text> next() {
            if (done) throw new NoSuchElementException();
            done = true;
            try {
                Path local = EvalTask.localPartFile();
                acc.add(task.run(data, local, format));
                return new Tuple2<>(NullWritable.get(), new Text(local.toString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
