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

    /** How far a family's ladder goes, and why it stops there (what the next rung would cost). */
    public record Cap(int maxN, String reason) {}

    /** Caps per family, in report order, each TC0 family before its sequential twin. */
    public static final Map<String, Cap> CAPS = caps();

    private LengthLadder() {}

    /** Sizes of the first rung left out come from building it once on the project's machine. */
    private static Map<String, Cap> caps() {
        Map<String, Cap> m = new LinkedHashMap<>();
        m.put("majority", new Cap(4096, "top of the ladder"));
        m.put("majority-chain", new Cap(4096, "top of the ladder"));
        m.put("parity", new Cap(1024, "n = 4096: 16.8M edges, 6 s to build"));
        m.put("parity-chain", new Cap(4096, "top of the ladder"));
        m.put("count", new Cap(1024, "n = 4096: 16.8M edges"));
        m.put("count-chain", new Cap(4096, "top of the ladder"));
        m.put("dyck1", new Cap(1024, "n = 4096: 8.4M edges"));
        m.put("dyck1-chain", new Cap(4096, "top of the ladder"));
        m.put("add", new Cap(256, "n = 1024: 180M edges, 54 s to build"));
        m.put("ripple-add", new Cap(4096, "top of the ladder"));
        m.put("iterated-add", new Cap(64, "n = 256: 65536 inputs, 146M edges, 47 s to build"));
        m.put("iterated-add-ripple", new Cap(64, "n = 256: 65536 input planes, 0.5 GB per batch"));
        m.put("sort", new Cap(64, "n = 256: 19.6M edges, 10 s to build"));
        m.put("sort-network", new Cap(256, "n = 1024: 35M gates, 111 s to build"));
        m.put("multiply", new Cap(64, "n = 256: 113M edges, 18 s to build"));
        m.put("multiply-ripple", new Cap(256, "n = 1024: 3.1M gates, 8.4M edges"));
        return m;
    }

    /** Every rung, {@code family/n}, families in report order and n ascending. */
    public static List<String> rungs() {
        List<String> r = new ArrayList<>();
        CAPS.forEach((f, cap) -> {
            for (int n : N) if (n <= cap.maxN() && n >= Families.byName(f).minSize()) r.add(f + "/" + n);
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
