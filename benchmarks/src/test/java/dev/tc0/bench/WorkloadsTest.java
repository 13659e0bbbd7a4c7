package dev.tc0.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.eval.Engine;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.ReferenceEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every benchmark workload is what it claims to be and evaluates correctly. */
class WorkloadsTest {
    @ParameterizedTest
    @ValueSource(strings = {"random2-30k", "majority-wide"})
    void workloadsEvaluateLikeTheReference(String name) {
        Circuit c = Workloads.circuit(name);
        long[][] in = new RandomSource(c.numInputs(), 4096, 1).planes();
        long[][] want = ReferenceEvaluator.evaluate(c, in);
        long[][] got = Engine.evaluate(c, in);
        for (int o = 0; o < want.length; o++) assertArrayEquals(want[o], got[o], name + " output " + o);
    }

    @Test
    void random2HasAboutThirtyThousandTwoInputGates() {
        Circuit c = Workloads.circuit("random2-30k");
        assertTrue(c.numGates() >= 27_000 && c.numGates() <= 30_000, "gates " + c.numGates());
        for (int g = 0; g < c.numGates(); g++) assertEquals(2, c.fanIn(g));
    }

    @Test
    void majorityWideIsMadeOfWideMajorityGates() {
        Circuit c = Workloads.circuit("majority-wide");
        for (int g = 0; g < c.numGates(); g++) {
            assertEquals(GateKind.THRESHOLD, c.kind(g));
            // a complementary pair x, !x among the 63 operands is folded into the threshold
            assertTrue(c.fanIn(g) >= 31 && c.fanIn(g) <= 63 && (63 - c.fanIn(g)) % 2 == 0, "fan-in " + c.fanIn(g));
            assertEquals(32 - (63 - c.fanIn(g)) / 2, c.threshold(g));
        }
    }
}
