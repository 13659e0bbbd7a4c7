package dev.tc0.circuit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable combinational circuit: a DAG of gates over literals.
 *
 * <p>Nodes are numbered 0 (the constant false), then the inputs {@code 1..inputs}, then the gates in
 * topological order, so every operand of a gate names a smaller node. Gate {@code g} is node
 * {@code 1 + inputs + g}. Operands are held in CSR form: gate {@code g}'s operand literals are
 * {@code operand[start[g] .. start[g+1])}; for WEIGHTED gates {@code weight} holds the matching
 * signed weights. THRESHOLD and WEIGHTED gates carry a threshold.
 *
 * <p>Build one with {@link CircuitBuilder}; instances never change afterwards.
 */
public final class Circuit {
    private final int inputs;
    private final byte[] kind;
    private final int[] start;
    private final int[] operand;
    private final long[] weight; // parallel to operand; null when no gate is WEIGHTED
    private final long[] threshold; // per gate; 0 for AND, OR, XOR
    private final int[] outputs;
    private final String[] inputNames;
    private final String[] outputNames;
    private final boolean constantOperands;
    private volatile int[] levels; // per node, computed on first use

    Circuit(
            int inputs,
            byte[] kind,
            int[] start,
            int[] operand,
            long[] weight,
            long[] threshold,
            int[] outputs,
            String[] inputNames,
            String[] outputNames,
            boolean constantOperands) {
        this.inputs = inputs;
        this.kind = kind;
        this.start = start;
        this.operand = operand;
        this.weight = weight;
        this.threshold = threshold;
        this.outputs = outputs;
        this.inputNames = inputNames;
        this.outputNames = outputNames;
        this.constantOperands = constantOperands;
    }

    /**
     * Makes a circuit from raw arrays (as a binary reader holds them), checking that they describe
     * one: gate {@code g}'s operands name nodes below {@code 1 + inputs + g}, offsets rise, kinds
     * exist, weights are given when a gate is WEIGHTED and its sums fit in a long, and outputs
     * name existing nodes. The arrays are taken, not copied. Gates need not be in the builder's
     * normal form: they may even read the constant node, which an {@code EvalPlan} refuses
     * ({@link CircuitBuilder#foldConstants} folds it). Throws {@link IllegalArgumentException}
     * naming the first fault.
     */
    public static Circuit of(
            int inputs,
            byte[] kind,
            int[] start,
            int[] operand,
            long[] weight,
            long[] threshold,
            int[] outputs,
            String[] inputNames,
            String[] outputNames) {
        int gates = kind.length;
        if (inputs < 0) throw new IllegalArgumentException("negative input count " + inputs);
        if (start.length != gates + 1 || threshold.length != gates) {
            throw new IllegalArgumentException("array lengths disagree with " + gates + " gates");
        }
        if (start[0] != 0 || start[gates] != operand.length) {
            throw new IllegalArgumentException("operand offsets do not cover the operand array");
        }
        if (weight != null && weight.length != operand.length) {
            throw new IllegalArgumentException("weights and operands differ in length");
        }
        if (inputNames.length != inputs || outputNames.length != outputs.length) {
            throw new IllegalArgumentException("name counts differ from input/output counts");
        }
        for (String s : inputNames) if (s == null) throw new IllegalArgumentException("an input has no name");
        for (String s : outputNames) if (s == null) throw new IllegalArgumentException("an output has no name");
        boolean constantOperands = false;
        for (int g = 0; g < gates; g++) {
            if (kind[g] < 0 || kind[g] >= GateKind.values().length) {
                throw new IllegalArgumentException("gate #" + g + ": unknown kind code " + kind[g]);
            }
            if (start[g + 1] < start[g] || start[g + 1] > operand.length) {
                throw new IllegalArgumentException(
                        "gate #" + g + ": operand offsets decrease or pass the operand array");
            }
            int node = 1 + inputs + g;
            long pos = 0, neg = 0;
            for (int e = start[g]; e < start[g + 1]; e++) {
                int lit = operand[e];
                if (lit < 0 || (lit >>> 1) >= node) {
                    throw new IllegalArgumentException("gate #" + g + " (node " + node + "): operand literal " + lit
                            + " does not name an earlier node");
                }
                constantOperands |= lit >>> 1 == 0;
                if (kind[g] == GateKind.WEIGHTED.ordinal()) {
                    if (weight == null)
                        throw new IllegalArgumentException("gate #" + g + ": WEIGHTED gate without weights");
                    try {
                        if (weight[e] > 0) pos = Math.addExact(pos, weight[e]);
                        else neg = Math.addExact(neg, weight[e]);
                        Math.subtractExact(pos, neg);
                    } catch (ArithmeticException ex) {
                        throw new IllegalArgumentException(
                                "gate #" + g + ": weight sum overflows a signed 64-bit long");
                    }
                }
            }
        }
        int nodes = 1 + inputs + gates;
        for (int o = 0; o < outputs.length; o++) {
            if (outputs[o] < 0 || (outputs[o] >>> 1) >= nodes) {
                throw new IllegalArgumentException("output " + o + ": literal " + outputs[o] + " names no node");
            }
        }
        return new Circuit(
                inputs, kind, start, operand, weight, threshold, outputs, inputNames, outputNames, constantOperands);
    }

