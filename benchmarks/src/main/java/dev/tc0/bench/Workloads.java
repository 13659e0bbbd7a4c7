package dev.tc0.bench;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;

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

    /** About {@code gates} two-input AND/XOR gates over 128 inputs, random wiring. */
    public static Circuit random2(int gates, long seed) {
        return RandomCircuits.generate(new RandomCircuits.Spec(128, gates, 128, 2,
                new GateKind[] {GateKind.AND, GateKind.AND, GateKind.OR, GateKind.XOR}, 0, false), seed);
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
