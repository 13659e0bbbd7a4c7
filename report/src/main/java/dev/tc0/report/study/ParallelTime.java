package dev.tc0.report.study;

import java.util.List;
import java.util.Locale;

/**
 * The parallel-time model T(P) = W / (P r) + D s of a circuit with W edges (gate operands) and
 * depth D on P cores: r edge evaluations per second per core, s seconds per level (the barrier and
 * the start of a level), fitted by least squares to measured points.
 *
 * <p>The model is linear in 1/r and s, so the fit is a two-column linear least-squares problem.
 * It minimises the squared <em>relative</em> errors, since measured times span orders of magnitude
 * and a plain fit would serve the slowest points only. Neither coefficient may be negative: when
 * the unconstrained optimum has one below zero the fit keeps the better of the two one-term models
 * (then r is infinite, or s zero).
 *
 * @param secondsPerEdge 1/r
 * @param secondsPerLevel s
 * @param secondsPerEdgeError standard error of 1/r (NaN with two points, or with a term fixed at zero)
 * @param secondsPerLevelError standard error of s (likewise)
 * @param points the points fitted, in the order given
 */
public record ParallelTime(
        double secondsPerEdge,
        double secondsPerLevel,
        double secondsPerEdgeError,
        double secondsPerLevelError,
        List<Point> points) {

    /** One measurement: W edges, depth D, P cores, T seconds. */
    public record Point(double work, double depth, int cores, double seconds) {
        public Point {
            if (!(work >= 0) || Double.isInfinite(work))
                throw new IllegalArgumentException("work must be >= 0, not " + work);
            if (!(depth >= 0) || Double.isInfinite(depth))
                throw new IllegalArgumentException("depth must be >= 0, not " + depth);
            if (cores < 1) throw new IllegalArgumentException("cores must be >= 1, not " + cores);
            if (!(seconds > 0) || Double.isInfinite(seconds))
                throw new IllegalArgumentException("time must be a positive number of seconds, not " + seconds);
        }
    }

    public ParallelTime {
        points = List.copyOf(points);
    }

    /**
     * The fit over the points. Throws {@link IllegalArgumentException} when they cannot separate
     * the two terms: fewer than two points, or every point with the same ratio D / (W/P) (then any
     * split of the time between work and depth fits equally well).
     */
    public static ParallelTime fit(List<Point> points) {
        if (points.size() < 2)
            throw new IllegalArgumentException(
                    "fitting T = W/(P r) + D s needs at least 2 points, got " + points.size());
        // each equation divided by its T: u a + v s = 1, with a = 1/r, u = W/(P T), v = D/T
        double suu = 0, suv = 0, svv = 0, su = 0, sv = 0;
        for (Point p : points) {
            double u = p.work() / p.cores() / p.seconds(), v = p.depth() / p.seconds();
            suu += u * u;
            suv += u * v;
            svv += v * v;
            su += u;
            sv += v;
        }
        double det = suu * svv - suv * suv;
        // Cauchy-Schwarz: det = 0 exactly when all (u, v) are proportional; allow for rounding
        if (!(det > 1e-9 * suu * svv)) {
            throw new IllegalArgumentException("fitting T = W/(P r) + D s needs points with different ratios D / (W/P)"
                    + " (depth to work per core): with one ratio, work and depth cannot be told apart; got "
                    + points.size() + " points" + (suu == 0 ? " with no work" : svv == 0 ? " with no depth" : ""));
        }
        double a = (svv * su - suv * sv) / det, s = (suu * sv - suv * su) / det;
        if (a >= 0 && s >= 0) {
            double sigma2 = points.size() > 2 ? residual(points, a, s) / (points.size() - 2) : Double.NaN;
            return new ParallelTime(a, s, Math.sqrt(sigma2 * svv / det), Math.sqrt(sigma2 * suu / det), points);
        }
        // the optimum under a >= 0, s >= 0 lies on an edge: one term alone
        double aOnly = su / suu, sOnly = sv / svv;
        return residual(points, aOnly, 0) <= residual(points, 0, sOnly)
                ? new ParallelTime(aOnly, 0, Double.NaN, Double.NaN, points)
                : new ParallelTime(0, sOnly, Double.NaN, Double.NaN, points);
    }

    /** Sum of squared relative errors of the model (a, s) over the points. */
    private static double residual(List<Point> points, double a, double s) {
        double sum = 0;
        for (Point p : points) {
            double e = (a * p.work() / p.cores() + s * p.depth()) / p.seconds() - 1;
            sum += e * e;
        }
        return sum;
    }

    /** r: edge evaluations per second per core (infinite when the fit has no work term). */
    public double edgesPerSecond() {
        return 1 / secondsPerEdge;
    }

    /** The standard error of r relative to r (the same as that of 1/r, to first order). */
    public double edgesPerSecondRelativeError() {
        return secondsPerEdgeError / secondsPerEdge;
    }

    /** The standard error of s relative to s. */
    public double secondsPerLevelRelativeError() {
        return secondsPerLevelError / secondsPerLevel;
    }

    /** T(P) in seconds for W edges and depth D on P cores. */
    public double predict(double work, double depth, int cores) {
        return secondsPerEdge * work / cores + secondsPerLevel * depth;
    }

    public double predict(Point p) {
        return predict(p.work(), p.depth(), p.cores());
    }

    /** (model - measured) / measured: positive where the model is slower than the measurement. */
    public double relativeError(Point p) {
        return predict(p) / p.seconds() - 1;
    }

    /** The root mean square of the relative errors over the fitted points. */
    public double rmsRelativeError() {
        return Math.sqrt(residual(points, secondsPerEdge, secondsPerLevel) / points.size());
    }

    /** The largest |relative error| over the fitted points. */
    public double maxRelativeError() {
        return points.stream()
                .mapToDouble(p -> Math.abs(relativeError(p)))
                .max()
                .orElse(0);
    }

    /**
     * P*: the core count from which the depth term dominates, where W / (P r) = D s, that is
     * P* = W / (r D s). Infinite when the fit has no depth term or D = 0; zero without work.
     */
    public double depthDominatesFrom(double work, double depth) {
        return secondsPerEdge * work / (secondsPerLevel * depth);
    }

    /** "r = 1.23e+09 edges/s per core (± 4 %), s = 310 ns per level (± 12 %), rms relative error 8 % over 20 points". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "r = %.3g edges/s per core%s, s = %s per level%s, rms relative error %.0f %% over %d points",
                edgesPerSecond(),
                plusMinus(edgesPerSecondRelativeError()),
                secondsPerLevel < 1e-6
                        ? String.format(Locale.ROOT, "%.3g ns", secondsPerLevel * 1e9)
                        : String.format(Locale.ROOT, "%.3g us", secondsPerLevel * 1e6),
                plusMinus(secondsPerLevelRelativeError()),
                rmsRelativeError() * 100,
                points.size());
    }

    private static String plusMinus(double relative) {
        return Double.isNaN(relative) || Double.isInfinite(relative)
                ? ""
                : String.format(Locale.ROOT, " (± %.0f %%)", relative * 100);
    }
}
