package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The circuit families the command line knows by name: each maps an input length n to a circuit
 * and has an exact reference function to check it against. Until the compiler's family registry
 * ({@code dev.tc0.compile.family.Families}) is merged, the built-in ones below are TC0 constructions
 * made directly with {@link CircuitBuilder}.
 */
final class FamilyCatalog {
    /** One family: {@code build(n)} and the reference of its circuit on one input. */
    interface Family {
        String name();

        String description();

        Circuit build(int n);

        boolean[] reference(int n, boolean[] x);

        /** Null when n is fine, otherwise why not. */
        default String checkN(int n) { return n >= 1 ? null : "n must be at least 1"; }
    }

    private record Simple(String name, String description, IntFunction<Circuit> builder, Ref ref, int minN, boolean even)
            implements Family {
        @Override public Circuit build(int n) { return builder.apply(n); }

        @Override public boolean[] reference(int n, boolean[] x) { return ref.apply(n, x); }

        @Override public String checkN(int n) {
            if (n < minN) return name + " needs n >= " + minN + ", not " + n;
            if (even && n % 2 != 0) return name + " needs an even n, not " + n;
            return null;
        }
    }

    @FunctionalInterface
    interface Ref { boolean[] apply(int n, boolean[] x); }

    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

    static {
        add(new Simple("majority", "1 when more than half of the n inputs are 1: one THRESHOLD gate, depth 1",
                FamilyCatalog::majority, (n, x) -> new boolean[] {ones(x, n) * 2 > n}, 1, false));
        add(new Simple("parity", "XOR of n inputs from threshold gates: [count >= k] for every k, then an "
                + "alternating sum, depth 2", FamilyCatalog::parity, (n, x) -> new boolean[] {ones(x, n) % 2 == 1}, 1, false));
        add(new Simple("sort", "the n inputs sorted, ones first: output i is [count >= i+1], depth 1",
                FamilyCatalog::sort, (n, x) -> {
                    boolean[] y = new boolean[n];
                    int k = ones(x, n);
                    for (int i = 0; i < k; i++) y[i] = true;
                    return y;
                }, 1, false));
        add(new Simple("dyck1", "balanced brackets, 1 = '(' and 0 = ')': every prefix has no more ')' than '(' "
                + "and the counts are equal, from threshold gates, depth 2", FamilyCatalog::dyck1,
                (n, x) -> {
                    int depth = 0;
                    for (int i = 0; i < n; i++) {
                        depth += x[i] ? 1 : -1;
                        if (depth < 0) return new boolean[] {false};
                    }
                    return new boolean[] {depth == 0};
                }, 2, true));
    }

    private FamilyCatalog() {}

    private static void add(Family f) { FAMILIES.put(f.name(), f); }

    static List<Family> all() { return new ArrayList<>(FAMILIES.values()); }

    static List<String> names() { return new ArrayList<>(FAMILIES.keySet()); }

    static Family get(String name) {
        Family f = FAMILIES.get(name);
        if (f == null) {
            throw new UserException("unknown family '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return f;
    }

    /** Builds family f at n, with a one-line error when n does not suit it. */
    static Circuit build(Family f, int n) {
        String why = f.checkN(n);
        if (why != null) throw new UserException(why);
        return f.build(n);
    }

    static int ones(boolean[] x, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) if (x[i]) k++;
        return k;
    }

    private static Circuit majority(int n) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", n);
        b.output("maj", b.majority(x));
        return b.build();
    }

    private static Circuit parity(int n) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", n);
        int[] t = new int[n];
        long[] w = new long[n];
        for (int k = 1; k <= n; k++) {
            t[k - 1] = b.threshold(k, x);
            w[k - 1] = k % 2 == 1 ? 1 : -1;
        }
        // count odd <=> sum over k of (-1)^(k+1) [count >= k] = 1
        b.output("parity", b.weighted(w, t, 1));
        return b.build();
    }

    private static Circuit sort(int n) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", n);
        for (int i = 0; i < n; i++) b.output("y" + i, b.threshold(i + 1, x));
        return b.build();
    }

    private static Circuit dyck1(int n) {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", n);
        int[] ok = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            // prefix of length j: opens >= closes  <=>  ones >= ceil(j / 2)
            ok[j - 1] = b.threshold((j + 1) / 2, java.util.Arrays.copyOf(x, j));
        }
        ok[n] = CircuitBuilder.not(b.threshold(n / 2 + 1, x));   // and not more opens than closes overall
        b.output("balanced", b.and(ok));
        return b.build();
    }
}
