package dev.tc0.compile.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.study.ReferenceCheck;
import dev.tc0.eval.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FamiliesTest {
    /** Exhaustive checks up to this many input bits. */
    private static final int EXHAUSTIVE_BITS = 14;
    /** Random checks at larger n, with at most this many input bits. */
    private static final int RANDOM_MAX_INPUTS = 400;

    private static final int RANDOM_PATTERNS = 2000;
    private static final Engine.Options ENGINE = Engine.Options.defaults();

    static List<CircuitFamily> families() {
        return Families.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void equalsItsReferenceOnAllInputsForSmallN(CircuitFamily f) {
        int checked = 0;
        for (int n = f.minSize(); f.numInputs(n) <= EXHAUSTIVE_BITS; n++) {
            Circuit c = f.build(n);
            assertEquals(f.numInputs(n), c.numInputs());
            ReferenceCheck.Result r = ReferenceCheck.check(f, n, c, 0, 1, ENGINE);
            assertTrue(r.ok(), f.name() + "(" + n + "): " + r.mismatch());
            assertTrue(r.exhaustive() && r.checked() == 1L << c.numInputs(), f.name() + "(" + n + "): " + r);
            checked++;
        }
        if (f.numInputs(f.minSize()) > EXHAUSTIVE_BITS) {
            // too wide to enumerate even at its smallest n: the random check below covers it
            return;
        }
        assertTrue(checked > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void equalsItsReferenceOnRandomInputsForLargerN(CircuitFamily f) {
        int checked = 0;
        for (int n : new int[] {f.minSize(), 5, 9, 16, 24}) {
            if (n < f.minSize() || f.numInputs(n) > RANDOM_MAX_INPUTS) continue;
            Circuit c = f.build(n);
            // at most 16 inputs the check goes through every input, which covers the random ones
            ReferenceCheck.Result r =
                    ReferenceCheck.check(f, n, c, RANDOM_PATTERNS, f.name().hashCode(), ENGINE);
            assertTrue(r.ok(), f.name() + "(" + n + "): " + r.mismatch());
            checked++;
        }
        assertTrue(checked >= 2, f.name() + " was checked at " + checked + " sizes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void depthIsConstantForTc0FamiliesAndGrowsForTheOthers(CircuitFamily f) {
        if (f.constantDepth()) {
            int d8 = f.build(8).depth();
            assertEquals(d8, f.build(16).depth(), f.name() + " depth at 16");
            assertEquals(d8, f.build(32).depth(), f.name() + " depth at 32");
        } else {
            int d4 = f.build(4).depth(),
                    d8 = f.build(8).depth(),
                    d16 = f.build(16).depth();
            assertTrue(d4 < d8 && d8 < d16, f.name() + " depths " + d4 + ", " + d8 + ", " + d16 + " do not grow");
        }
    }

    @Test
    void beyondFamiliesHaveTheirStatedDepth() {
        for (int n : new int[] {2, 3, 5, 8, 13, 16}) {
            assertEquals(
                    FormulaFamily.depth(n), Families.byName("formula").build(n).depth(), "formula " + n);
            assertEquals(S5Family.depth(n), Families.byName("s5").build(n).depth(), "s5 " + n);
            assertEquals(
                    2 * ReachabilityFamily.squarings(n),
                    Families.byName("reachability").build(n).depth(),
                    "reachability " + n);
        }
        for (int n = 2; n <= 6; n++)
            assertEquals(4 * n, Families.byName("cvp").build(n).depth(), "cvp " + n);
    }

    @Test
    void registryHasTheCommandLineNamesInRegimeOrder() {
        for (String name : List.of(
                "majority",
                "parity",
                "count",
                "iterated-add",
                "multiply",
                "sort",
                "dyck1",
                "ripple-add",
                "cvp",
                "formula",
                "reachability",
                "s5")) {
            assertEquals(name, Families.byName(name).name());
        }
        List<CircuitFamily> all = Families.all();
        for (int i = 1; i < all.size(); i++)
            assertTrue(all.get(i - 1).regime().compareTo(all.get(i).regime()) <= 0);
        assertThrows(java.util.NoSuchElementException.class, () -> Families.byName("no-such-family"));
        for (CircuitFamily f : all)
            assertTrue(!f.description().isBlank() && !f.name().contains(" "));
    }

    @Test
    void aWrongCircuitIsCaught() {
        CircuitFamily parity = Families.byName("parity"), majority = Families.byName("majority");
        Circuit wrong = majority.build(6);
        ReferenceCheck.Result r = ReferenceCheck.check(parity, 6, wrong, 0, 1, ENGINE);
        assertTrue(!r.ok() && r.mismatch().startsWith("on input "), String.valueOf(r.mismatch()));
        // the exhaustive check stops at the first input, in order, on which the two functions differ
        assertEquals(r.checked(), firstDisagreement(parity, Families.byName("majority"), 6));
    }

    /** Index, in ExhaustiveSource's order (input i is bit i of the index), of the first input on which two references differ. */
    private static long firstDisagreement(CircuitFamily a, CircuitFamily b, int n) {
        for (long p = 0; p < 1L << n; p++) {
            boolean[] x = new boolean[n];
            for (int i = 0; i < n; i++) x[i] = (p >>> i & 1) != 0;
            if (!java.util.Arrays.equals(a.reference(n, x), b.reference(n, x))) return p;
        }
        return -1;
    }
}
