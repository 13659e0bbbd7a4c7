package dev.tc0.compile.study;

/**
 * One circuit of a scaling study (a family or a compiled transformer at one n): its shape, its
 * check against the reference, and its timing. The command's table, CSV and plots and the tests
 * all read this one row.
 *
 * @param regime the family's {@link dev.tc0.compile.family.CircuitFamily.Regime} name, or
 *               {@code TRANSFORMER}
 * @param buildNanos time to build (or compile) the circuit
 * @param checked inputs on which the circuit was compared with the reference (0: not checked)
 * @param exhaustive whether those were all inputs
 * @param mismatch the first disagreement with the reference, or null
 * @param patterns inputs of the timed evaluation (0: not timed)
 * @param evalNanos time of the timed evaluation (0: not timed)
 * @param mode the engine's evaluation mode in lower case, or {@code -} when not timed
 */
public record StudyRow(
        String family,
        String regime,
        int n,
        int inputs,
        int outputs,
        int gates,
        long edges,
        int depth,
        int maxFanIn,
        long buildNanos,
        long checked,
        boolean exhaustive,
        String mismatch,
        long patterns,
        long evalNanos,
        String mode) {

    public boolean ok() {
        return mismatch == null;
    }

    /** Gates times timed patterns per second of evaluation; 0 when not timed. */
    public double gateEvalsPerSecond() {
        return evalNanos == 0 ? 0 : gates * (double) patterns / (evalNanos * 1e-9);
    }

    /** What the check found, as the table shows it: FAILED, "all K", "K random", or "-" when not checked. */
    public String verdict() {
        if (mismatch != null) return "FAILED";
        if (checked == 0) return "-";
        return exhaustive ? "all " + checked : checked + " random";
    }
}
