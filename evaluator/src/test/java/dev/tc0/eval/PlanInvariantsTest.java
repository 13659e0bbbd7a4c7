package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Replays a plan symbolically: each slot records which node it holds. Every operand must be
 * computed at an earlier level and still be in its slot when read, and no slot may be written
 * while a later level (or an output) still needs its node.
 */
class PlanInvariantsTest {

    static void checkPlan(Circuit c) {
        EvalPlan p = EvalPlan.of(c);
        int[] level = c.levels();
        int[] holds = new int[p.numSlots];
        Arrays.fill(holds, -1);
        // last level reading each node; outputs read after the last level
        int[] lastRead = new int[c.numNodes()];
        Arrays.fill(lastRead, -1);
        for (int g = 0; g < c.numGates(); g++) {
            for (int i = 0; i < c.fanIn(g); i++) {
                int n = c.operand(g, i) >>> 1;
                lastRead[n] = Math.max(lastRead[n], level[c.gateNode(g)]);
            }
        }
        for (int o = 0; o < c.numOutputs(); o++) lastRead[c.output(o) >>> 1] = Integer.MAX_VALUE;
        for (int i = 0; i < c.numInputs(); i++) {
            if (p.inputSlot[i] >= 0) holds[p.inputSlot[i]] = 1 + i;
        }
        int[] nodeSlot = new int[c.numNodes()];
        Arrays.fill(nodeSlot, -1);
        for (int i = 0; i < c.numInputs(); i++) nodeSlot[1 + i] = p.inputSlot[i];
        int gatesSeen = 0;
        for (int l = 1; l <= p.depth; l++) {
            int g0 = p.runGate[p.levelRun[l - 1]], g1 = p.runGate[p.levelRun[l]];
            // reads of this level happen before any of its writes could be seen by them
            for (int pg = g0; pg < g1; pg++) {
                int node = p.gateNode[pg];
                int g = node - c.firstGateNode();
                assertEquals(l, level[node], "gate placed at the wrong level");
                for (int i = 0; i < c.fanIn(g); i++) {
                    int src = c.operand(g, i) >>> 1;
                    assertTrue(level[src] < l, "operand computed at a later level");
                    int ref = p.opRef[p.gateOpStart[pg] + i];
                    assertEquals(src, holds[ref >>> 1], "slot " + (ref >>> 1) + " does not hold node " + src);
                }
            }
            for (int pg = g0; pg < g1; pg++) {
                int s = p.gateSlot[pg];
                int old = holds[s];
                if (old >= 0 && lastRead[old] >= l) {
                    fail("slot " + s + " overwritten at level " + l + " while node " + old + " is read at level "
                            + lastRead[old]);
                }
                for (int pg2 = g0; pg2 < g1; pg2++) {
                    if (pg2 != pg && p.gateSlot[pg2] == s) fail("two gates of level " + l + " share slot " + s);
                }
                holds[s] = p.gateNode[pg];
                nodeSlot[p.gateNode[pg]] = s;
                gatesSeen++;
            }
        }
        assertEquals(c.numGates(), gatesSeen, "every gate is in the plan once");
        for (int o = 0; o < c.numOutputs(); o++) {
            int lit = c.output(o);
            if (lit >>> 1 == 0) continue;
            assertEquals(lit >>> 1, holds[p.outputRef[o] >>> 1], "output " + o + " slot lost its value");
        }
    }

    /** Depth-first plans run gate by gate: replay them in order with exact last-use times. */
    static void checkDepthFirst(Circuit c) {
        EvalPlan p = EvalPlan.of(c).depthFirst();
        assertEquals(1, p.depth, "one pseudo-level");
        int gates = p.runGate[p.runOp.length];
        int[] pos = new int[c.numNodes()];
        for (int pg = 0; pg < gates; pg++) pos[p.gateNode[pg]] = pg;
        int[] lastRead = new int[c.numNodes()];
        Arrays.fill(lastRead, -1);
        for (int pg = 0; pg < gates; pg++) {
            int g = p.gateNode[pg] - c.firstGateNode();
            for (int i = 0; i < c.fanIn(g); i++) lastRead[c.operand(g, i) >>> 1] = pg;
        }
        for (int o = 0; o < c.numOutputs(); o++) lastRead[c.output(o) >>> 1] = Integer.MAX_VALUE;
        int[] holds = new int[p.numSlots];
        Arrays.fill(holds, -1);
        for (int i = 0; i < c.numInputs(); i++) if (p.inputSlot[i] >= 0) holds[p.inputSlot[i]] = 1 + i;
        for (int pg = 0; pg < gates; pg++) {
            int node = p.gateNode[pg], g = node - c.firstGateNode();
            for (int i = 0; i < c.fanIn(g); i++) {
                int src = c.operand(g, i) >>> 1;
                assertTrue(src <= c.numInputs() || pos[src] < pg, "operand computed later");
                assertEquals(src, holds[p.opRef[p.gateOpStart[pg] + i] >>> 1], "operand slot lost its value");
                assertTrue(
                        p.opRef[p.gateOpStart[pg] + i] >>> 1 != p.gateSlot[pg], "a gate writes over its own operand");
            }
            int old = holds[p.gateSlot[pg]];
            if (old >= 0 && lastRead[old] > pg) fail("slot overwritten while node " + old + " is still read");
            holds[p.gateSlot[pg]] = node;
        }
        for (int o = 0; o < c.numOutputs(); o++) {
            if (c.output(o) >>> 1 != 0) assertEquals(c.output(o) >>> 1, holds[p.outputRef[o] >>> 1]);
        }
    }

    @Test
    void depthFirstPlans() {
        for (long seed = 0; seed < 40; seed++) {
            int fanIn = 1 + (int) (seed % 7) * 3;
            checkDepthFirst(
                    RandomCircuits.generate(RandomCircuits.Spec.of(16, 300, 8, fanIn, GateKind.values()), seed));
        }
        checkDepthFirst(RandomCircuits.layered(64, 20, 300, GateKind.XOR, 1));
    }

    @Test
    void randomCircuitsOfEveryKind() {
        for (long seed = 0; seed < 40; seed++) {
            int fanIn = 1 + (int) (seed % 7) * 3;
            checkPlan(RandomCircuits.generate(RandomCircuits.Spec.of(16, 300, 8, fanIn, GateKind.values()), seed));
        }
    }

    @Test
    void wideLayeredCircuit() {
        checkPlan(RandomCircuits.layered(64, 20, 300, GateKind.XOR, 1));
    }

    @Test
    void thresholdGatesOverTheSameOperandsShareOneSum() {
        dev.tc0.circuit.CircuitBuilder b = new dev.tc0.circuit.CircuitBuilder();
        int[] x = b.inputs("x", 40);
        int[] y = new int[39];
        for (int t = 1; t <= 39; t++) y[t - 1] = b.threshold(t + 1, x); // t+1 in 2..40: no AND/OR folding
        b.output("parity", b.xor(y));
        Circuit c = b.build();
        for (EvalPlan p : new EvalPlan[] {EvalPlan.of(c), EvalPlan.of(c).depthFirst()}) {
            int shared = 0;
            for (boolean s : p.sharesSum) if (s) shared++;
            assertTrue(shared >= 37, "gates reusing a sum: " + shared);
        }
    }

    @Test
    void slotsAreReused() {
        Circuit c = RandomCircuits.layered(32, 200, 32, GateKind.AND, 2);
        EvalPlan p = EvalPlan.of(c);
        // 200 levels of 32 gates need about two levels' worth of slots, not 6400
        assertTrue(p.numSlots <= 3 * 32 + 32, "slots: " + p.numSlots);
    }
}
