package dev.tc0.eval;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Compiles the kernels before the first measured run. Vector API code runs hundreds of times
 * slower in the interpreter and C1 than once C2 has compiled it, so a short command-line run
 * would otherwise measure the JIT. A small circuit holding every plan operation is evaluated
 * until each kernel loop has run well past C2's thresholds (about 0.1-0.3 s). Tests and JMH
 * (which warms up by itself) do not need it.
 */
public final class Warmup {
    private static final int ROUNDS = 400;

    private Warmup() {}

    /** Starts the warm-up on a daemon thread; join it before timing anything. */
    public static Thread start(Kernels kernels) {
        Thread t = new Thread(() -> run(kernels), "tc0-warmup");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public static void run(Kernels kernels) {
        kernels = kernels.warmUpWith();
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(24, 240, 24, 9, GateKind.values()), 1);
        EvalPlan plan = EvalPlan.of(c);
        long[][] planes = new RandomSource(c.numInputs(), 64 * 64, 1).planes();
        Engine.Options one = new Engine.Options(1, Engine.Mode.TILES, kernels, 64);
        try (Engine e = new Engine(plan, one)) {
            PlaneArraySource src = new PlaneArraySource(planes);
            for (int r = 0; r < ROUNDS; r++) e.run(src, OutputSink.discard());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
