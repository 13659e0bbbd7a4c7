/**
 * The scaling study's reports: its rows ({@link dev.tc0.compile.study.StudyRow}) as a text table
 * ({@link dev.tc0.report.study.StudyTable}), as CSV that reads back
 * ({@link dev.tc0.report.study.StudyCsv}), and as depth, size and speed plots
 * ({@link dev.tc0.report.study.StudyPlots}).
 */
package dev.tc0.report.study;
