package dev.tc0.report.plot;

import java.awt.Color;
import java.util.Locale;

/** SVG 1.1 written by hand; each series is a {@code <g class="series" data-series="name">}. */
final class SvgCanvas implements Canvas {
    private final StringBuilder body = new StringBuilder();
    private final int width, height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double w) {
        body.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1,
                y1,
                x2,
                y2,
                hex(color),
                w));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, double w) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++)
            pts.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], ys[i]));
        body.append(String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                pts,
                hex(color),
                w));
    }

    @Override
    public void marker(double cx, double cy, double size, Color color) {
        body.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                cx - size / 2,
                cy - size / 2,
                size,
                size,
                hex(color)));
    }

    @Override
    public void frame(double x, double y, double w, double h, Color color) {
        body.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\"/>%n",
                x,
                y,
                w,
                h,
                hex(color)));
    }

    @Override
    public void text(double x, double y, String s, double size, Align align, Color color, boolean vertical) {
        String anchor = switch (align) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        String rotate = vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "";
        body.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"%.0f\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>%n",
                x,
                y,
                size,
                anchor,
                hex(color),
                rotate,
                escape(s)));
    }

    @Override
    public void beginSeries(String name) {
        body.append("<g class=\"series\" data-series=\"")
                .append(escape(name))
                .append("\"><title>")
                .append(escape(name))
                .append("</title>\n");
    }

    @Override
    public void endSeries() {
        body.append("</g>\n");
    }

    String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                + body + "</svg>\n";
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
