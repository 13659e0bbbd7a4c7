package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.Precision;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every part of the scalar lowering shares: the circuit builder, the precision, the size
 * limits, and the bookkeeping of each gate built through it (its level, the component being
 * built, the limit checks). Every gate of a lowering goes through {@link #and}, {@link #or},
 * {@link #weighted} or {@link #embed}, so levels and limits are never missed.
 */
final class LoweringContext {

    private final CircuitBuilder b;
    private final Precision prec;
    private final ScalarLowering.Limits limits;
    private int[] levels = new int[1024];
    private String component = "?";
    private int componentLevel;
    private final SumSetMemo sumSets;

    LoweringContext(CircuitBuilder b, Precision prec, ScalarLowering.Limits limits) {
        this.b = b;
        this.prec = prec;
        this.limits = limits;
        this.sumSets = new SumSetMemo(limits.maxSums());
    }

    CircuitBuilder builder() {
        return b;
    }

    Precision precision() {
        return prec;
    }

    ScalarLowering.Limits limits() {
        return limits;
    }

    /** The possible sums of threshold sums, each computed once per lowering (capped at {@code maxSums}). */
    SumSetMemo sumSets() {
        return sumSets;
    }

    /** Names the component being built, for limit messages and statistics. */
    void component(String name) {
        component = name;
        componentLevel = 0;
    }

    String currentComponent() {
        return component;
    }

    /** The largest level (depth from the inputs) of any gate built or reused since {@link #component}. */
    int componentLevel() {
        return componentLevel;
    }

    /**
     * Gates no output needs are dropped only when the circuit is built, so building may pass the
     * gate and edge limits by this factor before it stops; the finished circuit is held to the
     * limits themselves ({@link #checkBuilt}).
     */
    static final int DEAD_ALLOWANCE = 4;

    /** A value-set cap passed: the message names the component being built. */
    LoweringLimitException limitPassed(String what) {
        return new LoweringLimitException(component + ": " + what);
    }

    /** A gate or edge limit passed (an option raises it). */
    LoweringLimitException circuitLimitPassed(String what) {
        return LoweringLimitException.circuit(component + ": " + what);
    }

    /** The limit on what is built so far: {@code limit} times {@link #DEAD_ALLOWANCE}. */
    static long whileBuilding(long limit) {
        return limit > Long.MAX_VALUE / DEAD_ALLOWANCE ? Long.MAX_VALUE : limit * DEAD_ALLOWANCE;
    }

    /** The finished circuit against the gate and edge limits (after dead gates were dropped). */
    static void checkBuilt(dev.tc0.circuit.Circuit c, ScalarLowering.Limits limits) {
        if (c.numGates() > limits.maxGates()) {
            throw LoweringLimitException.circuit(
                    "the circuit has " + c.numGates() + " gates, more than the limit of " + limits.maxGates());
        }
        if (c.numEdges() > limits.maxEdges()) {
            throw LoweringLimitException.circuit(
                    "the circuit has " + c.numEdges() + " edges, more than the limit of " + limits.maxEdges());
        }
    }

    /** The level of a literal: 0 for inputs and constants. */
    int level(int lit) {
        int node = Literal.node(lit);
        return node < levels.length ? levels[node] : 0;
    }

    /**
     * Operand edges of the gates built so far (gates found in the structural hash count once),
     * also those of embedded arithmetic circuits (the wide route).
     */
    long edges() {
        return b.numEdges();
    }

    private void checkEdges() {
        if (b.numEdges() > whileBuilding(limits.maxEdges())) {
            throw circuitLimitPassed("building passed " + DEAD_ALLOWANCE + " x the limit of " + limits.maxEdges()
                    + " edges (gates no output needs are dropped only at the end)");
        }
    }

    private void checkGates() {
        if (b.numGates() > whileBuilding(limits.maxGates())) {
            throw circuitLimitPassed("building passed " + DEAD_ALLOWANCE + " x the limit of " + limits.maxGates()
                    + " gates (gates no output needs are dropped only at the end)");
        }
    }

    private void growLevels(int node) {
        if (node >= levels.length) levels = Arrays.copyOf(levels, Math.max(node + 1, levels.length * 2));
    }

    private int record(int lit, int[] operands) {
        checkEdges();
        int node = Literal.node(lit);
        growLevels(node);
        if (node > b.numInputs() && levels[node] == 0) {
            int l = 0;
            for (int o : operands) l = Math.max(l, level(o));
            levels[node] = l + 1;
        }
        componentLevel = Math.max(componentLevel, levels[node]);
        checkGates();
        return lit;
    }

    int and(int... lits) {
        return record(b.and(lits), lits);
    }

    int or(int... lits) {
        if (lits.length == 0) return Literal.FALSE;
        return record(b.or(lits), lits);
    }

    int weighted(long[] w, int[] lits, long t) {
        return record(b.weighted(w, lits, t), lits);
    }

    /** {@link #weighted(long[], int[], long)} for each threshold, the operands normalised once. */
    int[] weighted(long[] w, int[] lits, long[] ts) {
        int[] out = b.weighted(w, lits, ts);
        for (int lit : out) record(lit, lits);
        return out;
    }

    /**
     * Sub-circuits by a key that determines them, the most recent {@value #SUB_CIRCUITS} kept:
     * the wide route builds the same adder for a sum at every position of a row.
     */
    private final Map<Object, Circuit> subCircuits = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Circuit> eldest) {
            return size() > SUB_CIRCUITS;
        }
    };

    private static final int SUB_CIRCUITS = 256;

    /** The sub-circuit for key, built by build when it is not kept. */
    Circuit subCircuit(Object key, Supplier<Circuit> build) {
        Circuit c = subCircuits.get(key);
        if (c == null) {
            c = build.get();
            subCircuits.put(key, c);
        }
        return c;
    }

    /**
     * Embeds a sub-circuit over the given literals (its inputs in order) and returns its outputs;
     * each output's level is the inputs' largest level plus its depth in the sub-circuit.
     */
    int[] embed(Circuit sub, int[] inputs) {
        int inLevel = 0;
        for (int lit : inputs) inLevel = Math.max(inLevel, level(lit));
        int[] out = b.embed(sub, inputs);
        int[] subLevels = sub.levels();
        for (int k = 0; k < out.length; k++) setLevel(out[k], inLevel + subLevels[Literal.node(sub.output(k))]);
        return out;
    }

    private void setLevel(int lit, int level) {
        int node = Literal.node(lit);
        if (node <= b.numInputs()) return;
        growLevels(node);
        if (levels[node] == 0) levels[node] = level;
        componentLevel = Math.max(componentLevel, levels[node]);
        checkEdges();
        checkGates();
    }
}
