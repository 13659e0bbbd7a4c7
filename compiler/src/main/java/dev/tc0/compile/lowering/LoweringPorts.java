package dev.tc0.compile.lowering;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.OutputMode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What both lowerings (value sets and the arithmetic route) build the same way around the forward
 * pass: the token inputs, the rows a layer must build, the exposed residual states and the
 * per-component statistics.
 */
final class LoweringPorts {
    private LoweringPorts() {}

    /**
     * The circuit's inputs: a fixed position (BOS, a prefix) holds one known token and has no
     * inputs; a free one has an input per allowed token. {@code tokenInput[i][t]} is the input index
     * or -1, {@code tokLits[i][t]} its literal.
     */
    record TokenInputs(int[][] allowed, int fixed, int[][] tokenInput, int[][] tokLits) {
        static TokenInputs declare(CircuitBuilder b, TransformerLowering.Options options, ModelConfig c, int n) {
            int[][] allowed = options.inputs().allowed(c, n);
            int fixed = options.inputs().fixedLength(c);
            int[][] tokenInput = new int[n][c.vocab().size()];
            int[][] tokLits = new int[n][c.vocab().size()];
            for (int i = 0; i < n; i++) {
                Arrays.fill(tokenInput[i], -1);
                if (i < fixed) continue;
                for (int t : allowed[i]) {
                    tokenInput[i][t] = b.numInputs();
                    tokLits[i][t] = b.input("tok[" + i + "][" + t + "]");
                }
            }
            return new TokenInputs(allowed, fixed, tokenInput, tokLits);
        }

        /** Position i's token minterms, one per allowed token (TRUE where the position is fixed or has one token). */
        int[] minterms(int i) {
            int[] tokens = allowed[i];
            int[] lits = new int[tokens.length];
            for (int k = 0; k < lits.length; k++) {
                lits[k] = i < fixed || tokens.length == 1 ? Literal.TRUE : tokLits[i][tokens[k]];
            }
            return lits;
        }
    }

    /** The positions layer l must build: all, except in a classifier's last layer only the one the output reads. */
    static boolean[] rows(ModelConfig c, TransformerLowering.Options options, int l, int n) {
        boolean[] rows = new boolean[n];
        boolean last = l == c.numLayers() - 1
                && !options.exposeStates()
                && c.outputMode().isClassifier();
        for (int i = 0; i < n; i++) rows[i] = !last || i == (c.outputMode() == OutputMode.CLASSIFY_FIRST ? 0 : n - 1);
        return rows;
    }

    /** Outputs {@code h[s][i][c][b]}: every residual coordinate after every stage, as the bits {@code code} gives. */
    static <T> int[][][][] exposeStates(
            CircuitBuilder b, List<List<List<T>>> states, int n, int dModel, Function<T, int[]> code) {
        int[][][][] stateOut = new int[states.size()][n][dModel][];
        for (int st = 0; st < states.size(); st++) {
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dModel; d++) {
                    int[] bits = code.apply(states.get(st).get(i).get(d));
                    stateOut[st][i][d] = new int[bits.length];
                    for (int k = 0; k < bits.length; k++) {
                        stateOut[st][i][d][k] = b.numOutputs();
                        b.output("h[" + st + "][" + i + "][" + d + "][" + k + "]", bits[k]);
                    }
                }
            }
        }
        return stateOut;
    }

    /** Adds a component's statistics, merged into an earlier entry of the same layer and name. */
    static void record(List<ComponentStats> stats, ComponentStats add) {
        for (int k = 0; k < stats.size(); k++) {
            ComponentStats o = stats.get(k);
            if (o.layer() == add.layer() && o.name().equals(add.name())) {
                stats.set(
                        k,
                        new ComponentStats(
                                o.layer(),
                                o.name(),
                                o.gates() + add.gates(),
                                o.edges() + add.edges(),
                                Math.max(o.depthReached(), add.depthReached())));
                return;
            }
        }
        stats.add(add);
    }
}
