package dev.tc0.compile.lowering;

/**
 * A compile stopped before it exhausted memory, or when it did: some component would exceed a
 * size limit. The message names the component and the reason; {@link #kind()} says which limit, so
 * that the message to a user can say what raises it.
 */
public final class LoweringLimitException extends RuntimeException {

    /** Which limit stopped the compile. */
    public enum Kind {
        /** One of the value-set route's internal caps (a tuple's or a sum's number of values): no option raises it; {@link TransformerLowering.Route#AUTO} then takes the arithmetic route. */
        VALUE_SET,
        /** The circuit's gates or edges: {@code --max-gates} and {@code --max-edges} raise it. */
        CIRCUIT,
        /** The Java heap: a larger heap (-Xmx) raises it. */
        MEMORY
    }

    private final Kind kind;

    /** A value set too large for the value-set route. */
    public LoweringLimitException(String message) {
        this(message, Kind.VALUE_SET);
    }

    private LoweringLimitException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    /** The circuit passed a gate or edge limit. */
    public static LoweringLimitException circuit(String message) {
        return new LoweringLimitException(message, Kind.CIRCUIT);
    }

    /** The heap ran out while building {@code component}. */
    public static LoweringLimitException memory(String component) {
        long max = Runtime.getRuntime().maxMemory() >> 20;
        return new LoweringLimitException(component + ": out of memory (a heap of " + max + " MB)", Kind.MEMORY);
    }

    /** The same limit, its message preceded by {@code context} (what was tried before). */
    public LoweringLimitException after(String context) {
        return new LoweringLimitException(context + getMessage(), kind);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether an option or setting raises the limit (every kind but {@link Kind#VALUE_SET}). */
    public boolean raisable() {
        return kind != Kind.VALUE_SET;
    }
}
