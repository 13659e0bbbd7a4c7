package dev.tc0.bench.report;

import dev.tc0.report.plot.Chart;
import dev.tc0.report.plot.ChartFiles;
import dev.tc0.report.plot.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a chart as PNG and SVG with the study's plotting code, and builds series from (x, y) points. */
final class Charts {
    private Charts() {}

    /** Writes NAME.png and NAME.svg; returns the markdown that shows the PNG and links the SVG. */
    static String write(Chart chart, Path dir, String name) throws IOException {
        ChartFiles.writePng(chart, dir.resolve(name + ".png"));
        ChartFiles.writeSvg(chart, dir.resolve(name + ".svg"));
        return "![" + chart.title() + "](" + name + ".png) ([SVG](" + name + ".svg))\n";
    }

    /** Collects points per series name, sorted by x. */
    static final class Lines {
        private final Map<String, TreeMap<Double, Double>> points = new java.util.LinkedHashMap<>();

        void add(String series, double x, double y) {
            if (!Double.isNaN(y))
                points.computeIfAbsent(series, k -> new TreeMap<>()).put(x, y);
        }

        List<Series> series() {
            List<Series> out = new ArrayList<>();
            points.forEach((name, p) -> out.add(new Series(
                    name,
                    p.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    p.values().stream().mapToDouble(Double::doubleValue).toArray())));
            return out;
        }
    }
}
