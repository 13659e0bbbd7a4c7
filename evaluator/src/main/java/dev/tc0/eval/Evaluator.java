package dev.tc0.eval;

import dev.tc0.circuit.Circuit;

/**
 * The simplest way to evaluate a circuit on many inputs held in memory.
 *
 * <p>Planes: {@code inputPlanes[i][w]} holds input {@code i} for the 64 patterns
 * {@code 64*w .. 64*w+63}, pattern {@code 64*w + b} in bit {@code b}. The result has one plane
 * per output, of the same length.
 */
public final class Evaluator {
    private Evaluator() {}

    public static long[][] evaluate(Circuit c, long[][] inputPlanes) {
        return Engine.evaluate(c, inputPlanes);
    }
}
