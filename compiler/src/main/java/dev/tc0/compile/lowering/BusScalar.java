package dev.tc0.compile.lowering;

import dev.tc0.compile.arith.PBus;
import dev.tc0.compile.arith.PRange;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.Arrays;

/**
 * A scalar on the arithmetic route: its p-bit bus, and, while it has few values, also a one-hot
 * over them (minterms, as in {@link Scalar}). Either may come first: an embedding or a function
 * of a one-hot scalar has minterms and gets its bus (one OR per wire) only if something reads it;
 * a sum has a bus and gets minterms (one AND per possible code, Lemma 1) only when a table is cheaper
 * than the arithmetic that would read it ({@link BusArithmetic}).
 */
final class BusScalar {
    /** Minterms: exactly one literal true on every input, the scalar's value on each; {@code id} names the domain. */
    record Minterms(int id, int[] lits, PFloat[] values) {}

    private PBus bus;
    private Minterms hot;

    private BusScalar(PBus bus, Minterms hot) {
        this.bus = bus;
        this.hot = hot;
    }

    static BusScalar of(PBus bus) {
        return new BusScalar(bus, null);
    }

    static BusScalar of(Minterms hot) {
        return new BusScalar(null, hot);
    }

    /** The minterms, or null while only the bus exists. */
    Minterms hot() {
        return hot;
    }

    void setHot(Minterms m) {
        hot = m;
    }

    /** The bus, or null while only the minterms exist. */
    PBus busOrNull() {
        return bus;
    }

    void setBus(PBus b) {
        bus = b;
    }

    /** True when the scalar is zero on every input. */
    boolean isZero() {
        if (hot != null) {
            for (PFloat v : hot.values()) if (!v.isZero()) return false;
            return true;
        }
        return !bus.range().nonzero();
    }

    /** The value when it is the same on every input, else null. */
    PFloat constant() {
        if (hot == null)
            return bus.range().nonzero() || !bus.range().zero()
                    ? null
                    : bus.prec().zero();
        PFloat v = hot.values()[0];
        for (PFloat x : hot.values()) if (!x.equals(v)) return null;
        return v;
    }

    /** The range of values, from the minterms when they exist (exact), else the bus's. */
    PRange range(Precision prec) {
        return hot != null ? PRange.of(prec, Arrays.asList(hot.values())) : bus.range();
    }
}
