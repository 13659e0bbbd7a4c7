/**
 * The scaling study: for a family (or a compiled transformer) and a ladder of n, build each
 * circuit, check it against the reference ({@link dev.tc0.compile.study.ReferenceCheck}), time the
 * engine on a batch, and record depth, size, edges, fan-in, build time and evaluation speed as a
 * {@link dev.tc0.compile.study.StudyRow} ({@link dev.tc0.compile.study.ScalingStudy}). The
 * {@code tc0 scale} and {@code tc0 demo} commands and the tests measure through this one pipeline;
 * tables, CSV and plots of the rows are in the {@code report} module, which the compiler does not
 * depend on.
 */
package dev.tc0.compile.study;
