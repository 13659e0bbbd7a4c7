package dev.tc0.compile.advice;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;

/**
 * Negations of gate outputs folded into the gates that produce them, so that the prefix form
 * needs no {@code <= 0} gate (one level each) for them. The prefix form's gates count arguments
 * with weight +1, so a negated operand can only be absorbed through the gate's direction: a gate
 * whose operands are all negated is the {@code <=} dual of its positive operands, and the negation
 * of a threshold gate is a threshold gate at the same depth,
 * ¬[Σ l_i &gt;= t] = [Σ ¬l_i &gt;= m - t + 1]. So every AND, OR and THRESHOLD gate g is built in both
 * polarities, g and its dual, and each gate takes every gate operand in the polarity that gives
 * all its operands one sign: positive (a {@code >=} gate) or all negated (a {@code <=} gate).
 * Only negated inputs keep a NOT gate, and only in a gate whose inputs have both signs: the
 * prefix form has no negated inputs, and a mixed gate cannot be one direction. XOR gates keep
 * their negations (the writer builds parity in depth two and negates its result).
 */
final class NegationAbsorption {
    private final Circuit c;
    private final CircuitBuilder b = new CircuitBuilder();
    private final int[] inputs;
    /** Per gate, the builder literal of the gate and of its negation, each an unnegated gate where possible. */
    private final int[] positive, negative;

    private NegationAbsorption(Circuit c) {
        this.c = c;
        inputs = new int[c.numInputs()];
        for (int i = 0; i < inputs.length; i++) inputs[i] = b.input(c.inputName(i));
        positive = new int[c.numGates()];
        negative = new int[c.numGates()];
    }

    /** The same function, with the same inputs and outputs; c must have no WEIGHTED gate. */
    static Circuit of(Circuit c) {
        return new NegationAbsorption(c).build();
    }

    private Circuit build() {
        for (int g = 0; g < c.numGates(); g++) {
            int m = c.fanIn(g);
            int[] ops = c.operands(g);
            switch (c.kind(g)) {
                case AND -> both(g, m, ops);
                case OR -> both(g, 1, ops);
                case THRESHOLD -> both(g, c.threshold(g), ops);
                case XOR -> {
                    int[] lits = new int[m];
                    for (int i = 0; i < m; i++) lits[i] = literal(ops[i], true);
                    positive[g] = b.xor(lits);
                    negative[g] = CircuitBuilder.not(positive[g]);
                }
                case WEIGHTED ->
                    throw new IllegalArgumentException("WEIGHTED gates must be made THRESHOLD gates first");
            }
        }
        for (int o = 0; o < c.numOutputs(); o++) b.output(c.outputName(o), literal(c.output(o), true));
        return b.build();
    }

    /** Gate g = [at least t of ops] and its negation [at least m - t + 1 of ¬ops]. */
    private void both(int g, long t, int[] ops) {
        int m = ops.length;
        int[] flipped = new int[m];
        for (int i = 0; i < m; i++) flipped[i] = CircuitBuilder.not(ops[i]);
        positive[g] = atLeast(t, ops);
        negative[g] = atLeast(m - t + 1, flipped);
    }

    /**
     * [at least t of the literals] with one sign for all operands: negated (the writer's {@code <=}
     * dual) when more of the input operands are negated than not, else positive.
     */
    private int atLeast(long t, int[] lits) {
        int negatedInputs = 0, plainInputs = 0;
        for (int l : lits) {
            if (!c.isInputNode(l >>> 1)) continue;
            if ((l & 1) != 0) negatedInputs++;
            else plainInputs++;
        }
        boolean sign = negatedInputs <= plainInputs;
        int[] ops = new int[lits.length];
        for (int i = 0; i < lits.length; i++) ops[i] = literal(lits[i], sign);
        return b.threshold(t, ops);
    }

    /**
     * A literal of c as a builder literal of the same value: an input keeps its sign, a gate's
     * comes unnegated ({@code plain}) or negated, through the gate or its dual as needed.
     */
    private int literal(int lit, boolean plain) {
        int node = lit >>> 1;
        boolean negated = (lit & 1) != 0;
        if (node == 0) return lit; // a constant
        if (c.isInputNode(node)) return inputs[node - 1] ^ (lit & 1);
        int g = node - c.firstGateNode();
        if (plain) return negated ? negative[g] : positive[g];
        return CircuitBuilder.not(negated ? positive[g] : negative[g]);
    }
}
