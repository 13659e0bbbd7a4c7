package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneArraySink;
import dev.tc0.eval.PlaneArraySource;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One circuit, one engine configuration and one seeded batch of random patterns held in memory:
 * what every engine benchmark times. The planes are made once, so a timed run is the engine's
 * input fill, evaluation and output hand-off, with outputs discarded.
 */
public final class EngineRun implements AutoCloseable {
    private final Circuit circuit;
    private final Engine engine;
    private final long[][] planes;
    private final PlaneArraySource source;

    /** The first {@code patterns} patterns of the given planes. */
    public EngineRun(Circuit circuit, Engine.Options options, long[][] planes, long patterns) {
        this.circuit = circuit;
        this.engine = new Engine(EvalPlan.of(circuit), options);
        this.planes = planes;
        this.source = new PlaneArraySource(planes, patterns);
    }

    /** {@code patterns} seeded random patterns. */
    public EngineRun(Circuit circuit, Engine.Options options, long patterns, long seed) {
        this(circuit, options, new RandomSource(circuit.numInputs(), patterns, seed).planes(), patterns);
    }

    /** One timed run: outputs are dropped, the engine's report is returned for the blackhole. */
    public Engine.Report run() {
        try {
            return engine.run(source, OutputSink.discard());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same run with outputs kept, for the tests that check every workload's answer. */
    public long[][] outputs() {
        PlaneArraySink sink = new PlaneArraySink(circuit.numOutputs(), source.count());
        try {
            engine.run(source, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.planes();
    }

    /** The input planes of the batch (shared, do not modify). */
    public long[][] inputs() {
        return planes;
    }

    /** Patterns per run: the planes may hold more bits (a repeated block), which the run ignores. */
    public long patterns() {
        return source.count();
    }

    public Circuit circuit() {
        return circuit;
    }

    @Override
    public void close() {
        engine.close();
    }
}
