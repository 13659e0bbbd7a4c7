package dev.tc0.compile.study;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.eval.Evaluator;

import java.util.Arrays;

/** Runs a family's circuit over a batch with {@link Evaluator} and compares with its reference. */
public final class ReferenceCheck {
    private ReferenceCheck() {}

    /**
     * @param patterns patterns checked
     * @param mismatches patterns whose outputs differ from the reference in any bit
     * @param firstMismatch a description of the first one, or null
     */
    public record Result(int patterns, int mismatches, String firstMismatch) {
        public boolean ok() { return mismatches == 0; }
    }

    public static Result check(CircuitFamily family, int n, Circuit circuit, Batch batch) {
        if (circuit.numInputs() != family.numInputs(n)) {
            throw new IllegalStateException(family.name() + "(" + n + "): circuit has " + circuit.numInputs()
                    + " inputs, the family declares " + family.numInputs(n));
        }
        long[][] out = Evaluator.evaluate(circuit, batch.planes());
        return compare(family, n, batch, out);
    }

    /** Compares already evaluated output planes with the reference. */
    public static Result compare(CircuitFamily family, int n, Batch batch, long[][] outPlanes) {
        int mismatches = 0;
        String first = null;
        for (int p = 0; p < batch.patterns(); p++) {
            boolean[] x = batch.pattern(p);
            boolean[] want = family.reference(n, x);
            boolean[] got = Batch.column(outPlanes, p);
            if (!Arrays.equals(want, got)) {
                mismatches++;
                if (first == null) first = "input " + bits(x) + ": circuit " + bits(got) + ", reference " + bits(want);
            }
        }
        return new Result(batch.patterns(), mismatches, first);
    }

    private static String bits(boolean[] x) {
        StringBuilder s = new StringBuilder(x.length);
        for (boolean b : x) s.append(b ? '1' : '0');
        return s.toString();
    }
}
