package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Functions of one bus: ReLU, negation, and any function by Lemma 1 over the p bits. */
public final class Unary {
    private Unary() {}

    /** max(x, 0): every wire ANDed with ¬sign. Depth 1, at most 2q - 1 ANDs. */
    public static PBus relu(CircuitBuilder b, PBus x) {
        int keep = CircuitBuilder.not(x.sign());
        int q = x.prec().q();
        int[] mag = new int[q - 1], exp = new int[q];
        for (int i = 0; i < q - 1; i++) mag[i] = b.and(keep, x.mag(i));
        for (int k = 0; k < q; k++) exp[k] = b.and(keep, x.exp(k));
        PRange r = x.range();
        PRange range =
                r.positive() ? new PRange(r.zero() || r.negative(), true, false, r.eLo(), r.eHi()) : PRange.zeroOnly();
        return new PBus(x.prec(), Literal.FALSE, mag, exp, range);
    }

    /**
     * -x: the magnitude and exponent wires are shared; the sign is ¬sign AND (x != 0), so that -0
     * stays the canonical zero. Two gates (the OR of the magnitude bits and an AND), none when the
     * range excludes zero.
     */
    public static PBus negate(CircuitBuilder b, PBus x) {
        PRange r = x.range();
        int sign = r.zero() ? b.and(CircuitBuilder.not(x.sign()), x.nonzero(b)) : CircuitBuilder.not(x.sign());
        return new PBus(
                x.prec(), sign, x.mag(), x.exp(), new PRange(r.zero(), r.negative(), r.positive(), r.eLo(), r.eHi()));
    }

    /** f(x) over every value x's range allows ({@link PRange#values}): 2^p candidates at most. */
    public static PBus apply(CircuitBuilder b, PBus x, UnaryOperator<PFloat> f) {
        return apply(b, x, f, x.range().values(x.prec()));
    }

    /**
     * f(x) for any function of one scalar (exp, a layer-norm factor, a table of the model): the bus
     * becomes a one-hot over {@code candidates} (the values x can take, which the caller guarantees)
     * by {@link PBus#toOneHot}, and back by {@link PBus#fromOneHot} with the values f(c). Depth 2,
     * one AND per candidate and one OR per wire.
     */
    public static PBus apply(CircuitBuilder b, PBus x, UnaryOperator<PFloat> f, List<PFloat> candidates) {
        Precision prec = x.prec();
        int[] hot = x.toOneHot(b, candidates);
        List<PFloat> images = new ArrayList<>();
        for (PFloat c : candidates) images.add(f.apply(c));
        return PBus.fromOneHot(b, prec, hot, images.toArray(PFloat[]::new));
    }
}
