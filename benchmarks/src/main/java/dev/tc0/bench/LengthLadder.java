package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.family.Families;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which families the length benchmark runs, and up to which n. Each TC0 family sits beside its
 * sequential construction of the same function. n climbs 16, 64, 256, 1024, 4096 and stops
 * where the circuit gets too large to build and evaluate in seconds: the caps below come from
 * building every rung (edges, build time on this machine) and are stated in the report.
 *
 * <p>A rung is named {@code family/n}, the form the benchmark's parameter takes.
 */
public final class LengthLadder {
    public static final int[] N = {16, 64, 256, 1024, 4096};

    /**
     * Largest n per family, in report order. The reason for each cap is the next rung's size:
     * parity/count 4096: 16.8M edges; dyck1 4096: 8.4M; add 1024: 180M edges, 54 s to build;
     * iterated-add 256: 65536 inputs, 146M edges; sort 256: 19.6M edges; multiply 256: 113M;
     * iterated-add-ripple 256: 65536 input planes (0.5 GB per 2^16 patterns); sort-network 1024:
     * 35M gates, 111 s; multiply-ripple 1024: 3.1M gates, 5 s to build.
     */
    static final Map<String, Integer> MAX_N = caps();

    /**
     * Compiled transformers go here when the compiler lands ({@code dev.tc0.compile.transformer}):
     * add their rungs as {@code transformer-NAME/n} and a branch in {@link #circuit}.
     */
    static final List<String> TRANSFORMERS = List.of();

    private LengthLadder() {}

    private static Map<String, Integer> caps() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("majority", 4096);
        m.put("majority-chain", 4096);
        m.put("parity", 1024);
        m.put("parity-chain", 4096);
        m.put("count", 1024);
        m.put("count-chain", 4096);
        m.put("dyck1", 1024);
        m.put("dyck1-chain", 4096);
        m.put("add", 256);
        m.put("ripple-add", 4096);
        m.put("iterated-add", 64);
        m.put("iterated-add-ripple", 64);
        m.put("sort", 64);
        m.put("sort-network", 256);
        m.put("multiply", 64);
        m.put("multiply-ripple", 256);
        return m;
    }

    /** Every rung, {@code family/n}, families in report order and n ascending. */
    public static List<String> rungs() {
        List<String> r = new ArrayList<>();
        MAX_N.forEach((f, max) -> {
            for (int n : N) if (n <= max && n >= Families.byName(f).minSize()) r.add(f + "/" + n);
        });
        return r;
    }

    public static String family(String rung) {
        return rung.substring(0, rung.indexOf('/'));
    }

    public static int n(String rung) {
        return Integer.parseInt(rung.substring(rung.indexOf('/') + 1));
    }

    public static CircuitFamily familyOf(String rung) {
        return Families.byName(family(rung));
    }

    public static Circuit circuit(String rung) {
        return familyOf(rung).build(n(rung));
    }
}
