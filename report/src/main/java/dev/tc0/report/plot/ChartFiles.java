package dev.tc0.report.plot;

import dev.tc0.io.AtomicOutput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a chart as PNG (Java2D, headless) or SVG, each file one {@link AtomicOutput} (complete or
 * not at all).
 */
public final class ChartFiles {
    public static final int WIDTH = 1200, HEIGHT = 640;

    private ChartFiles() {}

    static {
        // No display here or in CI; Java2D must not look for one.
        System.setProperty("java.awt.headless", "true");
    }

    public static String svg(Chart chart, int width, int height) {
        SvgCanvas c = new SvgCanvas(width, height);
        ChartRenderer.render(chart, c, width, height);
        return c.document();
    }

    public static BufferedImage image(Chart chart, int width, int height) {
        ImageCanvas c = new ImageCanvas(width, height);
        ChartRenderer.render(chart, c, width, height);
        return c.image();
    }

    public static void writeSvg(Chart chart, Path file) throws IOException {
        AtomicOutput.writeString(file, svg(chart, WIDTH, HEIGHT));
    }

    public static void writePng(Chart chart, Path file) throws IOException {
        BufferedImage image = image(chart, WIDTH, HEIGHT);
        AtomicOutput.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException(file + ": no PNG writer available");
        });
    }

    /** The colour the renderer gives series {@code index} of a panel, as 0xRRGGBB. */
    public static int seriesColor(int index) {
        return ChartRenderer.color(index).getRGB() & 0xFFFFFF;
    }
}
