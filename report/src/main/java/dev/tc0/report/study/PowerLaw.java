package dev.tc0.report.study;

import dev.tc0.compile.study.StudyRow;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A least-squares line through (ln n, ln y): y ≈ c · n^k, the exponent k that a log-log plot shows
 * as a slope, with the R² of the fit on the logs. The fit uses the rows from n = 8 on when there
 * are at least two of them, since the smallest n carry constant terms that bend the curve.
 */
public record PowerLaw(double exponent, double coefficient, double r2, int points) {
    /** Rows below this n are left out of a fit when enough rows remain. */
    static final int FIT_FROM = 8;

    /** The fit of y against x over the points with x &gt; 0 and y &gt; 0; null with fewer than two distinct x. */
    public static PowerLaw fit(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " x values, " + y.length + " y values");
        int m = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0) {
                sx += Math.log(x[i]);
                sy += Math.log(y[i]);
                m++;
            }
        }
        if (m < 2) return null;
        double mx = sx / m, my = sy / m, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0) {
                double dx = Math.log(x[i]) - mx, dy = Math.log(y[i]) - my;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
        }
        if (sxx == 0) return null;
        double k = sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new PowerLaw(k, Math.exp(my - k * mx), r2, m);
    }

    /** The fit of one column of a family's rows against n (from n = 8 on when two such rows exist). */
    public static PowerLaw fit(List<StudyRow> rows, ToDoubleFunction<StudyRow> y) {
        List<StudyRow> from = rows.stream().filter(r -> r.n() >= FIT_FROM).toList();
        List<StudyRow> use = from.size() >= 2 ? from : rows;
        return fit(
                use.stream().mapToDouble(StudyRow::n).toArray(),
                use.stream().mapToDouble(y).toArray());
    }

    /** "n^2.07". */
    public String describe() {
        return String.format(Locale.ROOT, "n^%.2f", exponent);
    }
}
