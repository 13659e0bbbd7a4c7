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
import scala.Tuple2;

/**
 * A batch evaluation on Spark: the circuit's {@code .tc0} bytes are broadcast once, the batch is
 * cut into word-aligned {@link PatternRange}s, one per partition, and each task runs tc0's engine
 * on its range ({@link EvalTask}). Counts and the accepted set come back through an accumulator
 * that Spark applies once per partition; output planes go through Hadoop's file committer into a
 * directory of parts and are then joined into one plane file. Every range is evaluated by the same
 * engine on the same words as the single-machine run, so the results are identical whatever the
 * partitions, executors and retries.
 */
public final class SparkEvalJob {
    /** What to compute besides the counts, which always come back. */
    public record Request(InputSpec input, int partitions, boolean accepted, String partsDir, Path planesOut) {
        public Request {
            if (partitions < 1) throw new IllegalArgumentException("at least one partition, not " + partitions);
            if (planesOut != null && partsDir == null)
                throw new IllegalArgumentException("plane output needs a parts directory");
        }

        public static Request counts(InputSpec input, int partitions) {
            return new Request(input, partitions, false, null, null);
        }

        public Request withAccepted() {
            return new Request(input, partitions, true, partsDir, planesOut);
        }

        public Request withPlanes(String dir, Path merged) {
            return new Request(input, partitions, accepted, dir, merged);
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
            EvalTask task = new EvalTask(circuit, req.input(), c.numOutputs(), req.accepted(), fault);
            TallyAccumulator acc = new TallyAccumulator(c.numOutputs(), req.accepted());
            sc.sc().register(acc, "tc0 tally");
            JavaRDD<PatternRange> rdd = sc.parallelize(ranges, ranges.size());
            if (req.partsDir() == null) {
                rdd.foreachPartition(it -> {
                    while (it.hasNext()) acc.add(task.run(it.next(), null));
                    task.maybeFail();
                });
            } else {
                rdd.mapPartitionsToPair(it -> new PartIterator(task, acc, it))
                        .saveAsNewAPIHadoopFile(
                                req.partsDir(),
                                NullWritable.class,
                                Text.class,
                                PlanePartOutputFormat.class,
                                sc.hadoopConfiguration());
                if (req.planesOut() != null) {
                    PlaneParts.merge(req.partsDir(), sc.hadoopConfiguration(), ranges, c.numOutputs(), req.planesOut());
                }
            }
            return acc.value();
        } finally {
            circuit.destroy();
        }
    }

    /**
     * Evaluates each range as the writer asks for it, so the part is written in the same task; an
     * injected fault strikes after the part's bytes are written, before the attempt commits.
     */
    private static final class PartIterator implements Iterator<Tuple2<NullWritable, Text>> {
        private final EvalTask task;
        private final TallyAccumulator acc;
        private final Iterator<PatternRange> ranges;

        PartIterator(EvalTask task, TallyAccumulator acc, Iterator<PatternRange> ranges) {
            this.task = task;
            this.acc = acc;
            this.ranges = ranges;
        }

        @Override
        public boolean hasNext() {
            if (ranges.hasNext()) return true;
            task.maybeFail();
            return false;
        }

        @Override
        public Tuple2<NullWritable, Text> next() {
            if (!ranges.hasNext()) throw new NoSuchElementException();
            try {
                Path local = EvalTask.localPartFile();
                acc.add(task.run(ranges.next(), local));
                return new Tuple2<>(NullWritable.get(), new Text(local.toString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
