package dev.tc0.report.plot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a chart as PNG (Java2D, headless) or SVG. Each file goes to a temporary name first and is
 * renamed into place.
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
        Path tmp = temporary(file);
        Files.writeString(tmp, svg(chart, WIDTH, HEIGHT), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void writePng(Chart chart, Path file) throws IOException {
        Path tmp = temporary(file);
        if (!ImageIO.write(image(chart, WIDTH, HEIGHT), "png", tmp.toFile())) throw new IOException("no PNG writer available");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The colour the renderer gives series {@code index} of a panel, as 0xRRGGBB. */
    public static int seriesColor(int index) {
        return ChartRenderer.color(index).getRGB() & 0xFFFFFF;
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }
}
