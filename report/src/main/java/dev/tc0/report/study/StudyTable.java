package dev.tc0.report.study;

import dev.tc0.compile.study.StudyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A study's rows as a fixed-width text table, one line per row, printed as the rows come. */
public final class StudyTable {
    public static final String HEADER = String.format(
            Locale.ROOT,
            "%-10s %6s %7s %10s %11s %5s %7s %9s %-14s %16s",
            "family",
            "n",
            "outputs",
            "gates",
            "edges",
            "depth",
            "fan-in",
            "build",
            "checked",
            "gate-evals/s");

    private StudyTable() {}

    public static String line(StudyRow r) {
        return String.format(
                Locale.ROOT,
                "%-10s %6d %7d %10d %11d %5d %7d %7.1fms %-14s %16s",
                r.family(),
                r.n(),
                r.outputs(),
                r.gates(),
                r.edges(),
                r.depth(),
                r.maxFanIn(),
                r.buildNanos() * 1e-6,
                r.verdict(),
                r.evalNanos() == 0 ? "-" : String.format(Locale.ROOT, "%.2e", r.gateEvalsPerSecond()));
    }

    /**
     * One line per family with at least two sizes: the fitted exponents of gates, edges and build
     * time against n ({@link PowerLaw}), and the depth's range, which stays one number when the
     * family has constant depth.
     */
    public static List<String> fits(List<StudyRow> rows) {
        List<String> lines = new ArrayList<>();
        for (String f : rows.stream().map(StudyRow::family).distinct().toList()) {
            List<StudyRow> rs = rows.stream().filter(r -> r.family().equals(f)).toList();
            PowerLaw gates = PowerLaw.fit(rs, StudyRow::gates);
            if (gates == null) continue;
            PowerLaw edges = PowerLaw.fit(rs, r -> (double) r.edges());
            PowerLaw build = PowerLaw.fit(rs, r -> (double) r.buildNanos());
            int lo = rs.stream().mapToInt(StudyRow::depth).min().orElse(0);
            int hi = rs.stream().mapToInt(StudyRow::depth).max().orElse(0);
            lines.add(String.format(
                    Locale.ROOT,
                    "fit %-10s gates ~ %s (R^2 %.3f), edges ~ %s, build time ~ %s, depth %s, over %d sizes",
                    f,
                    gates.describe(),
                    gates.r2(),
                    edges == null ? "-" : edges.describe(),
                    build == null ? "-" : build.describe(),
                    lo == hi ? Integer.toString(lo) : lo + ".." + hi,
                    gates.points()));
        }
        return lines;
    }
}
