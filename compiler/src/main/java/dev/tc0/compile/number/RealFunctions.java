package dev.tc0.compile.number;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * p-truncated scalar functions: f_p of the exact real result, like every other operation. These
 * are the functions a compiler turns into lookup tables over the p bits of their argument, so each
 * takes one float (plus constants of the model) and returns one float.
 */
public final class RealFunctions {
    private RealFunctions() {}

    private static final double LOG2_E = 1.4426950408889634;

    /**
     * f_p(exp(x·scale)) for an exact real {@code scale}. exp of a nonzero rational is irrational
     * (Lindemann), so no exact result sits on a truncation boundary: the value is computed to
     * increasing precision until both ends of its error interval truncate to the same float.
     */
    public static PFloat exp(Precision prec, PFloat x, BigDecimal scale) {
        BigDecimal arg = x.toBigDecimal().multiply(scale);
        if (arg.signum() == 0) return prec.one();
        double log2 = arg.doubleValue() * LOG2_E; // within far less than 1 of the true log2 for |arg| < 2^50
        if (log2 > prec.iMax() + prec.q() + 2.0) return prec.max();
        if (log2 < prec.iMin() - 2.0) return prec.zero();
        for (int digits = 30; ; digits *= 2) {
            BigDecimal v = exp(arg, digits);
            BigDecimal slack = v.movePointLeft(digits - 5);
            PFloat lo = prec.fromBigDecimal(v.subtract(slack)), hi = prec.fromBigDecimal(v.add(slack));
            if (lo.equals(hi)) return lo;
        }
    }

    /** exp(x) with relative error below 10^-(digits - 5). */
    static BigDecimal exp(BigDecimal x, int digits) {
        if (x.signum() < 0) {
            MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
            return BigDecimal.ONE.divide(exp(x.negate(), digits + 5), mc);
        }
        // exp(x) = exp(x/2^s)^(2^s) with x/2^s < 2^-4; each squaring doubles the relative error.
        int s = Math.max(0, x.toBigInteger().bitLength() + 4);
        MathContext mc = new MathContext(digits + 10 + (int) (s * 0.302) + 5, RoundingMode.HALF_EVEN);
        BigDecimal y = new BigDecimal(x.unscaledValue(), x.scale())
                .divide(BigDecimal.valueOf(2).pow(s), mc);
        BigDecimal term = BigDecimal.ONE, sum = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int k = 1; term.abs().compareTo(epsilon) > 0; k++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < s; i++) sum = sum.multiply(sum, mc);
        return sum;
    }

    /**
     * f_p(1 / sqrt(v/d + eps)): the scale factor of layer norm for the sum of squares v of d
     * centred values. Exact: the radicand is rational, and floor(sqrt(floor(t))) = floor(sqrt(t)),
     * so one integer square root gives the truncated grid value. A zero radicand gives +F^max.
     */
    public static PFloat inverseNorm(Precision prec, PFloat v, int d, BigDecimal eps) {
        if (v.signum() < 0) throw new IllegalArgumentException("negative sum of squares: " + v);
        if (d <= 0 || eps.signum() < 0) throw new IllegalArgumentException("need d > 0 and eps >= 0");
        // radicand t = 1/(v/d + eps) = d / (v + d·eps) as num/den
        BigDecimal denominator = v.toBigDecimal().add(eps.multiply(BigDecimal.valueOf(d)));
        if (denominator.signum() == 0) return prec.max();
        BigInteger[] t = ratio(BigDecimal.valueOf(d), denominator);
        return sqrtOfRatio(prec, t[0], t[1]);
    }

    /** f_p(sqrt(x)) for x &gt;= 0, exact. */
    public static PFloat sqrt(Precision prec, PFloat x) {
        if (x.signum() < 0) throw new IllegalArgumentException("sqrt of a negative number: " + x);
        BigInteger[] t = ratio(x.toBigDecimal(), BigDecimal.ONE);
        return sqrtOfRatio(prec, t[0], t[1]);
    }

    /** f_p(sqrt(num/den)): the grid value is sqrt(num/den)·2^K with K = -I^min. */
    private static PFloat sqrtOfRatio(Precision prec, BigInteger num, BigInteger den) {
        int k = -prec.iMin();
        BigInteger radicand = num.shiftLeft(2 * k).divide(den);
        return prec.f(radicand.sqrt());
    }

    /** a/b for two exact decimals, as an integer pair with positive denominator. */
    private static BigInteger[] ratio(BigDecimal a, BigDecimal b) {
        int scale = Math.max(a.scale(), b.scale());
        BigInteger num = a.setScale(scale).unscaledValue(),
                den = b.setScale(scale).unscaledValue();
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        return new BigInteger[] {num, den};
    }
}
