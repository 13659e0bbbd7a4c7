package dev.tc0.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.report.study.ParallelTime.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParallelTimeTest {
    static final double R = 2.5e9, S = 300e-9;

    /** Points of the model with known r and s over a grid of work, depth and cores, each time scaled by (1 + noise). */
    static List<Point> points(double r, double s, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Point> out = new ArrayList<>();
        for (double w : new double[] {500, 1e4, 2e5, 3e6}) {
            for (double d : new double[] {1, 13, 260}) {
                for (int p : new int[] {1, 2, 4}) {
                    double t = w / (p * r) + d * s;
                    out.add(new Point(w, d, p, t * (1 + noise * (2 * rnd.nextDouble() - 1))));
                }
            }
        }
        return out;
    }

    @Test
    void exactPointsGiveBackRAndS() {
        ParallelTime f = ParallelTime.fit(points(R, S, 0, 1));
        assertEquals(R, f.edgesPerSecond(), R * 1e-9);
        assertEquals(S, f.secondsPerLevel(), S * 1e-9);
        assertEquals(0, f.rmsRelativeError(), 1e-9);
        assertEquals(0, f.maxRelativeError(), 1e-9);
        for (Point p : f.points()) assertEquals(p.seconds(), f.predict(p), p.seconds() * 1e-9);
    }

    /** 5 % uniform noise on 36 points: both coefficients within 5 %, and the errors are the noise's size. */
    @Test
    void noisyPointsGiveBackRAndSWithinTolerance() {
        for (long seed = 1; seed <= 5; seed++) {
            ParallelTime f = ParallelTime.fit(points(R, S, 0.05, seed));
            assertEquals(R, f.edgesPerSecond(), R * 0.05, "seed " + seed);
            assertEquals(S, f.secondsPerLevel(), S * 0.05, "seed " + seed);
            assertTrue(f.rmsRelativeError() > 0.005 && f.rmsRelativeError() < 0.05, f.describe());
            assertTrue(f.maxRelativeError() <= 0.11, f.describe()); // noise 5 % plus the fit's own
            // the standard errors are small and cover the truth within a few of themselves
            assertTrue(Math.abs(1 / R - f.secondsPerEdge()) < 4 * f.secondsPerEdgeError(), f.describe());
            assertTrue(Math.abs(S - f.secondsPerLevel()) < 4 * f.secondsPerLevelError(), f.describe());
        }
    }

    /** The relative error of one point is the model against the measurement, computed by hand. */
    @Test
    void relativeErrorIsModelOverMeasuredMinusOne() {
        List<Point> ps =
                List.of(new Point(1000, 1, 1, 1.0e-6), new Point(1000, 100, 1, 2.0e-5), new Point(1e6, 10, 2, 2.0e-4));
        ParallelTime f = ParallelTime.fit(ps);
        double sumSq = 0;
        for (Point p : ps) {
            double model = p.work() / (p.cores() * f.edgesPerSecond()) + p.depth() * f.secondsPerLevel();
            assertEquals(model / p.seconds() - 1, f.relativeError(p), 1e-12);
            sumSq += Math.pow(model / p.seconds() - 1, 2);
        }
        assertEquals(Math.sqrt(sumSq / 3), f.rmsRelativeError(), 1e-12);
    }

    /** The fit is least squares: nudging either coefficient makes the summed squared relative error larger. */
    @Test
    void noNearbyCoefficientsFitBetter() {
        List<Point> ps = points(R, S, 0.2, 9);
        ParallelTime f = ParallelTime.fit(ps);
        double best = f.rmsRelativeError();
        for (double da : new double[] {0.99, 1.01}) {
            for (double ds : new double[] {0.99, 1, 1.01}) {
                ParallelTime g =
                        new ParallelTime(f.secondsPerEdge() * da, f.secondsPerLevel() * ds, Double.NaN, Double.NaN, ps);
                assertTrue(g.rmsRelativeError() > best, da + " " + ds);
            }
        }
    }

    @Test
    void depthDominatesFromTheClosedForm() {
        ParallelTime f = ParallelTime.fit(points(R, S, 0, 2));
        for (double[] wd : new double[][] {{1e6, 10}, {5000, 260}, {3e6, 1}}) {
            double w = wd[0], d = wd[1];
            double pStar = f.depthDominatesFrom(w, d);
            assertEquals(w / (R * d * S), pStar, pStar * 1e-9);
            // at P* the two terms are equal
            assertEquals(w / (pStar * f.edgesPerSecond()), d * f.secondsPerLevel(), d * S * 1e-9);
        }
    }

    /** Times with no depth cost at all: s comes out zero, not negative, and P* is infinite. */
    @Test
    void coefficientsAreNeverNegative() {
        List<Point> ps = new ArrayList<>();
        for (double d : new double[] {1, 10, 100}) {
            // the time falls slightly with depth: an unconstrained fit would make s negative
            ps.add(new Point(1e6, d, 1, 1e6 / R * (1 - d * 1e-4)));
        }
        ParallelTime f = ParallelTime.fit(ps);
        assertEquals(0, f.secondsPerLevel());
        assertTrue(f.edgesPerSecond() > 0);
        assertEquals(Double.POSITIVE_INFINITY, f.depthDominatesFrom(1e6, 10));
        assertFalse(f.describe().contains("±"), f.describe());
    }

    @Test
    void describesTheFitWithUnits() {
        assertEquals(
                "r = 2.50e+09 edges/s per core (± 0 %), s = 300 ns per level (± 0 %), rms relative error 0 % over 36 points",
                ParallelTime.fit(points(R, S, 0, 1)).describe());
        assertTrue(ParallelTime.fit(points(R, 1.5e-6, 0, 1)).describe().contains(", s = 1.50 us per level"));
    }

    @Test
    void degenerateInputIsAClearError() {
        assertEquals(
                "fitting T = W/(P r) + D s needs at least 2 points, got 1",
                assertThrows(IllegalArgumentException.class, () -> ParallelTime.fit(List.of(new Point(10, 1, 1, 1e-6))))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParallelTime.fit(List.of()));
        // every point with D / (W/P) = 1/100, at different sizes and core counts
        List<Point> sameRatio =
                List.of(new Point(100, 1, 1, 1e-6), new Point(2000, 10, 2, 5e-6), new Point(40000, 100, 4, 7e-5));
        String m = assertThrows(IllegalArgumentException.class, () -> ParallelTime.fit(sameRatio))
                .getMessage();
        assertTrue(m.contains("different ratios D / (W/P)"), m);
        assertTrue(m.contains("got 3 points"), m);
        String noDepth = assertThrows(
                        IllegalArgumentException.class,
                        () -> ParallelTime.fit(List.of(new Point(100, 0, 1, 1e-6), new Point(200, 0, 1, 3e-6))))
                .getMessage();
        assertTrue(noDepth.endsWith("with no depth"), noDepth);
        assertEquals(
                "cores must be >= 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> new Point(1, 1, 0, 1))
                        .getMessage());
        assertEquals(
                "time must be a positive number of seconds, not NaN",
                assertThrows(IllegalArgumentException.class, () -> new Point(1, 1, 1, Double.NaN))
                        .getMessage());
    }
}
