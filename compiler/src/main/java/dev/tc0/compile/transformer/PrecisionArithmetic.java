package dev.tc0.compile.transformer;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.number.RealFunctions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's p-precision arithmetic as an {@link Arithmetic}. exp and the layer-norm factor are
 * memoised per argument: they are lookup tables over p bits, which is also how a compiler builds them.
 */
public final class PrecisionArithmetic implements Arithmetic<PFloat> {
    private final Precision precision;
    private final Map<Double, Map<PFloat, PFloat>> expTables = new HashMap<>();
    private final Map<String, Map<PFloat, PFloat>> normTables = new HashMap<>();

    public PrecisionArithmetic(Precision precision) {
        this.precision = precision;
    }

    public Precision precision() {
        return precision;
    }

    @Override
    public PFloat constant(double w) {
        return precision.fromDouble(w);
    }

    @Override
    public PFloat zero() {
        return precision.zero();
    }

    @Override
    public PFloat one() {
        return precision.one();
    }

    @Override
    public PFloat sum(List<PFloat> terms) {
        return PMath.sum(precision, terms);
    }

    @Override
    public PFloat multiply(PFloat a, PFloat b) {
        return PMath.multiply(precision, a, b);
    }

    @Override
    public PFloat divide(PFloat a, PFloat b) {
        return PMath.divide(precision, a, b);
    }

    @Override
    public PFloat divide(PFloat a, int d) {
        return PMath.divide(precision, a, d);
    }

    @Override
    public PFloat relu(PFloat x) {
        return PMath.relu(precision, x);
    }

    @Override
    public PFloat negate(PFloat x) {
        return x.negate();
    }

    @Override
    public int compare(PFloat a, PFloat b) {
        return a.compareTo(b);
    }

    @Override
    public boolean isZero(PFloat x) {
        return x.isZero();
    }

    @Override
    public double toDouble(PFloat x) {
        return x.toDouble();
    }

    @Override
    public PFloat exp(PFloat x, double scale) {
        return expTables
                .computeIfAbsent(scale, s -> new HashMap<>())
                .computeIfAbsent(x, v -> RealFunctions.exp(precision, v, new BigDecimal(scale)));
    }

    @Override
    public PFloat inverseNorm(PFloat v, int d, double eps) {
        return normTables
                .computeIfAbsent(d + "/" + eps, k -> new HashMap<>())
                .computeIfAbsent(v, x -> RealFunctions.inverseNorm(precision, x, d, new BigDecimal(eps)));
    }
}
