package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import java.util.Locale;

/**
 * The size of a family's circuit at a large n, foreseen before building it: a user may name any
 * n, and {@code --family parity --n 1000000000} used to fill the heap for a minute before an
 * OutOfMemoryError. The families grow polynomially, so two small builds (n = a and 2a) give the
 * exponent of the growth, and the size at n is extrapolated from the larger. Measured against real
 * builds, the estimate is within 0.85 to 1.15 of every family's size at n = 4a and within 0.66 to
 * 1.43 at 8a (FamilySizeTest checks the first). It refuses only sizes past tc0's hard limits
 * (2^30 nodes, 2^31 edges) or past the heap, far beyond where such an error matters; a size it
 * underestimates near the heap's end meets the last-resort out-of-memory line instead.
 */
final class FamilySize {
    /** Builds up to this n are just made; the estimate is for sizes past it. */
    static final int DIRECT = 256;
    /** Heap bytes a builder holds per node and edge, at the least (arrays, structural hashing). */
    static final double BYTES_PER_ELEMENT = 12;

    static final double MAX_NODES = 1 << 30, MAX_EDGES = 2.0 * (1 << 30);

    private FamilySize() {}

    /** Throws a one-line UserException naming --n when the circuit at n cannot be built here. */
    static void check(CircuitFamily f, int n) {
        if (n <= DIRECT) return;
        int a = Math.max(f.minSize(), 16), b = 2 * a;
        if (n <= 4 * b) return;
        Circuit ca = f.build(a), cb = f.build(b);
        double nodes = extrapolate(ca.numNodes(), cb.numNodes(), b, n);
        double edges = extrapolate(ca.numEdges(), cb.numEdges(), b, n);
        String at = "--n " + n + ": " + f.name() + " would have about " + sci(nodes) + " nodes and " + sci(edges)
                + " edges";
        if (nodes > MAX_NODES || edges > MAX_EDGES) {
            throw new UserException(at + ", past tc0's limits (2^30 nodes, 2^31 edges); use a smaller --n");
        }
        double bytes = (nodes + edges) * BYTES_PER_ELEMENT,
                heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new UserException(at + ", needing about " + sci(bytes / (1 << 30)) + " GiB, more than the heap ("
                    + sci(heap / (1 << 30))
                    + " GiB): use a smaller --n or raise the heap with TC0_JAVA_OPTS=-Xmx<size>");
        }
    }

    /** size(b) * (n / b)^k, with k the growth exponent from a = b/2 to b (at least 1: size grows with n). */
    static double extrapolate(double atA, double atB, int b, int n) {
        double k = Math.max(1, Math.log(Math.max(atB, 1) / Math.max(atA, 1)) / Math.log(2));
        return Math.max(atB, 1) * Math.pow((double) n / b, k);
    }

    private static String sci(double x) {
        return String.format(Locale.ROOT, "%.2g", x);
    }
}
