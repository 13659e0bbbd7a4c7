package dev.tc0.eval;

import dev.tc0.circuit.Circuit;

/** The evaluation engine (work in progress: delegates to the reference for now). */
public final class Engine {
    private Engine() {}

    static long[][] evaluate(Circuit c, long[][] inputPlanes) {
        return ReferenceEvaluator.evaluate(c, inputPlanes);
    }
}
