package dev.tc0.cli;

import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.study.ScalingStudy;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.report.study.StudyCsv;
import dev.tc0.report.study.StudyPlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line's side of the scaling study ({@link ScalingStudy}, reported through
 * {@code dev.tc0.report.study}) for {@code scale} and {@code demo}: one-line errors for a family's
 * bad n and for output files that cannot be written.
 */
final class Study {
    private Study() {}

    /** Family f at n through the study; null past {@code maxEdges}. A family that rejects n is the user's error. */
    static StudyRow measure(CircuitFamily f, int n, ScalingStudy.Options options) {
        String why = FamilyCatalog.checkN(f, n);
        if (why != null) throw new UserException(why);
        try {
            return ScalingStudy.measure(f, n, options);
        } catch (IllegalArgumentException e) {
            throw new UserException(f.name() + " at n=" + n + ": " + e.getMessage(), e);
        }
    }

    static void writeCsv(Path file, List<StudyRow> rows) throws IOException {
        checkDir(file);
        StudyCsv.write(rows, file);
    }

    /** Depth, size and (when measured) throughput against n, one series per family; SVG or PNG by name. */
    static void plot(Path file, String title, List<StudyRow> rows) throws IOException {
        checkPlotName(file);
        checkDir(file);
        StudyPlots.write(title, rows, file);
    }

    static void checkPlotName(Path file) {
        if (!StudyPlots.plotName(file)) throw new UserException(file + ": plots are written as .svg or .png");
    }

    private static void checkDir(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new UserException(file + ": directory " + dir + " does not exist");
    }
}
