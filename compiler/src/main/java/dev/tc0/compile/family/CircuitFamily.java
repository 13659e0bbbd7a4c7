package dev.tc0.compile.family;

import dev.tc0.circuit.Circuit;
import java.util.random.RandomGenerator;

/**
 * A circuit family: for every input size parameter n (at least {@link #minSize()}) a circuit, and
 * a reference that computes the same function with plain loops, independent of any circuit code.
 */
public interface CircuitFamily {

    /** Where a family sits relative to the paper's bound on log-precision transformers. */
    enum Regime {
        /** In TC0, built with depth independent of n. */
        TC0("constant-depth TC0"),
        /** A TC0 function built sequentially: the same answers, depth growing with n. */
        SEQUENTIAL("TC0 function, sequential circuit"),
        /** Complete for a class believed larger than TC0 (NC1, NL, P): depth must grow. */
        BEYOND("beyond TC0 unless classes collapse");

        private final String label;

        Regime(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The short name the command line uses, such as {@code majority} or {@code s5}. */
    String name();

    /** One sentence: what the circuit computes from its inputs and how it is built. */
    String description();

    Regime regime();

    /** True when the family is inside TC0 and built with the same depth for every n. */
    default boolean constantDepth() {
        return regime() == Regime.TC0;
    }

    /** The smallest n the family is defined for. */
    int minSize();

    /** The number of input bits of the circuit for n. */
    int numInputs(int n);

    /** Builds the circuit for n. */
    Circuit build(int n);

    /** The function the circuit for n computes, by plain loops over the input bits. */
    boolean[] reference(int n, boolean[] input);

    /**
     * A random input for n. Uniform bits by default; families whose interesting inputs are rare
     * under uniform bits (valid permutations, balanced words) draw from a better distribution.
     */
    default boolean[] randomInput(int n, RandomGenerator rnd) {
        boolean[] x = new boolean[numInputs(n)];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextBoolean();
        return x;
    }
}
