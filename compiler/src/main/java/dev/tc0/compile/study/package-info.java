/**
 * The scaling study: for a family and a ladder of n, build each circuit, check it against the
 * family's reference on random inputs ({@link dev.tc0.compile.study.ReferenceCheck}), and record
 * depth, size, edges, fan-in, build time and evaluation speed
 * ({@link dev.tc0.compile.study.ScalingStudy}); write the rows as CSV
 * ({@link dev.tc0.compile.study.StudyCsv}) and as depth and size plots
 * ({@link dev.tc0.compile.study.StudyPlots}).
 */
package dev.tc0.compile.study;
