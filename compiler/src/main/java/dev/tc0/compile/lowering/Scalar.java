package dev.tc0.compile.lowering;

import dev.tc0.compile.number.PFloat;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * A p-precision scalar of the circuit: on every input, exactly one literal of {@code domain} is
 * true, and the scalar's value is the float at that index of {@code values} (canonical, so equal
 * values have equal codes). The distinct entries of {@code values} are the scalar's value set, the
 * over-approximation that value-set analysis computes; a one-element domain is a compile-time
 * constant. The p-bit bus of the paper is one OR per bit away ({@link ScalarLowering#bits}).
 */
public record Scalar(Domain domain, PFloat[] values) {

    public Scalar {
        if (values.length != domain.size())
            throw new IllegalArgumentException(values.length + " values for a domain of " + domain.size());
    }

    public boolean isConstant() {
        PFloat v = values[0];
        for (PFloat x : values) if (!x.equals(v)) return false;
        return true;
    }

    /** True when the scalar is zero on every input (a term that can be dropped from a sum). */
    public boolean isZero() {
        for (PFloat x : values) if (!x.isZero()) return false;
        return true;
    }

    public TreeSet<PFloat> valueSet() {
        return new TreeSet<>(Arrays.asList(values));
    }
}
