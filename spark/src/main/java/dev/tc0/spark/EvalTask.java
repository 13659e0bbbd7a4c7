package dev.tc0.spark;

import dev.tc0.eval.CountSink;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneFileSink;
import dev.tc0.eval.RowSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * One task's work: tc0's engine over the task's pattern range, with as many engine threads as the
 * task has cores ({@code spark.task.cpus}). Memory is the engine's: one wave of tiles (two per
 * thread) plus the output planes' part file on local disk, never the whole range.
 */
final class EvalTask implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Failure injection for the retry tests; NONE in every real job. */
    enum Fault {
        NONE,
        FIRST_ATTEMPT,
        EVERY_ATTEMPT
    }

    /** What a task writes beside its tally: its range's outputs as planes or as text rows. */
    enum Local {
        PLANES,
        ROWS
    }

    private final Broadcast<byte[]> circuit;
    private final InputSpec input;
    private final PatternRange[] ranges;
    private final int outputs;
    private final boolean accepted;
    private final Fault fault;

    EvalTask(
            Broadcast<byte[]> circuit,
            InputSpec input,
            List<PatternRange> ranges,
            int outputs,
            boolean accepted,
            Fault fault) {
        this.circuit = circuit;
        this.input = input;
        this.ranges = ranges.toArray(PatternRange[]::new);
        this.outputs = outputs;
        this.accepted = accepted;
        this.fault = fault;
    }

    /** The range of the running task: partition {@code p} evaluates range {@code p}. */
    PatternRange range() {
        return ranges[TaskContext.getPartitionId()];
    }

    /**
     * Evaluates this task's range from its partition's {@code data}; with {@code local} non-null,
     * the range's outputs are written there: in ABC's plane layout (the range's words of each
     * output plane, in turn), or as text rows, the bytes of {@code tc0 eval}'s rows output.
     */
    Tally run(Iterator<?> data, Path local, Local format) throws IOException {
        PatternRange range = range();
        EvalPlan plan = PlanCache.plan(circuit.id(), circuit.value());
        TaskContext task = TaskContext.get();
        int threads = Math.max(1, task == null ? 1 : task.cpus());
        CountSink counts = new CountSink(outputs);
        AcceptedRangeSink acceptedSink = accepted ? new AcceptedRangeSink(range.first()) : null;
        List<OutputSink> sinks = new ArrayList<>(List.of(counts));
        if (acceptedSink != null) sinks.add(acceptedSink);
        OutputStream rowsFile = local != null && format == Local.ROWS ? Files.newOutputStream(local) : null;
        try (rowsFile;
                OutputSink file = local == null
                        ? OutputSink.discard()
                        : rowsFile != null
                                ? new RowSink(rowsFile, outputs)
                                : new PlaneFileSink(local, outputs, range.count());
                InputSource in = input.open(range, data);
                Engine engine = new Engine(plan, Engine.Options.defaults().withThreads(threads))) {
            sinks.add(file);
            Engine.Report r = engine.run(in, new Tee(sinks));
            return new Tally(
                    r.patterns(), counts.ones(), acceptedSink == null ? null : acceptedSink.accepted(), r.evalNanos());
        }
    }

    /** Throws when the injected fault applies to this attempt; called after the work is done. */
    void maybeFail() {
        TaskContext t = TaskContext.get();
        boolean fail =
                fault == Fault.EVERY_ATTEMPT || (fault == Fault.FIRST_ATTEMPT && t != null && t.attemptNumber() == 0);
        if (fail && t != null && t.partitionId() == 0) {
            throw new IllegalStateException("injected failure in partition 0, attempt " + t.attemptNumber());
        }
    }

    /** Hands each tile to every sink; finish and close reach all of them. */
    private record Tee(List<OutputSink> sinks) implements OutputSink {
        @Override
        public void accept(long first, int count, long[] planes, int words) throws IOException {
            for (OutputSink s : sinks) s.accept(first, count, planes, words);
        }

        @Override
        public void finish() throws IOException {
            for (OutputSink s : sinks) s.finish();
        }
    }

    /** A fresh local file name for a part's planes, removed when the task ends however it ends. */
    static Path localPartFile() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path f = Files.createTempFile(dir, "tc0-part-", ".planes");
        Files.delete(f); // PlaneFileSink creates it afresh under a temporary name and renames it
        TaskContext t = TaskContext.get();
        if (t != null)
            t.addTaskCompletionListener(ctx -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                }
            });
        return f;
    }
}
