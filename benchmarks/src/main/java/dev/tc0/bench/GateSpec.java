package dev.tc0.bench;

import dev.tc0.circuit.GateKind;
import java.util.Locale;

/**
 * A gate kind and fan-in written the way the kernel benchmark's parameter names them:
 * {@code and2}, {@code xor32}, {@code threshold1001}, {@code weighted63}.
 */
public record GateSpec(GateKind kind, int fanIn) {
    public GateSpec {
        if (fanIn < 2) throw new IllegalArgumentException("fan-in must be at least 2, not " + fanIn);
    }

    public static GateSpec parse(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) i--;
        if (i == 0 || i == s.length()) throw new IllegalArgumentException("not a gate spec (kind then fan-in): " + s);
        return new GateSpec(
                GateKind.valueOf(s.substring(0, i).toUpperCase(Locale.ROOT)), Integer.parseInt(s.substring(i)));
    }

    /**
     * Two-input bit operations per pattern: a fan-in-k gate folds k operands with k-1 of them. This
     * is the unit of the two-operand kernel figures in src/docs/performance.md (Kernel costs), so
     * the two compare.
     */
    public int bitOpsPerPattern() {
        return fanIn - 1;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + fanIn;
    }
}
