package dev.tc0.circuit;

/**
 * Literals as in AIGER: {@code (node << 1) | negated}. Negation is free, so no NOT gate exists.
 * Node 0 is the constant false; literal 0 is false and literal 1 is true.
 */
public final class Literal {
    public static final int FALSE = 0;
    public static final int TRUE = 1;

    private Literal() {}

    public static int of(int node, boolean negated) {
        return (node << 1) | (negated ? 1 : 0);
    }

    public static int node(int literal) {
        return literal >>> 1;
    }

    public static boolean isNegated(int literal) {
        return (literal & 1) != 0;
    }

    public static int not(int literal) {
        return literal ^ 1;
    }

    /** The literal with the negation bit cleared. */
    public static int positive(int literal) {
        return literal & ~1;
    }

    public static boolean isConstant(int literal) {
        return literal >>> 1 == 0;
    }

    public static String toString(int literal) {
        if (literal == FALSE) return "0";
        if (literal == TRUE) return "1";
        return (isNegated(literal) ? "!" : "") + "n" + node(literal);
    }
}
