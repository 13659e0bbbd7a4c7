/**
 * Line charts without a chart library: a {@link dev.tc0.report.plot.Chart} of panels and
 * series, laid out once and drawn either as SVG text or as a PNG through headless Java2D
 * ({@link dev.tc0.report.plot.ChartFiles}).
 */
package dev.tc0.report.plot;
