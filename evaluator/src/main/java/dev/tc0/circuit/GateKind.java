package dev.tc0.circuit;

/**
 * The gate kinds of the circuit model. AND, OR and XOR take any fan-in. THRESHOLD is true when at
 * least {@code t} of its operand literals are true (an operand may repeat: each edge counts).
 * WEIGHTED is true when {@code sum w_i * l_i >= t} with signed 64-bit weights.
 */
public enum GateKind {
    AND,
    OR,
    XOR,
    THRESHOLD,
    WEIGHTED;

    private static final GateKind[] VALUES = values();

    public static GateKind of(int code) {
        return VALUES[code];
    }

    /** True for the kinds whose gate carries a threshold. */
    public boolean hasThreshold() {
        return this == THRESHOLD || this == WEIGHTED;
    }
}
