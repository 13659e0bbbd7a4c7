package dev.tc0.report.study;

import dev.tc0.compile.study.StudyRow;
import dev.tc0.report.plot.Chart;
import dev.tc0.report.plot.ChartFiles;
import dev.tc0.report.plot.Panel;
import dev.tc0.report.plot.Panel.Scale;
import dev.tc0.report.plot.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A study's rows against n, one series per family in first-seen order: depth (n on a log scale,
 * depth linear, so a log n depth is a straight line and a linear one curves up), size (log-log, so
 * polynomials are straight lines of slope their degree; each series is named with its fitted
 * exponent, {@link PowerLaw}) and, when any row was timed, evaluation speed. The exponents of edges
 * and build time are in {@link StudyTable#fits}.
 */
public final class StudyPlots {
    private StudyPlots() {}

    public static Chart chart(String title, List<StudyRow> rows) {
        List<String> fams = rows.stream().map(StudyRow::family).distinct().toList();
        List<Series> gates = new ArrayList<>(), depth = new ArrayList<>(), speed = new ArrayList<>();
        for (String f : fams) {
            List<StudyRow> rs = rows.stream().filter(r -> r.family().equals(f)).toList();
            double[] x = rs.stream().mapToDouble(StudyRow::n).toArray();
            gates.add(new Series(
                    withExponent(f, PowerLaw.fit(rs, StudyRow::gates)),
                    x,
                    rs.stream().mapToDouble(StudyRow::gates).toArray()));
            depth.add(new Series(f, x, rs.stream().mapToDouble(StudyRow::depth).toArray()));
            List<StudyRow> timed = rs.stream().filter(r -> r.evalNanos() > 0).toList();
            speed.add(new Series(
                    f,
                    timed.stream().mapToDouble(StudyRow::n).toArray(),
                    timed.stream().mapToDouble(StudyRow::gateEvalsPerSecond).toArray()));
        }
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("depth", "n", "depth", Scale.LOG, Scale.LINEAR, depth));
        panels.add(new Panel("size", "n", "gates", Scale.LOG, Scale.LOG, gates));
        if (rows.stream().anyMatch(r -> r.evalNanos() > 0)) {
            panels.add(new Panel("evaluation speed", "n", "gate-evals/s", Scale.LOG, Scale.LOG, speed));
        }
        return new Chart(title, panels);
    }

    /** "dyck1 (n^1.93)": a family's name with the fitted exponent of the panel's quantity. */
    static String withExponent(String family, PowerLaw fit) {
        return fit == null ? family : family + " (" + fit.describe() + ")";
    }

    /** Whether a file name says PNG or SVG, the two formats {@link #write} knows. */
    public static boolean plotName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") || name.endsWith(".png");
    }

    /** Writes the chart as PNG when the file name ends in .png, otherwise as SVG. */
    public static void write(String title, List<StudyRow> rows, Path file) throws IOException {
        Chart chart = chart(title, rows);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) ChartFiles.writePng(chart, file);
        else ChartFiles.writeSvg(chart, file);
    }
}
