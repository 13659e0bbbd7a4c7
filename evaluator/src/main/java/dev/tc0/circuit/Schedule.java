package dev.tc0.circuit;

import java.util.Arrays;

/**
 * The levelized order of a circuit and its slot assignment.
 *
 * <p>Gates are ordered by level (stable within a level). Every node that some gate or output
 * reads gets a slot: a place for its value. A slot is freed once the level of its last reader is
 * complete, never inside a level, so that the gates of one level may run in any order or in
 * parallel; outputs stay live to the end. Freed slots are reused last-in first-out, which keeps
 * recently written values hot in cache.
 */
public final class Schedule {
    /** Gates in level order. */
    public final int[] order;
    /** Gates of level {@code L} (1-based) are {@code order[levelStart[L-1] .. levelStart[L])}. */
    public final int[] levelStart;
    /** Slot of every node, or -1 for nodes nobody reads (and the constant). */
    public final int[] slot;
    /** Number of distinct slots: the most values live at once. */
    public final int numSlots;

    private Schedule(int[] order, int[] levelStart, int[] slot, int numSlots) {
        this.order = order;
        this.levelStart = levelStart;
        this.slot = slot;
        this.numSlots = numSlots;
    }

    public int depth() { return levelStart.length - 1; }

    public static Schedule of(Circuit c) {
        int[] level = c.levels();
        int gates = c.numGates(), inputs = c.numInputs(), first = c.firstGateNode();
        int depth = 0;
        for (int g = 0; g < gates; g++) depth = Math.max(depth, level[first + g]);
        // Counting sort of gates by level: level l holds order[ls[l-1] .. ls[l]).
        int[] ls = new int[depth + 1];
        for (int g = 0; g < gates; g++) ls[level[first + g]]++;
        for (int l = 1; l <= depth; l++) ls[l] += ls[l - 1];
        int[] fill = new int[depth + 1];
        for (int l = 1; l <= depth; l++) fill[l] = ls[l - 1];
        int[] order = new int[gates];
        for (int g = 0; g < gates; g++) order[fill[level[first + g]]++] = g;

        // Last level that reads each node; outputs are read after the last level.
        int nodes = c.numNodes();
        int[] lastUse = new int[nodes];
        Arrays.fill(lastUse, -1);
        for (int g = 0; g < gates; g++) {
            int lg = level[first + g];
            for (int e = 0, k = c.fanIn(g); e < k; e++) {
                int n = c.operand(g, e) >>> 1;
                if (lastUse[n] < lg) lastUse[n] = lg;
            }
        }
        for (int o = 0; o < c.numOutputs(); o++) lastUse[c.output(o) >>> 1] = depth + 1;
        lastUse[0] = -1;   // the constant needs no slot

        // Nodes freed after each level, as linked lists through nextFree.
        int[] freeHead = new int[depth + 2];
        Arrays.fill(freeHead, -1);
        int[] nextFree = new int[nodes];
        for (int n = nodes - 1; n >= 1; n--) {
            if (lastUse[n] >= 0 && lastUse[n] <= depth) {
                nextFree[n] = freeHead[lastUse[n]];
                freeHead[lastUse[n]] = n;
            }
        }
        int[] slot = new int[nodes];
        Arrays.fill(slot, -1);
        int[] stack = new int[nodes + 1];
        int sp = 0, numSlots = 0;
        for (int i = 1; i <= inputs; i++) {
            if (lastUse[i] >= 0) slot[i] = numSlots++;
        }
        for (int l = 1; l <= depth; l++) {
            for (int j = ls[l - 1]; j < ls[l]; j++) {
                int n = first + order[j];
                if (lastUse[n] < 0) continue;   // pruned circuits have none, but stay safe
                slot[n] = sp > 0 ? stack[--sp] : numSlots++;
            }
            for (int n = freeHead[l]; n >= 0; n = nextFree[n]) stack[sp++] = slot[n];
        }
        return new Schedule(order, ls, slot, numSlots);
    }
}
