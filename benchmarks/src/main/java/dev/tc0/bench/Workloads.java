package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.util.SplittableRandom;

/** The circuits the benchmarks run, built by name; the benchmark module's tests check each. */
public final class Workloads {
    private Workloads() {}

    public static Circuit circuit(String name) {
        return switch (name) {
            case "random2-30k" -> random2(30_000, 1);
            case "majority-wide" -> majorities(256, 2000, 63, 2);
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    /**
     * {@code gates} two-input AND/OR/XOR gates over 128 inputs. The first operand is the oldest
     * node nobody has read yet (when one is within the last 1000 nodes), the second any of the
     * last 1000: so nearly every gate feeds another, as in a real netlist, and the dangling
     * remainder become the outputs.
     */
    public static Circuit random2(int gates, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder();
        int inputs = 128, window = 1000;
        int[] node = new int[inputs + gates];
        for (int i = 0; i < inputs; i++) node[i] = b.input("x" + i);
        boolean[] read = new boolean[inputs + gates];
        int n = inputs, oldestUnread = 0;
        while (n < inputs + gates) {
            while (oldestUnread < n && (read[oldestUnread] || oldestUnread < n - window)) oldestUnread++;
            int i = oldestUnread < n && r.nextInt(4) != 0 ? oldestUnread : n - 1 - r.nextInt(Math.min(n, window));
            int j = n - 1 - r.nextInt(Math.min(n, window));
            int x = node[i] ^ r.nextInt(2), y = node[j] ^ r.nextInt(2);
            int kind = r.nextInt(4);
            int lit = kind == 3 ? b.xor(x, y) : kind == 2 ? b.or(x, y) : b.and(x, y);
            if (lit >>> 1 <= 128 || lit >>> 1 < b.numNodes() - 1) continue; // folded or already built
            read[i] = read[j] = true;
            node[n++] = lit;
        }
        for (int k = inputs; k < n; k++) if (!read[k]) b.output("y" + k, node[k]);
        return b.build();
    }

    /** {@code count} majority gates of fan-in {@code k} over random literals of the inputs, two layers. */
    public static Circuit majorities(int inputs, int count, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", inputs);
        int[] first = new int[count];
        for (int g = 0; g < count; g++) {
            int[] ops = new int[k];
            for (int i = 0; i < k; i++) ops[i] = x[r.nextInt(inputs)] ^ r.nextInt(2);
            first[g] = b.majority(ops);
        }
        for (int g = 0; g < count / 8; g++) {
            int[] ops = new int[k];
            for (int i = 0; i < k; i++) ops[i] = first[r.nextInt(count)] ^ r.nextInt(2);
            b.output("y" + g, b.majority(ops));
        }
        return b.build();
    }
}
