package dev.tc0.spark;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.CircuitFormatException;
import dev.tc0.circuit.io.Tc0Binary;
import dev.tc0.eval.EvalPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The circuit as it travels (the {@code .tc0} bytes, broadcast once) and, on each executor, its
 * plan built once per JVM rather than once per task: an executor runs many tasks of one job.
 */
final class PlanCache {
    /** Plans of the last few broadcasts: a long-lived executor serves several jobs. */
    private static final int KEEP = 4;

    private static final Map<Long, EvalPlan> PLANS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, EvalPlan> e) {
            return size() > KEEP;
        }
    };

    private PlanCache() {}

    /** The circuit in tc0's binary format, what the driver broadcasts. */
    static byte[] bytes(Circuit c) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            Tc0Binary.write(c, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static Circuit circuit(byte[] tc0) {
        try {
            return Tc0Binary.read(tc0, "<broadcast circuit>");
        } catch (CircuitFormatException e) {
            throw new IllegalStateException("the broadcast circuit does not load: " + e.getMessage(), e);
        }
    }

    /** The plan of broadcast {@code id}, built from {@code tc0} on first use in this JVM. */
    static synchronized EvalPlan plan(long id, byte[] tc0) {
        return PLANS.computeIfAbsent(id, k -> EvalPlan.of(circuit(tc0)));
    }
}