    public int numInputs() {
        return inputs;
    }

    public int numOutputs() {
        return outputs.length;
    }

    public int numGates() {
        return kind.length;
    }

    /** Nodes including the constant and the inputs. */
    public int numNodes() {
        return 1 + inputs + kind.length;
    }

    /** Edges: the sum of all fan-ins. */
    public long numEdges() {
        return operand.length;
    }

    public int firstGateNode() {
        return 1 + inputs;
    }

    public int gateNode(int gate) {
        return 1 + inputs + gate;
    }

    public boolean isInputNode(int node) {
        return node >= 1 && node <= inputs;
    }

    public boolean isGateNode(int node) {
        return node > inputs;
    }

    /** The input literal of input {@code i} (node {@code i + 1}). */
    public int inputLiteral(int i) {
        return Literal.of(1 + Objects.checkIndex(i, inputs), false);
    }

    public GateKind kind(int gate) {
        return GateKind.of(kind[gate]);
    }

    public int kindCode(int gate) {
        return kind[gate];
    }

    public int fanIn(int gate) {
        return start[gate + 1] - start[gate];
    }

    public int operandStart(int gate) {
        return start[gate];
    }

    public int operand(int gate, int i) {
        return operand[start[gate] + i];
    }

    /** Weight of operand {@code i} of a gate; 1 for every kind but WEIGHTED. */
    public long weight(int gate, int i) {
        return weight == null || kind[gate] != GateKind.WEIGHTED.ordinal() ? 1 : weight[start[gate] + i];
    }

    public long threshold(int gate) {
        return threshold[gate];
    }

    public int[] operands(int gate) {
        return Arrays.copyOfRange(operand, start[gate], start[gate + 1]);
    }

    public int output(int o) {
        return outputs[o];
    }

    public int[] outputs() {
        return outputs.clone();
    }

    public String inputName(int i) {
        return inputNames[i];
    }

    public String outputName(int o) {
        return outputNames[o];
    }

    public List<String> inputNames() {
        return List.of(inputNames);
    }

    public List<String> outputNames() {
        return List.of(outputNames);
    }

    public boolean hasWeights() {
        return weight != null;
    }

    /**
     * True when some gate reads the constant node. Never for a {@link CircuitBuilder}'s circuit
     * (it folds constants); possible for one made by {@link #of}.
     */
    public boolean hasConstantOperands() {
        return constantOperands;
    }

    /**
     * The level of every node: 0 for the constant and the inputs, otherwise one more than the
     * highest level among the gate's operands. Negation is free and adds nothing.
     */
    public int[] levels() {
        int[] l = levels;
        if (l == null) {
            l = new int[numNodes()];
            for (int g = 0; g < kind.length; g++) {
                int max = 0;
                for (int e = start[g]; e < start[g + 1]; e++) {
                    max = Math.max(max, l[operand[e] >>> 1]);
                }
                l[1 + inputs + g] = max + 1;
            }
            levels = l;
        }
        return l;
    }

    /** The longest gate path from an input to an output. */
    public int depth() {
        int[] l = levels();
        int d = 0;
        for (int out : outputs) d = Math.max(d, l[out >>> 1]);
        return d;
    }

    /**
     * Evaluates one input pattern: the one-input-at-a-time reference that every engine is
     * compared with. {@code x[i]} is input {@code i}.
     */
    public boolean[] evaluate(boolean[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " input bits, got " + x.length);
        }
        boolean[] v = new boolean[numNodes()];
        System.arraycopy(x, 0, v, 1, inputs);
        for (int g = 0; g < kind.length; g++) {
            v[1 + inputs + g] = evalGate(g, v);
        }
        boolean[] out = new boolean[outputs.length];
        for (int o = 0; o < outputs.length; o++) out[o] = v[outputs[o] >>> 1] ^ ((outputs[o] & 1) != 0);
        return out;
    }

    private boolean evalGate(int g, boolean[] v) {
        int s = start[g], e = start[g + 1];
        switch (GateKind.of(kind[g])) {
            case AND -> {
                for (int i = s; i < e; i++) if (!lit(v, operand[i])) return false;
                return true;
            }
            case OR -> {
                for (int i = s; i < e; i++) if (lit(v, operand[i])) return true;
                return false;
            }
            case XOR -> {
                boolean r = false;
                for (int i = s; i < e; i++) r ^= lit(v, operand[i]);
                return r;
            }
            case THRESHOLD -> {
                long c = 0;
                for (int i = s; i < e; i++) if (lit(v, operand[i])) c++;
                return c >= threshold[g];
            }
            case WEIGHTED -> {
                long sum = 0;
                for (int i = s; i < e; i++) if (lit(v, operand[i])) sum += weight[i];
                return sum >= threshold[g];
            }
        }
        throw new AssertionError();
    }

    private static boolean lit(boolean[] v, int literal) {
        return v[literal >>> 1] ^ ((literal & 1) != 0);
    }

    @Override
    public String toString() {
        return "Circuit[" + inputs + " inputs, " + outputs.length + " outputs, " + kind.length + " gates, depth "
                + depth() + "]";
    }
}
