package dev.tc0.compile.transformer;

import java.util.List;

/** Plain double-precision arithmetic, the baseline that p-precision drifts from. */
public final class DoubleArithmetic implements Arithmetic<Double> {
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

    private DoubleArithmetic() {}

    @Override
    public Double constant(double w) {
        return w;
    }

    @Override
    public Double zero() {
        return 0.0;
    }

    @Override
    public Double one() {
        return 1.0;
    }

    @Override
    public Double sum(List<Double> terms) {
        double s = 0;
        for (double t : terms) s += t;
        return s;
    }

    @Override
    public Double multiply(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double divide(Double a, Double b) {
        return b == 0 ? (a == 0 ? 0.0 : Math.copySign(Double.MAX_VALUE, a)) : a / b;
    }

    @Override
    public Double divide(Double a, int d) {
        return a / d;
    }

    @Override
    public Double relu(Double x) {
        return Math.max(0.0, x);
    }

    @Override
    public Double negate(Double x) {
        return -x;
    }

    @Override
    public int compare(Double a, Double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    } // -0.0 == 0.0

    @Override
    public boolean isZero(Double x) {
        return x == 0;
    }

    @Override
    public Double exp(Double x, double scale) {
        return Math.exp(x * scale);
    }

    @Override
    public Double inverseNorm(Double v, int d, double eps) {
        double r = v / d + eps;
        return r == 0 ? Double.MAX_VALUE : 1 / Math.sqrt(r);
    }

    @Override
    public double toDouble(Double x) {
        return x;
    }
}
