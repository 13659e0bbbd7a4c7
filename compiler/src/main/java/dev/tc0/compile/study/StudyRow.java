package dev.tc0.compile.study;

/**
 * One family at one n: the circuit's shape, its check against the reference, and its timing.
 *
 * @param regime the family's {@link dev.tc0.compile.family.CircuitFamily.Regime} name
 * @param buildMillis time to build the circuit
 * @param patterns random patterns evaluated and checked
 * @param mismatches patterns on which circuit and reference differ (must be 0)
 * @param batchMicros median time of one {@link dev.tc0.eval.Evaluator#evaluate} over the batch
 * @param gateEvalsPerSecond gates times patterns divided by {@code batchMicros}
 * @param firstMismatch the first differing pattern, or empty
 */
public record StudyRow(String family, String regime, int n, int inputs, int outputs, int depth, int gates,
                       long edges, int maxFanIn, double buildMillis, int patterns, int mismatches,
                       double batchMicros, double gateEvalsPerSecond, String firstMismatch) {
}
