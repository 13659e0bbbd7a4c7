package dev.tc0.compile.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.family.Families;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import dev.tc0.eval.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingStudyTest {
    static final ScalingStudy.Options SMALL = new ScalingStudy.Options(256, 4096, Engine.Options.defaults());

    @Test
    void rowsDescribeTheCircuitsAndFindNoMismatch() {
        List<CircuitFamily> families =
                List.of(Families.byName("parity"), Families.byName("parity-chain"), Families.byName("s5"));
        List<StudyRow> seen = new ArrayList<>();
        List<StudyRow> rows = ScalingStudy.run(families, List.of(4, 8), SMALL, seen::add);
        assertEquals(rows, seen, "each row goes to the listener as it is measured");
        assertEquals(6, rows.size());
        for (StudyRow r : rows) {
            CircuitFamily f = Families.byName(r.family());
            Circuit c = f.build(r.n());
            assertEquals(c.depth(), r.depth(), r.family());
            assertEquals(c.numGates(), r.gates());
            assertEquals(c.numEdges(), r.edges());
            assertEquals(c.numInputs(), r.inputs());
            assertEquals(c.numOutputs(), r.outputs());
            assertEquals(f.regime().name(), r.regime());
            assertTrue(r.ok(), r.mismatch());
            // up to 16 inputs every input is checked, past that the samples
            boolean all = c.numInputs() <= ReferenceCheck.EXHAUSTIVE_MAX_INPUTS;
            assertEquals(all, r.exhaustive(), r.family() + " " + r.n());
            assertEquals(all ? 1L << c.numInputs() : 256, r.checked(), r.family() + " " + r.n());
            assertEquals(all ? "all " + r.checked() : "256 random", r.verdict());
            assertEquals(4096, r.patterns());
            assertTrue(r.evalNanos() > 0 && r.buildNanos() > 0, r.toString());
            assertEquals(
                    r.gates() * 4096.0 / (r.evalNanos() * 1e-9), r.gateEvalsPerSecond(), 1e-6 * r.gateEvalsPerSecond());
            assertNotEquals("-", r.mode());
        }
        // parity keeps depth 2 while its chain grows
        assertEquals(rows.get(0).depth(), rows.get(1).depth());
        assertTrue(rows.get(3).depth() > rows.get(2).depth());
    }

    @Test
    void wideCircuitsAreCheckedOnTheSamples() {
        StudyRow r = ScalingStudy.measure(Families.byName("parity"), 40, SMALL);
        assertTrue(r.ok(), r.mismatch());
        assertFalse(r.exhaustive());
        assertEquals(256, r.checked());
        assertEquals("256 random", r.verdict());
    }

    @Test
    void aCircuitThatDisagreesWithItsReferenceIsReportedAndNotTimed() {
        CircuitFamily parity = Families.byName("parity");
        CircuitFamily liar = new CircuitFamily() {
            public String name() {
                return "liar";
            }

            public String description() {
                return "parity circuits against a majority reference";
            }

            public Regime regime() {
                return Regime.TC0;
            }

            public int minSize() {
                return 1;
            }

            public int numInputs(int n) {
                return n;
            }

            public Circuit build(int n) {
                return parity.build(n);
            }

            public boolean[] reference(int n, boolean[] x) {
                return Families.byName("majority").reference(n, x);
            }
        };
        StudyRow r = ScalingStudy.measure(liar, 5, SMALL);
        assertFalse(r.ok());
        assertTrue(r.mismatch().startsWith("on input "), r.mismatch());
        assertEquals("FAILED", r.verdict());
        assertEquals(0, r.evalNanos());
        assertEquals("-", r.mode());
    }

    @Test
    void withoutSamplesOrPatternsNothingIsCheckedOrTimed() {
        StudyRow r = ScalingStudy.measure(
                Families.byName("majority"), 8, new ScalingStudy.Options(0, 0, Engine.Options.defaults()));
        assertEquals("-", r.verdict());
        assertEquals(0, r.checked());
        assertEquals(0, r.evalNanos());
        assertEquals(0, r.gateEvalsPerSecond());
        assertEquals("-", r.mode());
        assertEquals(Families.byName("majority").build(8).numGates(), r.gates());
    }

    @Test
    void circuitsOverTheEdgeBudgetAreSkipped() {
        long edges = Families.byName("majority").build(8).numEdges();
        Engine.Options e = Engine.Options.defaults();
        assertNull(ScalingStudy.measure(Families.byName("majority"), 8, new ScalingStudy.Options(16, 0, e, edges - 1)));
        assertEquals(
                edges,
                ScalingStudy.measure(Families.byName("majority"), 8, new ScalingStudy.Options(16, 0, e, edges))
                        .edges());
    }

    @Test
    void aTransformerIsCompiledCheckedAndTimed() {
        Transformer m = ModelRegistry.get("majority");
        Circuit c = TransformerLowering.compile(m, 4).circuit();
        List<String> skipped = new ArrayList<>();
        StudyRow r = ScalingStudy.measureModel(m, 4, SMALL, skipped);
        assertTrue(skipped.isEmpty(), skipped.toString());
        assertEquals("tf-majority", r.family());
        assertEquals("TRANSFORMER", r.regime());
        assertEquals(c.numGates(), r.gates());
        assertEquals(c.numEdges(), r.edges());
        assertEquals(c.depth(), r.depth());
        assertTrue(r.ok(), r.mismatch());
        assertTrue(r.exhaustive() && r.checked() > 0, r.toString());
        assertTrue(r.evalNanos() > 0);

        assertNull(ScalingStudy.measureModel(
                m, 4, new ScalingStudy.Options(16, 0, Engine.Options.defaults(), c.numEdges() - 1), skipped));
        assertEquals(List.of("tf-majority from n=4 (" + c.numEdges() + " edges)"), skipped);
    }
}
