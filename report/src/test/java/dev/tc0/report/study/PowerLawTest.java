package dev.tc0.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tc0.compile.study.StudyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerLawTest {
    @Test
    void exactPowerLawsComeBackExactly() {
        for (double k : new double[] {0, 0.5, 1, 2.07, 3}) {
            double[] x = {8, 16, 32, 64, 128}, y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = 3.5 * Math.pow(x[i], k);
            PowerLaw f = PowerLaw.fit(x, y);
            assertEquals(k, f.exponent(), 1e-12);
            assertEquals(3.5, f.coefficient(), 1e-9);
            assertEquals(1.0, f.r2(), 1e-12);
        }
    }

    /** Two points: the slope between them, as one would compute it by hand. */
    @Test
    void twoPointsGiveTheirSlope() {
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 100; t++) {
            double x0 = 1 + r.nextInt(100), x1 = x0 + 1 + r.nextInt(1000);
            double y0 = 1 + r.nextDouble() * 1e6, y1 = 1 + r.nextDouble() * 1e6;
            assertEquals(
                    Math.log(y1 / y0) / Math.log(x1 / x0),
                    PowerLaw.fit(new double[] {x0, x1}, new double[] {y0, y1}).exponent(),
                    1e-9);
        }
    }

    @Test
    void tooFewPointsOrOneNGiveNoFit() {
        assertNull(PowerLaw.fit(new double[] {8}, new double[] {5}));
        assertNull(PowerLaw.fit(new double[] {8, 8}, new double[] {5, 6}));
        assertNull(PowerLaw.fit(new double[] {8, 16}, new double[] {0, 6})); // a zero has no logarithm
    }

    /** Rows below n = 8 are left out once two rows from 8 on exist; the table prints one line per family. */
    @Test
    void familyFitsStartAtEight() {
        List<StudyRow> rows = new ArrayList<>();
        int[] ns = {1, 2, 4, 8, 16, 32};
        for (int n : ns) {
            int gates = n < 8 ? 1000 : n * n; // the small n would bend the fit
            rows.add(new StudyRow("f", "TC0", n, n, 1, gates, 3L * gates, 7, 2, 1000L * n, 0, false, null, 0, 0, "-"));
        }
        assertEquals(2.0, PowerLaw.fit(rows, StudyRow::gates).exponent(), 1e-12);
        List<String> lines = StudyTable.fits(rows);
        assertEquals(1, lines.size());
        assertEquals(
                "fit f          gates ~ n^2.00 (R^2 1.000), edges ~ n^2.00, build time ~ n^1.00, depth 7, over 3 sizes",
                lines.getFirst());
    }
}
