package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;

/** Small AND/OR idioms shared by the bus gadgets. */
final class Gates {
    private Gates() {}

    /** x XOR y as OR(AND(x, ¬y), AND(¬x, y)): two levels of the paper's gates, no XOR gate. */
    static int xor(CircuitBuilder b, int x, int y) {
        return b.or(b.and(x, CircuitBuilder.not(y)), b.and(CircuitBuilder.not(x), y));
    }

    /** {@code select ? ifTrue : ifFalse}, bitwise. */
    static int[] mux(CircuitBuilder b, int select, int[] ifTrue, int[] ifFalse) {
        int[] r = new int[ifTrue.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = b.or(b.and(select, ifTrue[i]), b.and(CircuitBuilder.not(select), ifFalse[i]));
        }
        return r;
    }
}
