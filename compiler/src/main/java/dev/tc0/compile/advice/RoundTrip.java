package dev.tc0.compile.advice;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.ScalarLowering;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * The way back (Theorem 1 applied to the advice transformer): per output, the transformer compiled
 * at n = |advice| + inputs with the advice fixed and every other position a bit, then those
 * circuits joined into one whose inputs are the original circuit's inputs, in order, and whose
 * outputs are its outputs. Free position i holds "1" exactly when input i - |advice| is 1, so the
 * one-hot inputs tok[i][1] and tok[i][0] become x and ¬x.
 *
 * <p>Each compiled circuit also has an {@code ambiguous} output (CvpModel declares its selection
 * heads unique): {@link #checked} keeps those as extra outputs, which must be 0 on every input.
 */
public final class RoundTrip {
    private final AdviceTransformer at;
    private final List<CompiledModel> compiled;

    private RoundTrip(AdviceTransformer at, List<CompiledModel> compiled) {
        this.at = at;
        this.compiled = compiled;
    }

    /** Compiles every output's transformer with its advice fixed; LoweringLimitException past the limits. */
    public static RoundTrip compile(AdviceTransformer at, ScalarLowering.Limits limits) {
        List<CompiledModel> compiled = new ArrayList<>();
        for (int o = 0; o < at.advice().size(); o++) {
            int n = at.advice().get(o).length();
            compiled.add(TransformerLowering.compile(
                    at.model(), n, new TransformerLowering.Options(limits, false).withInputs(at.inputSpace(o))));
        }
        return new RoundTrip(at, List.copyOf(compiled));
    }

    public List<CompiledModel> compiled() {
        return compiled;
    }

    /** The round-trip circuit: the original's inputs and outputs, names included. */
    public Circuit circuit() {
        return join(false);
    }

    /** The round-trip circuit with one more output per original output: its compile's {@code ambiguous}. */
    public Circuit checked() {
        return join(true);
    }

    private Circuit join(boolean withAmbiguous) {
        Circuit c = at.circuit();
        CircuitBuilder b = new CircuitBuilder();
        int[] x = new int[c.numInputs()];
        for (int i = 0; i < x.length; i++) x[i] = b.input(c.inputName(i));
        List<Integer> ambiguous = new ArrayList<>();
        List<String> vocab = at.model().config().vocab();
        int zero = vocab.indexOf("0"), one = vocab.indexOf("1");
        for (int o = 0; o < compiled.size(); o++) {
            CompiledModel cm = compiled.get(o);
            int fixed = at.advice().get(o).tokens().size();
            int[] lits = new int[cm.circuit().numInputs()];
            int[][] tokenInput = cm.layout().tokenInput();
            for (int i = fixed; i < cm.n(); i++) {
                lits[tokenInput[i][one]] = x[i - fixed];
                lits[tokenInput[i][zero]] = Literal.not(x[i - fixed]);
            }
            int[] outs = b.embed(cm.circuit(), lits);
            b.output(c.outputName(o), outs[cm.layout().accept()]);
            ambiguous.add(cm.layout().ambiguous() >= 0 ? outs[cm.layout().ambiguous()] : Literal.FALSE);
        }
        if (withAmbiguous)
            for (int o = 0; o < ambiguous.size(); o++) b.output("ambiguous " + c.outputName(o), ambiguous.get(o));
        return b.build();
    }

    /**
     * The round trip against the original on the given inputs, with the batch evaluator: every
     * output equal and no {@code ambiguous} raised. Returns null, or the first disagreement.
     */
    public String check(List<boolean[]> inputs) {
        Circuit original = at.circuit(), rt = checked();
        long[][] planes = planes(inputs, original.numInputs());
        long[][] want = Evaluator.evaluate(original, planes), got = Evaluator.evaluate(rt, planes);
        int k = original.numOutputs();
        for (int w = 0; w < inputs.size(); w++) {
            for (int o = 0; o < k; o++) {
                boolean g = bit(got[o], w), v = bit(want[o], w);
                String at = "on input " + CheckInputs.bits(inputs.get(w)) + " output " + o + " ("
                        + original.outputName(o) + ")";
                if (bit(got[k + o], w)) return at + ": the round trip raises 'ambiguous' (a selection head tied)";
                if (g != v) return at + ": the round trip gives " + (g ? 1 : 0) + ", the original " + (v ? 1 : 0);
            }
        }
        return null;
    }

    private static boolean bit(long[] plane, int w) {
        return (plane[w >>> 6] >>> (w & 63) & 1) != 0;
    }

    private static long[][] planes(List<boolean[]> inputs, int width) {
        long[][] p = new long[width][(inputs.size() + 63) >>> 6];
        for (int w = 0; w < inputs.size(); w++) {
            boolean[] x = inputs.get(w);
            for (int i = 0; i < width; i++) if (x[i]) p[i][w >>> 6] |= 1L << (w & 63);
        }
        return p;
    }
}
