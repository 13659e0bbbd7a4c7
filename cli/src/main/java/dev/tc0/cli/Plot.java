package dev.tc0.cli;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small line charts, side by side in one figure, written as SVG (by hand) or PNG (Java2D,
 * headless), chosen by the file's extension. The x axis is log2 (input length n); the y axis is
 * log10 when all values are positive. Files are written under a temporary name and renamed.
 */
final class Plot {
    record Series(String name, double[] x, double[] y) {}

    record Panel(String title, String xLabel, List<Series> series) {}

    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    static final int PW = 360, PH = 280, ML = 62, MR = 14, MT = 34, MB = 46, LEGEND = 22;

    static {
        System.setProperty("java.awt.headless", "true");   // PNG output on machines without a display
    }

    private Plot() {}

    static void write(Path file, String title, List<Panel> panels) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) throw new UserException(file + ": plots are written as .svg or .png");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserException(file + ": directory " + dir + " does not exist");
        List<String> names = new ArrayList<>();
        for (Panel p : panels) for (Series s : p.series()) if (!names.contains(s.name())) names.add(s.name());
        int w = PW * Math.max(1, panels.size()), h = PH + 30 + LEGEND * ((names.size() + 3) / 4);
        Canvas c = png ? new PngCanvas(w, h) : new SvgCanvas(w, h);
        c.text(w / 2.0, 20, title, 15, "middle", "#000000");
        for (int i = 0; i < panels.size(); i++) drawPanel(c, panels.get(i), i * PW, 30, names);
        for (int i = 0; i < names.size(); i++) {
            double lx = 20 + (i % 4) * (w - 40) / 4.0, ly = PH + 30 + 14 + LEGEND * (i / 4);
            String col = COLORS[i % COLORS.length];
            c.line(lx, ly - 4, lx + 22, ly - 4, col, 2.5);
            c.text(lx + 28, ly, names.get(i), 12, "start", "#000000");
        }
        Path tmp = OutputFiles.temp(file);
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                c.save(os);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void drawPanel(Canvas c, Panel p, double ox, double oy, List<String> names) {
        double x0 = ox + ML, x1 = ox + PW - MR, y0 = oy + PH - MB, y1 = oy + MT;
        c.text((x0 + x1) / 2, oy + 18, p.title(), 13, "middle", "#000000");
        c.rect(x0, y1, x1 - x0, y0 - y1, "#888888");
        double xmin = Double.MAX_VALUE, xmax = -Double.MAX_VALUE, ymin = Double.MAX_VALUE, ymax = -Double.MAX_VALUE;
        boolean positive = true;
        for (Series s : p.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) continue;
                xmin = Math.min(xmin, s.x()[i]); xmax = Math.max(xmax, s.x()[i]);
                ymin = Math.min(ymin, s.y()[i]); ymax = Math.max(ymax, s.y()[i]);
                if (s.y()[i] <= 0) positive = false;
            }
        }
        if (xmin > xmax) return;
        boolean logX = xmin > 0, logY = positive && ymax / ymin > 20;
        double lx0 = fx(xmin, logX), lx1 = fx(xmax, logX);
        if (lx1 - lx0 < 1e-9) { lx0 -= 1; lx1 += 1; }
        double ly0 = fy(ymin, logY), ly1 = fy(ymax, logY);
        if (!logY) { ly0 = Math.min(0, ly0); }
        if (ly1 - ly0 < 1e-9) { ly1 = ly0 + 1; }
        double pad = (ly1 - ly0) * 0.06;
        ly1 += pad;
        if (logY) ly0 -= pad;
        final double ax0 = lx0, ax1 = lx1, ay0 = ly0, ay1 = ly1;
        java.util.function.DoubleUnaryOperator sx = v -> x0 + (fx(v, logX) - ax0) / (ax1 - ax0) * (x1 - x0);
        java.util.function.DoubleUnaryOperator sy = v -> y0 - (fy(v, logY) - ay0) / (ay1 - ay0) * (y0 - y1);
        // x ticks: the data's x values
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (Series s : p.series()) for (double v : s.x()) xs.add(v);
        for (double v : xs) {
            double px = sx.applyAsDouble(v);
            c.line(px, y0, px, y0 + 4, "#444444", 1);
            c.text(px, y0 + 16, fmt(v), 10, "middle", "#333333");
        }
        c.text((x0 + x1) / 2, y0 + 34, p.xLabel(), 11, "middle", "#333333");
        // y ticks: powers of ten on a log axis, otherwise five even steps
        if (logY) {
            for (int e = (int) Math.ceil(ly0); e <= Math.floor(ly1); e++) {
                double py = y0 - (e - ly0) / (ly1 - ly0) * (y0 - y1);
                c.line(x0 - 4, py, x1, py, "#e4e4e4", 1);
                c.text(x0 - 6, py + 4, "1e" + e, 10, "end", "#333333");
            }
        } else {
            double step = niceStep((ly1 - ly0) / 5);
            for (double v = Math.ceil(ly0 / step) * step; v <= ly1 + 1e-9; v += step) {
                double py = y0 - (v - ly0) / (ly1 - ly0) * (y0 - y1);
                c.line(x0 - 4, py, x1, py, "#e4e4e4", 1);
                c.text(x0 - 6, py + 4, fmt(v), 10, "end", "#333333");
            }
        }
        for (Series s : p.series()) {
            String col = COLORS[names.indexOf(s.name()) % COLORS.length];
            double px = Double.NaN, py = Double.NaN;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) continue;
                double qx = sx.applyAsDouble(s.x()[i]), qy = sy.applyAsDouble(s.y()[i]);
                if (!Double.isNaN(px)) c.line(px, py, qx, qy, col, 2);
                c.dot(qx, qy, 3, col);
                px = qx; py = qy;
            }
        }
    }

    private static double fx(double v, boolean log) { return log ? Math.log(v) / Math.log(2) : v; }

    private static double fy(double v, boolean log) { return log ? Math.log10(v) : v; }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-2) return String.format(Locale.ROOT, "%.1e", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    interface Canvas {
        void line(double x1, double y1, double x2, double y2, String color, double width);

        void rect(double x, double y, double w, double h, String stroke);

        void dot(double x, double y, double r, String color);

        void text(double x, double y, String s, int size, String anchor, String color);

        void save(OutputStream os) throws IOException;
    }

    static final class SvgCanvas implements Canvas {
        private final StringBuilder b = new StringBuilder();

        SvgCanvas(int w, int h) {
            b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                    .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                    .append("\" font-family=\"sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        }

        @Override public void line(double x1, double y1, double x2, double y2, String color, double width) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                    x1, y1, x2, y2, color, width));
        }

        @Override public void rect(double x, double y, double w, double h, String stroke) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\"/>%n",
                    x, y, w, h, stroke));
        }

        @Override public void dot(double x, double y, double r, String color) {
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", x, y, r, color));
        }

        @Override public void text(double x, double y, String s, int size, String anchor, String color) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                    x, y, size, anchor, color, s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
        }

        @Override public void save(OutputStream os) throws IOException {
            os.write(b.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    static final class PngCanvas implements Canvas {
        private final BufferedImage img;
        private final Graphics2D g;

        PngCanvas(int w, int h) {
            img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
        }

        @Override public void line(double x1, double y1, double x2, double y2, String color, double width) {
            g.setColor(Color.decode(color));
            g.setStroke(new BasicStroke((float) width));
            g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
        }

        @Override public void rect(double x, double y, double w, double h, String stroke) {
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }

        @Override public void dot(double x, double y, double r, String color) {
            g.setColor(Color.decode(color));
            g.fill(new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        @Override public void text(double x, double y, String s, int size, String anchor, String color) {
            g.setColor(Color.decode(color));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            int w = g.getFontMetrics().stringWidth(s);
            double dx = anchor.equals("middle") ? -w / 2.0 : anchor.equals("end") ? -w : 0;
            g.drawString(s, (float) (x + dx), (float) y);
        }

        @Override public void save(OutputStream os) throws IOException {
            g.dispose();
            ImageIO.write(img, "png", os);
        }
    }
}
