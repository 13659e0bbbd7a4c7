package dev.tc0.report.plot;

import dev.tc0.report.plot.Canvas.Align;
import dev.tc0.report.plot.Panel.Scale;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a chart out on a canvas: title on top, panels side by side, each with a frame, grid,
 * ticks, axis labels, one coloured line with square markers per series, and a legend below.
 */
final class ChartRenderer {
    /** Distinct colours, none of them the black, grey or white of the axes, grid and background. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0xbcbd22), new Color(0x393b79), new Color(0xad494a), new Color(0x637939)
    };

    private static final Color AXIS = Color.BLACK, GRID = new Color(0xdddddd), TEXT = new Color(0x222222);
    private static final double TITLE_H = 34,
            PANEL_TITLE_H = 22,
            LEFT = 64,
            RIGHT = 18,
            AXIS_H = 44,
            LEGEND_ROW = 17,
            LEGEND_COLS = 2;

    private ChartRenderer() {}

    /** The colour of series i within its panel. */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static void render(Chart chart, Canvas c, int width, int height) {
        c.text(width / 2.0, 24, chart.title(), 17, Align.MIDDLE, TEXT, false);
        int panels = chart.panels().size();
        int legendRows = 0;
        for (Panel p : chart.panels())
            legendRows = Math.max(legendRows, (int) Math.ceil(p.series().size() / LEGEND_COLS));
        double legendH = legendRows * LEGEND_ROW + 8;
        double panelW = (double) width / Math.max(1, panels);
        for (int i = 0; i < panels; i++) {
            double x0 = i * panelW;
            double plotX = x0 + LEFT, plotY = TITLE_H + PANEL_TITLE_H;
            double plotW = panelW - LEFT - RIGHT, plotH = height - plotY - AXIS_H - legendH;
            drawPanel(chart.panels().get(i), c, plotX, plotY, plotW, plotH, x0);
        }
    }

    private static void drawPanel(Panel p, Canvas c, double px, double py, double pw, double ph, double x0) {
        c.text(px + pw / 2, py - 7, p.title(), 13, Align.MIDDLE, TEXT, false);
        Axis xa = Axis.of(p.xScale(), p.series(), true), ya = Axis.of(p.yScale(), p.series(), false);
        for (double t : xa.ticks()) {
            double x = px + xa.fraction(t) * pw;
            c.line(x, py, x, py + ph, GRID, 1);
            c.line(x, py + ph, x, py + ph + 4, AXIS, 1);
            c.text(x, py + ph + 16, label(t), 11, Align.MIDDLE, TEXT, false);
        }
        for (double t : ya.ticks()) {
            double y = py + ph - ya.fraction(t) * ph;
            c.line(px, y, px + pw, y, GRID, 1);
            c.line(px - 4, y, px, y, AXIS, 1);
            c.text(px - 6, y + 4, label(t), 11, Align.END, TEXT, false);
        }
        c.frame(px, py, pw, ph, AXIS);
        c.text(
                px + pw / 2,
                py + ph + 34,
                p.xLabel() + (p.xScale() == Scale.LOG ? " (log scale)" : ""),
                12,
                Align.MIDDLE,
                TEXT,
                false);
        c.text(
                x0 + 16,
                py + ph / 2,
                p.yLabel() + (p.yScale() == Scale.LOG ? " (log scale)" : ""),
                12,
                Align.MIDDLE,
                TEXT,
                true);

        double legendY = py + ph + AXIS_H + 4;
        double colW = pw / LEGEND_COLS;
        for (int s = 0; s < p.series().size(); s++) {
            Series series = p.series().get(s);
            Color color = color(s);
            c.beginSeries(series.name());
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < series.x().length; i++) {
                if (xa.shows(series.x()[i]) && ya.shows(series.y()[i])) {
                    pts.add(new double[] {
                        px + xa.fraction(series.x()[i]) * pw, py + ph - ya.fraction(series.y()[i]) * ph
                    });
                }
            }
            c.polyline(
                    pts.stream().mapToDouble(q -> q[0]).toArray(),
                    pts.stream().mapToDouble(q -> q[1]).toArray(),
                    color,
                    2);
            for (double[] q : pts) c.marker(q[0], q[1], 6, color);
            double lx = px + (s % LEGEND_COLS) * colW, ly = legendY + (s / (int) LEGEND_COLS) * LEGEND_ROW;
            c.marker(lx + 6, ly + 6, 10, color);
            c.text(lx + 16, ly + 10, series.name(), 11, Align.START, TEXT, false);
            c.endSeries();
        }
    }

    /** 12, 4096, 1.5e6: integers below 10^5 in full, larger values with one or two digits and an exponent. */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e5) return Long.toString((long) v);
        if (Math.abs(v) < 1e5) return String.format(Locale.ROOT, "%.2g", v);
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        double m = v / Math.pow(10, e);
        String ms = Math.abs(m - Math.rint(m)) < 1e-9
                ? Long.toString(Math.round(m))
                : String.format(Locale.ROOT, "%.1f", m);
        return ms + "e" + e;
    }

    /** An axis range with its ticks, on a linear or log scale. */
    record Axis(Scale scale, double lo, double hi, List<Double> ticks) {
        static Axis of(Scale scale, List<Series> series, boolean x) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (double v : x ? s.x() : s.y()) {
                    if (scale == Scale.LOG && v <= 0) continue;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min > max) {
                min = 1;
                max = 10;
            }
            return scale == Scale.LOG ? log(min, max) : linear(Math.min(0, min), max);
        }

        private static Axis log(double min, double max) {
            double base = max / min <= 1024 ? 2 : 10;
            double lo = Math.pow(base, Math.floor(Math.log(min) / Math.log(base) + 1e-9));
            double hi = Math.pow(base, Math.ceil(Math.log(max) / Math.log(base) - 1e-9));
            if (hi <= lo) hi = lo * base;
            int steps = (int) Math.round(Math.log(hi / lo) / Math.log(base));
            int every = Math.max(1, (int) Math.ceil(steps / 8.0));
            List<Double> ticks = new ArrayList<>();
            for (int k = 0; k <= steps; k += every) ticks.add(lo * Math.pow(base, k));
            return new Axis(Scale.LOG, lo, hi, ticks);
        }

        private static Axis linear(double min, double max) {
            if (max <= min) max = min + 1;
            double raw = (max - min) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw <= mag ? mag : raw <= 2 * mag ? 2 * mag : raw <= 5 * mag ? 5 * mag : 10 * mag;
            double lo = Math.floor(min / step) * step, hi = Math.ceil(max / step) * step;
            List<Double> ticks = new ArrayList<>();
            for (double t = lo; t <= hi + step / 2; t += step) ticks.add(t);
            return new Axis(Scale.LINEAR, lo, hi, ticks);
        }

        boolean shows(double v) {
            return scale == Scale.LINEAR || v > 0;
        }

        /** Where v falls between lo (0) and hi (1). */
        double fraction(double v) {
            return scale == Scale.LOG ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
        }
    }
}
