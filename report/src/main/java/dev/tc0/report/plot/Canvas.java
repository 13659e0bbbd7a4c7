package dev.tc0.report.plot;

import java.awt.Color;

/**
 * What the renderer draws on, in pixels with y growing downwards. Two implementations, SVG text
 * and a raster image, so the layout is written once.
 */
interface Canvas {
    enum Align {
        START,
        MIDDLE,
        END
    }

    void line(double x1, double y1, double x2, double y2, Color color, double width);

    void polyline(double[] xs, double[] ys, Color color, double width);

    /** A filled square marker centred on a point. */
    void marker(double cx, double cy, double size, Color color);

    void frame(double x, double y, double w, double h, Color color);

    /** Text with its baseline at y; vertical text reads bottom to top. */
    void text(double x, double y, String s, double size, Align align, Color color, boolean vertical);

    /** Groups what follows as one data series (SVG: a {@code <g>} naming it). */
    void beginSeries(String name);

    void endSeries();
}
