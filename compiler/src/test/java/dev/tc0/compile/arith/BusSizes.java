package dev.tc0.compile.arith;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Prints the depth, gates and edges of each bus gadget by p, as the table in src/docs/gadgets.md
 * (operands enter as raw bus wires, so conversions are not counted). Run it from the test
 * classpath: {@code java -cp ... dev.tc0.compile.arith.BusSizes}.
 */
public final class BusSizes {
    private BusSizes() {}

    record Row(String name, BiFunction<CircuitBuilder, List<PBus>, int[]> gadget, List<PRange> ranges) {}

    /** The circuit of a gadget whose operands are input wires with the given ranges. */
    static Circuit circuit(Precision prec, List<PRange> ranges, BiFunction<CircuitBuilder, List<PBus>, int[]> gadget) {
        CircuitBuilder b = new CircuitBuilder();
        int q = prec.q();
        List<int[]> wires = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) wires.add(b.inputs("x" + i, 2 * q));
        List<PBus> in = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            int[] w = wires.get(i);
            in.add(new PBus(
                    prec,
                    w[0],
                    java.util.Arrays.copyOfRange(w, 1, q),
                    java.util.Arrays.copyOfRange(w, q, 2 * q),
                    ranges.get(i)));
        }
        b.outputs("y", gadget.apply(b, in));
        return b.build();
    }

    static int[] wires(PBus x) {
        int q = x.prec().q();
        int[] r = new int[2 * q];
        r[0] = x.sign();
        System.arraycopy(x.mag(), 0, r, 1, q - 1);
        System.arraycopy(x.exp(), 0, r, q, q);
        return r;
    }

    static List<Row> rows(Precision prec) {
        PRange full = PRange.full(prec);
        int centre = prec.iMax();
        PRange window = new PRange(true, true, true, centre - 4, centre + 3);
        List<Row> rows = new ArrayList<>();
        rows.add(
                new Row("multiply", (b, in) -> wires(Products.multiply(b, in.get(0), in.get(1))), List.of(full, full)));
        rows.add(new Row("divide", (b, in) -> wires(Products.divide(b, in.get(0), in.get(1))), List.of(full, full)));
        rows.add(new Row("divide by 3", (b, in) -> wires(Products.divide(b, in.get(0), 3)), List.of(full)));
        for (int k : new int[] {2, 8, 40}) {
            rows.add(new Row("sum of " + k, (b, in) -> wires(Sums.sum(b, prec, in)), Collections.nCopies(k, full)));
        }
        for (int k : new int[] {8, 40}) {
            rows.add(new Row(
                    "sum of " + k + ", E in 8 values",
                    (b, in) -> wires(Sums.sum(b, prec, in)),
                    Collections.nCopies(k, window)));
        }
        rows.add(new Row(
                "atLeast", (b, in) -> new int[] {Order.atLeast(b, in.get(0), in.get(1))}, List.of(full, full)));
        rows.add(new Row("argmax of 8", (b, in) -> Order.argmax(b, in), Collections.nCopies(8, full)));
        rows.add(new Row("toCode", (b, in) -> in.get(0).toCode(b), List.of(full)));
        rows.add(new Row("fromCode", (b, in) -> wires(PBus.fromCode(b, prec, wires(in.get(0)), full)), List.of(full)));
        return rows;
    }

    public static void main(String[] args) {
        int[] ps = {8, 12, 16};
        StringBuilder head = new StringBuilder("| gadget |"), rule = new StringBuilder("|---|");
        for (int p : ps) {
            head.append(" p = ").append(p).append(" |");
            rule.append("---|");
        }
        System.out.println("depth / gates / edges\n\n" + head + "\n" + rule);
        int n = rows(Precision.of(8)).size();
        for (int r = 0; r < n; r++) {
            StringBuilder line =
                    new StringBuilder("| `" + rows(Precision.of(8)).get(r).name() + "` |");
            for (int p : ps) {
                Precision prec = Precision.of(p);
                Row row = rows(prec).get(r);
                Circuit c = circuit(prec, row.ranges(), row.gadget());
                line.append(' ')
                        .append(c.depth())
                        .append(" / ")
                        .append(c.numGates())
                        .append(" / ")
                        .append(c.numEdges())
                        .append(" |");
            }
            System.out.println(line);
        }
    }
}
