package dev.tc0.report.study;

import dev.tc0.compile.study.StudyRow;
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
}
