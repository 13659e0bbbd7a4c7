package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitStats;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * A transformer compiled at one input length n: the circuit, where its inputs and outputs are, the
 * statistics per component and the build time. {@link #run} evaluates it on token sequences with
 * the batch evaluator.
 */
public final class CompiledModel {

    /**
     * Where things are. {@code tokenInput[i][t]}: the input index of "position i holds token t", or
     * -1 (BOS positions, BOS elsewhere, fixed prefix positions and tokens the {@link InputSpace}
     * does not allow are not inputs). The rest are output indices, null or -1
     * when absent: {@code accept}, {@code labelBits[i][k]}, {@code valueBits[i][k]},
     * {@code stateBits[s][i][c][k]}, {@code ambiguous}: the output that is 1 where a row compiled
     * for a unique maximum ({@code assumedRows}: layer, head, position) has a tie; the other outputs
     * equal the reference wherever it is 0.
     */
    public record Layout(
            int[][] tokenInput,
            int accept,
            int[][] labelBits,
            int[][] valueBits,
            int[][][][] stateBits,
            int ambiguous,
            List<List<Integer>> assumedRows) {
        Layout(int[][] tokenInput, int accept, int[][] labelBits, int[][] valueBits) {
            this(tokenInput, accept, labelBits, valueBits, null, -1, List.of());
        }

        Layout withStates(int[][][][] states) {
            return new Layout(tokenInput, accept, labelBits, valueBits, states, ambiguous, assumedRows);
        }

        Layout withAmbiguous(int output, List<List<Integer>> rows) {
            return new Layout(tokenInput, accept, labelBits, valueBits, stateBits, output, rows);
        }
    }

    /**
     * One input's outputs: accept (classifiers), labels per position, values per position, states;
     * ambiguous: the input is outside what the circuit is exact for (see {@link Layout}); values
     * and states are then null.
     */
    public record Result(boolean accepted, int[] labels, PFloat[] values, PFloat[][][] states, boolean ambiguous) {}

    private final Transformer model;
    private final int n, p;
    private final Circuit circuit;
    private final Layout layout;
    private final List<ComponentStats> components;
    private final long buildMillis, allocatedBytes;
    private final InputSpace inputs;

    CompiledModel(
            Transformer model,
            int n,
            int p,
            Circuit circuit,
            Layout layout,
            List<ComponentStats> components,
            long buildMillis,
            long allocatedBytes,
            InputSpace inputs) {
        this.allocatedBytes = allocatedBytes;
        this.inputs = inputs;
        this.model = model;
        this.n = n;
        this.p = p;
        this.circuit = circuit;
        this.layout = layout;
        this.components = components;
        this.buildMillis = buildMillis;
    }

    public Transformer model() {
        return model;
    }

    public int n() {
        return n;
    }

    public int precisionBits() {
        return p;
    }

    public Circuit circuit() {
        return circuit;
    }

    public Layout layout() {
        return layout;
    }

    public List<ComponentStats> components() {
        return components;
    }

    public long buildMillis() {
        return buildMillis;
    }
    /** Bytes allocated by the compiling thread (a measure of the compile's memory traffic; 0 if unknown). */
    public long allocatedBytes() {
        return allocatedBytes;
    }
    /** The token sequences the circuit was compiled for (a fixed prefix, the free positions' tokens). */
    public InputSpace inputs() {
        return inputs;
    }

    /** The circuit's input pattern for a token sequence of length n (the fixed prefix included). */
    public boolean[] encode(int[] tokens) {
        if (tokens.length != n) throw new IllegalArgumentException("expected " + n + " tokens, got " + tokens.length);
        model.config().encode(model.config().decode(tokens)); // validates BOS placement and ids
        inputs.check(model.config(), tokens);
        boolean[] x = new boolean[circuit.numInputs()];
        for (int i = 0; i < n; i++) {
            int at = layout.tokenInput()[i][tokens[i]];
            if (at >= 0) x[at] = true;
        }
        return x;
    }

    /** Input planes for the batch evaluator: bit b of word w of plane k is input k of word 64w + b. */
    public long[][] planes(List<int[]> words) {
        long[][] planes = new long[circuit.numInputs()][(words.size() + 63) >>> 6];
        for (int w = 0; w < words.size(); w++) {
            boolean[] x = encode(words.get(w));
            for (int k = 0; k < x.length; k++) if (x[k]) planes[k][w >>> 6] |= 1L << (w & 63);
        }
        return planes;
    }

    /**
     * Planes of {@code patterns} patterns that repeat the given words (in whole 64-word blocks:
     * {@code words.size()} should be a multiple of 64): valid inputs for timing a large batch.
     */
    public long[][] planes(List<int[]> words, long patterns) {
        long[][] block = planes(words);
        int length = Math.toIntExact((patterns + 63) >>> 6);
        long[][] planes = new long[block.length][length];
        for (int i = 0; i < block.length; i++) {
            for (int w = 0; w < length; w++) planes[i][w] = block[i][w % block[i].length];
        }
        return planes;
    }

    /** Evaluates the circuit on every word (batch evaluator) and decodes the outputs. */
    public List<Result> run(List<int[]> words) {
        long[][] out;
        if (circuit.numInputs() == 0) { // a constant circuit (e.g. n = 1 with BOS): the batch evaluator needs a plane
            boolean[] y = circuit.evaluate(new boolean[0]);
            out = new long[y.length][(words.size() + 63) >>> 6];
            for (int o = 0; o < y.length; o++) if (y[o]) java.util.Arrays.fill(out[o], -1L);
        } else {
            out = Evaluator.evaluate(circuit, planes(words));
        }
        List<Result> results = new ArrayList<>(words.size());
        Precision prec = Precision.of(p);
        for (int w = 0; w < words.size(); w++) results.add(decode(out, w, prec));
        return results;
    }

    private static boolean bit(long[][] out, int o, int w) {
        return ((out[o][w >>> 6] >>> (w & 63)) & 1) != 0;
    }

    private static long number(long[][] out, int[] bits, int w) {
        long v = 0;
        for (int k = 0; k < bits.length; k++) if (bit(out, bits[k], w)) v |= 1L << k;
        return v;
    }

    private Result decode(long[][] out, int w, Precision prec) {
        boolean accepted = layout.accept() >= 0 && bit(out, layout.accept(), w);
        boolean ambiguous = layout.ambiguous() >= 0 && bit(out, layout.ambiguous(), w);
        int[] labels = null;
        if (layout.labelBits() != null) {
            labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = (int) number(out, layout.labelBits()[i], w);
        }
        // where a row compiled for a unique maximum ties, values and states are unspecified (a
        // selection with no winner reads all zero bits, which is not even a p-precision code)
        PFloat[] values = null;
        if (layout.valueBits() != null && !ambiguous) {
            values = new PFloat[n];
            for (int i = 0; i < n; i++) values[i] = prec.decode(number(out, layout.valueBits()[i], w));
        }
        PFloat[][][] states = null;
        if (layout.stateBits() != null && !ambiguous) {
            int[][][][] sb = layout.stateBits();
            states = new PFloat[sb.length][n][];
            for (int st = 0; st < sb.length; st++) {
                for (int i = 0; i < n; i++) {
                    states[st][i] = new PFloat[sb[st][i].length];
                    for (int d = 0; d < sb[st][i].length; d++)
                        states[st][i][d] = prec.decode(number(out, sb[st][i][d], w));
                }
            }
        }
        return new Result(accepted, labels, values, states, ambiguous);
    }

    /** Depth, gates, precision, build time. */
    public String summary() {
        return String.format(
                "%s n=%d p=%d: depth %d, %d gates, %d edges, built in %d ms, %d MB allocated",
                model.name(),
                n,
                p,
                circuit.depth(),
                circuit.numGates(),
                circuit.numEdges(),
                buildMillis,
                allocatedBytes >> 20);
    }

    /** The component table: gates added and depth reached, one line each. */
    public String componentTable() {
        StringBuilder sb = new StringBuilder();
        for (ComponentStats c : components) {
            sb.append(String.format(
                    "  %-32s %10d gates %12d edges  depth %3d%n", c.label(), c.gates(), c.edges(), c.depthReached()));
        }
        return sb.toString();
    }

    public CircuitStats circuitStats() {
        return CircuitStats.of(circuit);
    }
}
