package dev.tc0.compile.study;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.family.Families;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScalingStudyTest {
    static final ScalingStudy.Options SMALL = new ScalingStudy.Options(256, 2, 7);

    @Test
    void rowsDescribeTheCircuitsAndFindNoMismatch() {
        List<CircuitFamily> families = List.of(Families.byName("parity"), Families.byName("parity-chain"), Families.byName("s5"));
        List<StudyRow> rows = ScalingStudy.run(families, f -> new int[] {4, 8}, SMALL);
        assertEquals(6, rows.size());
        for (StudyRow r : rows) {
            Circuit c = Families.byName(r.family()).build(r.n());
            assertEquals(c.depth(), r.depth(), r.family());
            assertEquals(c.numGates(), r.gates());
            assertEquals(c.numEdges(), r.edges());
            assertEquals(c.numInputs(), r.inputs());
            assertEquals(256, r.patterns());
            assertEquals(0, r.mismatches(), r.firstMismatch());
            assertTrue(r.batchMicros() > 0 && r.gateEvalsPerSecond() > 0 && r.buildMillis() >= 0);
            assertEquals(Families.byName(r.family()).regime().name(), r.regime());
        }
        // parity keeps depth 2 while its chain grows
        assertEquals(rows.get(0).depth(), rows.get(1).depth());
        assertTrue(rows.get(3).depth() > rows.get(2).depth());
    }

    @Test
    void aCircuitThatDisagreesWithItsReferenceIsReported() {
        CircuitFamily parity = Families.byName("parity");
        CircuitFamily liar = new CircuitFamily() {
            public String name() { return "liar"; }
            public String description() { return "parity circuits against a majority reference"; }
            public Regime regime() { return Regime.TC0; }
            public int minSize() { return 1; }
            public int numInputs(int n) { return n; }
            public Circuit build(int n) { return parity.build(n); }
            public boolean[] reference(int n, boolean[] x) { return Families.byName("majority").reference(n, x); }
        };
        StudyRow r = ScalingStudy.measure(liar, 5, SMALL);
        assertTrue(r.mismatches() > 0);
        assertFalse(r.firstMismatch().isEmpty());
    }

    @Test
    void defaultLadderStaysWithinTheInputBudget() {
        for (CircuitFamily f : Families.all()) {
            int[] ladder = ScalingStudy.defaultLadder(f);
            assertTrue(ladder.length >= 2, f.name());
            for (int n : ladder) assertTrue(f.numInputs(n) <= ScalingStudy.DEFAULT_MAX_INPUTS && n >= f.minSize());
        }
    }
}
