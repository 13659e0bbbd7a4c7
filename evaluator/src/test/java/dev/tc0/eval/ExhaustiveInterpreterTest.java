package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Small circuits on every input pattern: the engine against the one-pattern-at-a-time interpreter. */
class ExhaustiveInterpreterTest {
    @Test
    void everyPatternOfSmallRandomCircuits() throws IOException {
        for (long seed = 0; seed < 60; seed++) {
            int inputs = 1 + (int) (seed % 12);
            int fanIn = 1 + (int) (seed % 9);
            Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(inputs, 40, 5, fanIn, GateKind.values()), seed);
            Engine.Options o = Engine.Options.defaults().withThreads(1 + (int) (seed % 2));
            PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), 1L << inputs);
            try (Engine e = new Engine(EvalPlan.of(c), o)) {
                e.run(new ExhaustiveSource(inputs), sink);
            }
            for (int x = 0; x < (1 << inputs); x++) {
                boolean[] in = new boolean[inputs];
                for (int j = 0; j < inputs; j++) in[j] = (x >>> j & 1) != 0;
                boolean[] want = c.evaluate(in);
                for (int out = 0; out < want.length; out++) {
                    boolean got = (sink.planes()[out][x >>> 6] >>> (x & 63) & 1) != 0;
                    long s = seed;
                    int xx = x, oo = out;
                    assertEquals(want[out], got, () -> "seed " + s + " pattern " + xx + " output " + oo);
                }
            }
        }
    }
}
