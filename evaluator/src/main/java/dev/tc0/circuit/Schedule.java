package dev.tc0.circuit;

import java.util.Arrays;

/**
 * An evaluation order of a circuit's gates and its slot assignment. Every node that some gate or
 * output reads gets a slot: a place for its value. Outputs stay live to the end. Freed slots are
 * reused last-in first-out, which keeps recently written values hot in cache.
 *
 * <ul>
 * <li>{@link #of}: the levelized order. Gates are ordered by level (stable within a level); a
 *     slot is freed once the level of its last reader is complete, never inside a level, so the
 *     gates of one level may run in any order or in parallel.</li>
 * <li>{@link #depthFirst}: a depth-first post-order from the outputs, for one thread running a
 *     whole tile. A slot is freed right after its last reader, so a gate's operands were mostly
 *     written moments before and are still in L1: the order a register allocator would like.
 *     It has a single pseudo-level.</li>
 * </ul>
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

    /** True for the depth-first order, which must run gate by gate in order. */
    public final boolean sequential;

    private Schedule(int[] order, int[] levelStart, int[] slot, int numSlots, boolean sequential) {
        this.order = order;
        this.levelStart = levelStart;
        this.slot = slot;
        this.numSlots = numSlots;
        this.sequential = sequential;
    }

    public int depth() {
        return levelStart.length - 1;
    }

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
        lastUse[0] = -1; // the constant needs no slot

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
                if (lastUse[n] < 0) continue; // pruned circuits have none, but stay safe
                slot[n] = sp > 0 ? stack[--sp] : numSlots++;
            }
            for (int n = freeHead[l]; n >= 0; n = nextFree[n]) stack[sp++] = slot[n];
        }
        return new Schedule(order, ls, slot, numSlots, false);
    }

    public static Schedule depthFirst(Circuit c) {
        int gates = c.numGates(), inputs = c.numInputs(), first = c.firstGateNode(), nodes = c.numNodes();
        int[] order = new int[gates];
        int n = 0;
        boolean[] done = new boolean[nodes];
        int[] stackNode = new int[gates + 1], stackNext = new int[gates + 1];
        // Roots: the outputs in order, then any gate no output reaches.
        int roots = c.numOutputs() + gates;
        for (int r = 0; r < roots; r++) {
            int root = r < c.numOutputs() ? c.output(r) >>> 1 : first + (r - c.numOutputs());
            if (root < first || done[root]) continue;
            int sp = 0;
            stackNode[sp] = root;
            stackNext[sp++] = 0;
            done[root] = true;
            while (sp > 0) {
                int node = stackNode[sp - 1], g = node - first;
                if (stackNext[sp - 1] < c.fanIn(g)) {
                    int child = c.operand(g, stackNext[sp - 1]++) >>> 1;
                    if (child >= first && !done[child]) {
                        done[child] = true;
                        stackNode[sp] = child;
                        stackNext[sp++] = 0;
                    }
                } else {
                    order[n++] = g;
                    sp--;
                }
            }
        }
        // Last position at which each node is read; outputs are read after everything.
        int[] lastUse = new int[nodes];
        Arrays.fill(lastUse, -1);
        for (int pos = 0; pos < gates; pos++) {
            int g = order[pos];
            for (int e = 0, k = c.fanIn(g); e < k; e++) lastUse[c.operand(g, e) >>> 1] = pos;
        }
        for (int o = 0; o < c.numOutputs(); o++) lastUse[c.output(o) >>> 1] = Integer.MAX_VALUE;
        int[] slot = new int[nodes];
        Arrays.fill(slot, -1);
        int[] stack = new int[nodes + 1];
        int sp = 0, numSlots = 0;
        for (int i = 1; i <= inputs; i++) if (lastUse[i] >= 0) slot[i] = numSlots++;
        for (int pos = 0; pos < gates; pos++) {
            int g = order[pos], node = first + g;
            // The output takes a slot before the operands free theirs: no gate writes over its
            // own operand (multi-step kernels read operands after writing the output).
            if (lastUse[node] >= 0) slot[node] = sp > 0 ? stack[--sp] : numSlots++;
            for (int e = 0, k = c.fanIn(g); e < k; e++) {
                int src = c.operand(g, e) >>> 1;
                if (src != 0 && lastUse[src] == pos) {
                    lastUse[src] = -2; // free once even if read twice by this gate
                    stack[sp++] = slot[src];
                }
            }
        }
        return new Schedule(order, new int[] {0, gates}, slot, numSlots, true);
    }
}
