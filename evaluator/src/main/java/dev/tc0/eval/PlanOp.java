package dev.tc0.eval;

import dev.tc0.circuit.GateKind;

/**
 * The operation of a run of plan gates: it names the loop of {@link Kernels} that evaluates them.
 * Fixed fan-ins of 2 to 4 get loops with their operands in registers; larger AND and XOR gates
 * fold their operands into the output plane one by one; THRESHOLD and WEIGHTED gates run a
 * {@link CounterProgram}, except majority of three, which has its own loop. The declaration order
 * is the order of a level's runs: the plan sorts a level's gates by operation. The package
 * documentation maps every gate kind to its operations.
 */
public enum PlanOp {
    AND2("and2"),
    AND3("and3"),
    AND4("and4"),
    AND_N("andN"),
    XOR2("xor2"),
    XOR3("xor3"),
    XOR4("xor4"),
    XOR_N("xorN"),
    /** THRESHOLD of fan-in 3 and threshold 2: at least two of three, five logic operations. */
    MAJ3("maj3"),
    /** THRESHOLD and WEIGHTED: a bit-sliced sum by full and half adders, compared with the threshold. */
    COUNT("count"),
    /**
     * AND2 and XOR2 mixed, one branch per gate: only in depth-first plans, where the two alternate
     * too often for a run of each.
     */
    LOGIC2("logic2");

    /** The name in {@link EvalPlan#describe()}. */
    final String label;

    PlanOp(String label) {
        this.label = label;
    }

    /**
     * The operation of a gate as the builder normalised it. OR is planned as the AND of its
     * complemented operands ({@link EvalPlan}), so it shares AND's loops.
     */
    static PlanOp of(GateKind kind, int fanIn, long threshold) {
        return switch (kind) {
            case AND, OR -> fanIn == 2 ? AND2 : fanIn == 3 ? AND3 : fanIn == 4 ? AND4 : AND_N;
            case XOR -> fanIn == 2 ? XOR2 : fanIn == 3 ? XOR3 : fanIn == 4 ? XOR4 : XOR_N;
            case THRESHOLD -> fanIn == 3 && threshold == 2 ? MAJ3 : COUNT;
            case WEIGHTED -> COUNT;
        };
    }
}
