/**
 * The report generator: {@link dev.tc0.bench.report.Report} turns a JMH JSON result file into a
 * {@code README.md} with tables and PNG/SVG charts, one {@code Section} per
 * benchmark suite, headed by the {@link dev.tc0.bench.report.Machine} it ran on. Its output is what
 * {@code src/docs/results/} holds.
 */
package dev.tc0.bench.report;
