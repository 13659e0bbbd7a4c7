package dev.tc0.circuit;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Size and shape of a circuit: inputs, outputs, gates per kind, edges, depth, the width of every
 * level, the largest fan-in, the largest weight in bits, and the most values live at once under
 * the evaluator's slot assignment ({@link Schedule}).
 *
 * @param levelWidths gates per level; index 0 is level 1
 * @param maxWeightBits bits of the largest |weight| (1 when every gate is unweighted)
 */
public record CircuitStats(
        int inputs,
        int outputs,
        int gates,
        Map<GateKind, Integer> gatesPerKind,
        long edges,
        int depth,
        int[] levelWidths,
        int maxFanIn,
        int maxWeightBits,
        int maxLive) {

    public static CircuitStats of(Circuit c) {
        Map<GateKind, Integer> perKind = new EnumMap<>(GateKind.class);
        for (GateKind k : GateKind.values()) perKind.put(k, 0);
        int maxFanIn = 0, maxWeightBits = c.numGates() > 0 ? 1 : 0;
        for (int g = 0; g < c.numGates(); g++) {
            perKind.merge(c.kind(g), 1, Integer::sum);
            maxFanIn = Math.max(maxFanIn, c.fanIn(g));
            if (c.kind(g) == GateKind.WEIGHTED) {
                for (int i = 0; i < c.fanIn(g); i++) {
                    long w = c.weight(g, i);
                    int bits = 64 - Long.numberOfLeadingZeros(w == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(w));
                    maxWeightBits = Math.max(maxWeightBits, bits);
                }
            }
        }
        Schedule s = Schedule.of(c);
        int[] widths = new int[s.depth()];
        for (int l = 1; l <= s.depth(); l++) widths[l - 1] = s.levelStart[l] - s.levelStart[l - 1];
        return new CircuitStats(
                c.numInputs(),
                c.numOutputs(),
                c.numGates(),
                perKind,
                c.numEdges(),
                c.depth(),
                widths,
                maxFanIn,
                maxWeightBits,
                s.numSlots);
    }

    public int maxLevelWidth() {
        return Arrays.stream(levelWidths).max().orElse(0);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("inputs ")
                .append(inputs)
                .append(", outputs ")
                .append(outputs)
                .append(", gates ")
                .append(gates)
                .append(" (");
        String sep = "";
        for (var e : gatesPerKind.entrySet()) {
            if (e.getValue() == 0) continue;
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        b.append("), edges ")
                .append(edges)
                .append(", depth ")
                .append(depth)
                .append(", max level width ")
                .append(maxLevelWidth())
                .append(", max fan-in ")
                .append(maxFanIn)
                .append(", max weight bits ")
                .append(maxWeightBits)
                .append(", max live values ")
                .append(maxLive);
        return b.toString();
    }
}
