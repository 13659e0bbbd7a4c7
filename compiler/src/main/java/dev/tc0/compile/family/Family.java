package dev.tc0.compile.family;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * A family assembled from its parts: a construction that wires outputs from input literals on a
 * builder, and a reference. The circuit for n has inputs {@code x[0..]} and outputs {@code y[0..]}.
 */
record Family(
        String name,
        String description,
        Regime regime,
        int minSize,
        IntUnaryOperator inputs,
        Construction construction,
        Reference ref,
        Sampler sampler)
        implements CircuitFamily {

    /** Wires the outputs for n from the input literals. */
    @FunctionalInterface
    interface Construction {
        int[] build(CircuitBuilder b, int n, int[] in);
    }

    /** The reference function for n. */
    @FunctionalInterface
    interface Reference {
        boolean[] apply(int n, boolean[] in);
    }

    /** Random inputs for n; null means uniform bits. */
    @FunctionalInterface
    interface Sampler {
        boolean[] sample(int n, RandomGenerator rnd);
    }

    Family(
            String name,
            String description,
            Regime regime,
            int minSize,
            IntUnaryOperator inputs,
            Construction construction,
            Reference ref) {
        this(name, description, regime, minSize, inputs, construction, ref, null);
    }

    @Override
    public int numInputs(int n) {
        return inputs.applyAsInt(n);
    }

    @Override
    public Circuit build(int n) {
        if (n < minSize) throw new IllegalArgumentException(name + " needs n >= " + minSize + ", got " + n);
        CircuitBuilder b = new CircuitBuilder();
        int[] in = b.inputs("x", numInputs(n));
        b.outputs("y", construction.build(b, n, in));
        return b.build();
    }

    @Override
    public boolean[] reference(int n, boolean[] input) {
        if (input.length != numInputs(n)) {
            throw new IllegalArgumentException(
                    name + "(" + n + ") takes " + numInputs(n) + " bits, got " + input.length);
        }
        return ref.apply(n, input);
    }

    @Override
    public boolean[] randomInput(int n, RandomGenerator rnd) {
        return sampler == null ? CircuitFamily.super.randomInput(n, rnd) : sampler.sample(n, rnd);
    }

    @Override
    public String toString() {
        return name;
    }
}
