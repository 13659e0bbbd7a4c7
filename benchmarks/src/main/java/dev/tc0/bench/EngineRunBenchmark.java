package dev.tc0.bench;

import dev.tc0.eval.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The shape every engine benchmark shares: a subclass builds {@link #run} in its trial set-up
 * (its own circuit, options and batch); this class times one batch and closes the run. JMH
 * generates the benchmark for each concrete subclass under the subclass's name.
 */
public abstract class EngineRunBenchmark {
    protected EngineRun run;

    @TearDown(Level.Trial)
    public void tearDown() {
        run.close();
    }

    @Benchmark
    public Engine.Report evaluate() {
        return run.run();
    }
}
