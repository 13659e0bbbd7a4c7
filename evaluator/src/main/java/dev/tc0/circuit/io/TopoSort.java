package dev.tc0.circuit.io;

/**
 * Orders definitions so that each comes after the definitions it reads, for formats that let a
 * signal be used before it is defined (BLIF, bench, ASCII AIGER). Iterative depth-first search:
 * real circuits are thousands of levels deep, far beyond what the call stack holds. A file already
 * in order comes out in file order.
 */
final class TopoSort {
    private TopoSort() {}

    /** Thrown when the definitions contain a cycle; {@link #definition} lies on it. */
    static final class CycleException extends Exception {
        private static final long serialVersionUID = 1L;
        final int definition;

        CycleException(int definition) {
            super(null, null, false, false);
            this.definition = definition;
        }
    }

    /**
     * @param defs      number of definitions
     * @param start     CSR offsets: definition d reads signals {@code fanin[start[d] .. start[d+1])}
     * @param fanin     signal ids
     * @param defOf     per signal, the definition that drives it, or a negative value for signals
     *                  driven by no definition (inputs, constants)
     * @return the definitions in an order where every definition follows those it reads
     */
    static int[] order(int defs, int[] start, int[] fanin, int[] defOf) throws CycleException {
        final byte NEW = 0, OPEN = 1, DONE = 2;
        byte[] state = new byte[defs];
        int[] order = new int[defs];
        int emitted = 0;
        int[] stack = new int[16];
        int[] next = new int[16]; // per stack entry, the next fan-in position to visit
        for (int root = 0; root < defs; root++) {
            if (state[root] != NEW) continue;
            int sp = 0;
            stack[0] = root;
            next[0] = start[root];
            state[root] = OPEN;
            while (sp >= 0) {
                int d = stack[sp];
                int e = next[sp];
                if (e < start[d + 1]) {
                    next[sp] = e + 1;
                    int s = fanin[e];
                    int u = defOf[s];
                    if (u < 0 || state[u] == DONE) continue;
                    if (state[u] == OPEN) throw new CycleException(u);
                    if (++sp == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, sp * 2);
                        next = java.util.Arrays.copyOf(next, sp * 2);
                    }
                    stack[sp] = u;
                    next[sp] = start[u];
                    state[u] = OPEN;
                } else {
                    state[d] = DONE;
                    order[emitted++] = d;
                    sp--;
                }
            }
        }
        return order;
    }
}
