package dev.tc0.spark;

import dev.tc0.eval.CountSink;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneFileSink;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final Broadcast<byte[]> circuit;
    private final InputSpec input;
    private final int outputs;
    private final boolean accepted;
    private final Fault fault;

    EvalTask(Broadcast<byte[]> circuit, InputSpec input, int outputs, boolean accepted, Fault fault) {
        this.circuit = circuit;
        this.input = input;
        this.outputs = outputs;
        this.accepted = accepted;
        this.fault = fault;
    }

    /**
     * Evaluates {@code range}; with {@code planesFile} non-null the range's output planes are
     * written there in ABC's plane layout (the range's words of each output plane, in turn).
     */
    Tally run(PatternRange range, Path planesFile) throws IOException {
        EvalPlan plan = PlanCache.plan(circuit.id(), circuit.value());
        TaskContext task = TaskContext.get();
        int threads = Math.max(1, task == null ? 1 : task.cpus());
        CountSink counts = new CountSink(outputs);
        AcceptedRangeSink acceptedSink = accepted ? new AcceptedRangeSink(range.first()) : null;
        List<OutputSink> sinks = new ArrayList<>(List.of(counts));
        if (acceptedSink != null) sinks.add(acceptedSink);
        PlaneFileSink planes = planesFile == null ? null : new PlaneFileSink(planesFile, outputs, range.count());
        if (planes != null) sinks.add(planes);
        try (InputSource in = input.open(range);
                Engine engine = new Engine(plan, Engine.Options.defaults().withThreads(threads))) {
            Engine.Report r = engine.run(in, new Tee(sinks));
            return new Tally(
                    r.patterns(), counts.ones(), acceptedSink == null ? null : acceptedSink.accepted(), r.evalNanos());
        } finally {
            if (planes != null) planes.close();
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
