package dev.tc0.compile.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.testing.Planes;
import dev.tc0.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A bus gadget wrapped as a circuit: each operand enters as its p-bit code ({@link PBus#fromCode}
 * with a declared range), the result leaves both as its raw wires (sign, mag, E) and as its code
 * ({@link PBus#toCode}), so a check compares the wires with the canonical reference value and the
 * code with {@link PFloat#bits()} independently. Runs through {@link Evaluator}.
 */
final class BusHarness {
    final Precision prec;
    final Circuit circuit;
    private final int operands;
    private final int outputs;

    private BusHarness(Precision prec, Circuit circuit, int operands, int outputs) {
        this.prec = prec;
        this.circuit = circuit;
        this.operands = operands;
        this.outputs = outputs;
    }

    /** A gadget with a bus result. */
    static BusHarness ofBus(Precision prec, List<PRange> ranges, BiFunction<CircuitBuilder, List<PBus>, PBus> gadget) {
        return build(prec, ranges, (b, in) -> {
            PBus r = gadget.apply(b, in);
            int q = prec.q();
            int[] out = new int[2 * q + prec.p()];
            out[0] = r.sign();
            System.arraycopy(r.mag(), 0, out, 1, q - 1);
            System.arraycopy(r.exp(), 0, out, q, q);
            System.arraycopy(r.toCode(b), 0, out, 2 * q, prec.p());
            return out;
        });
    }

    /** A gadget with literal results. */
    static BusHarness build(Precision prec, List<PRange> ranges, BiFunction<CircuitBuilder, List<PBus>, int[]> gadget) {
        CircuitBuilder b = new CircuitBuilder();
        List<int[]> codes = new ArrayList<>();
        for (int g = 0; g < ranges.size(); g++) codes.add(b.inputs("x" + g, prec.p()));
        List<PBus> in = new ArrayList<>();
        for (int g = 0; g < ranges.size(); g++) in.add(PBus.fromCode(b, prec, codes.get(g), ranges.get(g)));
        int[] out = gadget.apply(b, in);
        b.outputs("y", out);
        return new BusHarness(prec, b.build(), ranges.size(), out.length);
    }

    int depth() {
        return circuit.depth();
    }

    /** The output bits for each row of operands. */
    List<boolean[]> run(List<PFloat[]> rows) {
        List<boolean[]> patterns = new ArrayList<>();
        for (PFloat[] row : rows) {
            if (row.length != operands) throw new IllegalArgumentException(row.length + " operands for " + operands);
            boolean[] x = new boolean[operands * prec.p()];
            for (int g = 0; g < operands; g++) {
                long code = row[g].bits();
                for (int i = 0; i < prec.p(); i++) x[g * prec.p() + i] = ((code >>> i) & 1) != 0;
            }
            patterns.add(x);
        }
        long[][] out = Evaluator.evaluate(circuit, Planes.pack(patterns, circuit.numInputs()));
        List<boolean[]> result = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            boolean[] y = new boolean[outputs];
            for (int o = 0; o < outputs; o++) y[o] = Planes.bit(out, o, r);
            result.add(y);
        }
        return result;
    }

    /** Checks a bus gadget's wires and code against the canonical reference on every row. */
    void check(List<PFloat[]> rows, Function<PFloat[], PFloat> reference) {
        List<boolean[]> out = run(rows);
        int q = prec.q(), bad = 0;
        String first = null;
        for (int r = 0; r < rows.size(); r++) {
            PFloat expected = reference.apply(rows.get(r));
            assertEquals(expected, PBus.canonical(prec, expected), "the reference returns canonical codes");
            PFloat wires = fromWires(out.get(r));
            PFloat code = prec.decode(read(out.get(r), 2 * q, prec.p()));
            if (!expected.equals(wires) || !expected.equals(code)) {
                bad++;
                if (first == null)
                    first = List.of(rows.get(r)) + ": expected " + expected + ", wires " + wires + ", code " + code;
            }
        }
        if (bad > 0) fail(bad + " of " + rows.size() + " rows wrong at p = " + prec.p() + "; first " + first);
    }

    /** Checks a one-literal gadget against a predicate. */
    void checkLiteral(List<PFloat[]> rows, Predicate<PFloat[]> reference) {
        List<boolean[]> out = run(rows);
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(
                    reference.test(rows.get(r)),
                    out.get(r)[0],
                    () -> "p = " + prec.p() + ", operands " + List.of(rows.get(0)));
        }
    }

    /** The float the raw wires (sign, mag, E) of a bus output spell; null for E out of range or a negative zero. */
    private PFloat fromWires(boolean[] y) {
        int q = prec.q();
        long mag = read(y, 1, q - 1), e = read(y, q, q);
        boolean negative = y[0];
        if (e > 2L * prec.iMax() || negative && mag == 0) return null;
        return new PFloat(prec.p(), (int) (negative ? -mag : mag), (int) (e + prec.iMin()));
    }

    static long read(boolean[] y, int from, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) if (y[from + i]) v |= 1L << i;
        return v;
    }
}
