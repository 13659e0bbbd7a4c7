package dev.tc0.compile.study;

import dev.tc0.compile.family.CircuitFamily.Regime;
import dev.tc0.compile.study.plot.Chart;
import dev.tc0.compile.study.plot.ChartFiles;
import dev.tc0.compile.study.plot.Panel;
import dev.tc0.compile.study.plot.Panel.Scale;
import dev.tc0.compile.study.plot.Series;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Depth and size against n, constant-depth TC0 families in the left panel and sequential and
 * beyond-TC0 families in the right one, so the flat lines and the growing ones sit side by side.
 * n is on a log scale; depth is linear (a log n depth is then a straight line, a linear one
 * curves up); size is log-log (polynomials are straight lines of slope their degree).
 */
public final class StudyPlots {
    private StudyPlots() {}

    public static Chart depthChart(List<StudyRow> rows) {
        return chart("Circuit depth against n", "depth", Scale.LINEAR, rows, StudyRow::depth);
    }

    public static Chart sizeChart(List<StudyRow> rows) {
        return chart("Circuit size against n", "gates", Scale.LOG, rows, StudyRow::gates);
    }

    /** Writes depth.png, depth.svg, size.png and size.svg into the directory; returns their paths. */
    public static List<Path> write(List<StudyRow> rows, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        writeBoth(depthChart(rows), dir, "depth", files);
        writeBoth(sizeChart(rows), dir, "size", files);
        return files;
    }

    private static void writeBoth(Chart chart, Path dir, String name, List<Path> files) throws IOException {
        Path png = dir.resolve(name + ".png"), svg = dir.resolve(name + ".svg");
        ChartFiles.writePng(chart, png);
        ChartFiles.writeSvg(chart, svg);
        files.add(png);
        files.add(svg);
    }

    private static Chart chart(String title, String yLabel, Scale yScale, List<StudyRow> rows, ToDoubleFunction<StudyRow> y) {
        List<Series> tc0 = new ArrayList<>(), other = new ArrayList<>();
        for (var e : byFamily(rows).entrySet()) {
            List<StudyRow> rs = e.getValue();
            Series s = new Series(e.getKey(), rs.stream().mapToDouble(StudyRow::n).toArray(), rs.stream().mapToDouble(y).toArray());
            (rs.getFirst().regime().equals(Regime.TC0.name()) ? tc0 : other).add(s);
        }
        return new Chart(title, List.of(
                new Panel("constant-depth TC0", "n", yLabel, Scale.LOG, yScale, tc0),
                new Panel("sequential and beyond TC0", "n", yLabel, Scale.LOG, yScale, other)));
    }

    /** Rows grouped by family in first-seen order, each group sorted by n. */
    private static Map<String, List<StudyRow>> byFamily(List<StudyRow> rows) {
        Map<String, List<StudyRow>> m = new LinkedHashMap<>();
        for (StudyRow r : rows) m.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r);
        for (List<StudyRow> rs : m.values()) rs.sort(java.util.Comparator.comparingInt(StudyRow::n));
        return m;
    }
}
