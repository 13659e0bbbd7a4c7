package dev.tc0.report.plot;

/** A named line of points, drawn in order. */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (x.length != y.length)
            throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
    }
}
