package dev.tc0.compile.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.eval.Evaluator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A gadget wrapped as a circuit over numbers: inputs are groups of given widths, outputs are the
 * groups the gadget returns. Checks run the circuit through {@link Evaluator} and compare every
 * pattern with a reference over BigIntegers; reference results are taken modulo {@code 2^width}
 * of their output group, so a signed reference may return negative values (two's complement).
 */
public final class NumberCircuit {
    private final int[] inWidths;
    private final int[] outWidths;
    private final Circuit circuit;

    private NumberCircuit(int[] inWidths, int[] outWidths, Circuit circuit) {
        this.inWidths = inWidths;
        this.outWidths = outWidths;
        this.circuit = circuit;
    }

    public static NumberCircuit of(int[] inWidths, BiFunction<CircuitBuilder, int[][], int[][]> gadget) {
        CircuitBuilder b = new CircuitBuilder();
        int[][] in = new int[inWidths.length][];
        for (int g = 0; g < inWidths.length; g++) in[g] = b.inputs("x" + g, inWidths[g]);
        int[][] out = gadget.apply(b, in);
        int[] outWidths = new int[out.length];
        for (int g = 0; g < out.length; g++) {
            b.outputs("y" + g, out[g]);
            outWidths[g] = out[g].length;
        }
        return new NumberCircuit(inWidths.clone(), outWidths, b.build());
    }

    /** A gadget with one output group. */
    public static NumberCircuit single(int[] inWidths, BiFunction<CircuitBuilder, int[][], int[]> gadget) {
        return of(inWidths, (b, in) -> new int[][] {gadget.apply(b, in)});
    }

    public Circuit circuit() {
        return circuit;
    }

    public int depth() {
        return circuit.depth();
    }

    public int gates() {
        return circuit.numGates();
    }

    /** Every input pattern (at most 22 input bits). Returns the number of patterns checked. */
    public int checkExhaustive(Function<BigInteger[], BigInteger[]> reference) {
        int inputs = circuit.numInputs();
        return check(Planes.exhaustive(inputs), 1 << inputs, reference);
    }

    /** Uniformly random patterns. */
    public int checkRandom(int patterns, RandomGenerator rnd, Function<BigInteger[], BigInteger[]> reference) {
        return check(Planes.random(circuit.numInputs(), patterns, rnd), patterns, reference);
    }

    /** Patterns whose input numbers come from a sampler (for instance equal or nearby operands). */
    public int checkSampled(
            int patterns, Function<int[], BigInteger[]> sampler, Function<BigInteger[], BigInteger[]> reference) {
        List<boolean[]> list = new ArrayList<>(patterns);
        for (int p = 0; p < patterns; p++) list.add(toBits(sampler.apply(inWidths)));
        return check(Planes.pack(list, circuit.numInputs()), patterns, reference);
    }

    /** Every input pattern, checking a relation between inputs and outputs rather than a value. */
    public int checkExhaustiveRelation(BiPredicate<BigInteger[], BigInteger[]> holds) {
        int inputs = circuit.numInputs();
        return check(Planes.exhaustive(inputs), 1 << inputs, holds);
    }

    private int check(long[][] planes, int patterns, Function<BigInteger[], BigInteger[]> reference) {
        return check(planes, patterns, (in, actual) -> {
            BigInteger[] expected = reference.apply(in);
            for (int g = 0; g < outWidths.length; g++) {
                if (!expected[g].mod(BigInteger.ONE.shiftLeft(outWidths[g])).equals(actual[g])) return false;
            }
            return true;
        });
    }

    private int check(long[][] planes, int patterns, BiPredicate<BigInteger[], BigInteger[]> holds) {
        long[][] outPlanes = Evaluator.evaluate(circuit, planes);
        int mismatches = 0;
        String first = null;
        for (int p = 0; p < patterns; p++) {
            BigInteger[] in = groups(planes, inWidths, p);
            BigInteger[] actual = groups(outPlanes, outWidths, p);
            if (!holds.test(in, actual)) {
                mismatches++;
                if (first == null) first = "inputs " + List.of(in) + " gave outputs " + List.of(actual);
            }
        }
        if (mismatches > 0) fail(mismatches + " of " + patterns + " patterns are wrong; first: " + first);
        return patterns;
    }

    private boolean[] toBits(BigInteger[] values) {
        boolean[] x = new boolean[circuit.numInputs()];
        int i = 0;
        for (int g = 0; g < inWidths.length; g++) {
            for (int j = 0; j < inWidths[g]; j++) x[i++] = values[g].testBit(j);
        }
        return x;
    }

    private static BigInteger[] groups(long[][] planes, int[] widths, int p) {
        BigInteger[] v = new BigInteger[widths.length];
        int i = 0;
        for (int g = 0; g < widths.length; g++) {
            BigInteger x = BigInteger.ZERO;
            for (int j = 0; j < widths[g]; j++, i++) if (Planes.bit(planes, i, p)) x = x.setBit(j);
            v[g] = x;
        }
        return v;
    }

    /** Reads a two's-complement value of the given width. */
    public static BigInteger signed(BigInteger unsigned, int width) {
        return unsigned.testBit(width - 1) ? unsigned.subtract(BigInteger.ONE.shiftLeft(width)) : unsigned;
    }
}
