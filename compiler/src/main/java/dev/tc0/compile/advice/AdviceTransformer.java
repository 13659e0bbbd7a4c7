package dev.tc0.compile.advice;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.lowering.InputSpace;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.CvpModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Corollaries 3.1 and 3.2 for one circuit: the instruction-following transformer of Lemma 3
 * ({@link CvpModel}) and, per output, the advice that makes it compute that output. The
 * transformer reads advice ‖ x (the output's {@link ThresholdForm}, then the circuit's input bits)
 * and accepts exactly when the output is 1 on x.
 *
 * <p>A circuit with several outputs gets one advice per output and a single model that serves
 * them all: built for the deepest output's threshold depth and the longest advice ‖ x (CvpModel
 * reads any shorter sequence and any shallower circuit correctly).
 */
public final class AdviceTransformer {
    private final Circuit circuit;
    private final List<ThresholdForm> advice;
    private final Transformer model;

    private AdviceTransformer(Circuit circuit, List<ThresholdForm> advice, Transformer model) {
        this.circuit = circuit;
        this.advice = advice;
        this.model = model;
    }

    /**
     * Builds the advice and the model. IllegalArgumentException (one line) when the circuit has no
     * input or no output, or an advice ‖ x is longer than {@link CvpModel#MAX_SEQ_LEN}.
     */
    public static AdviceTransformer of(Circuit c) {
        if (c.numOutputs() == 0)
            throw new IllegalArgumentException("the circuit has no outputs: there is nothing to compute");
        if (c.numInputs() == 0)
            throw new IllegalArgumentException(
                    "the circuit has no inputs: the transformer's input bits would be empty");
        List<ThresholdForm> advice = new ArrayList<>();
        int depth = 1, length = 1;
        for (int o = 0; o < c.numOutputs(); o++) {
            ThresholdForm f = ThresholdForm.of(c, o);
            if (f.length() > CvpModel.MAX_SEQ_LEN) {
                throw new IllegalArgumentException("output " + c.outputName(o) + ": the advice has "
                        + f.tokens().size() + " tokens, so advice and "
                        + c.numInputs() + " input bits are " + f.length()
                        + " positions; the transformer's precision (at most 64 bits, "
                        + "p = 2(2⌈log2 N⌉ + 5)) reaches N = " + CvpModel.MAX_SEQ_LEN + " positions");
            }
            advice.add(f);
            depth = Math.max(depth, f.depth());
            length = Math.max(length, f.length());
        }
        return new AdviceTransformer(c, List.copyOf(advice), CvpModel.build(depth, length));
    }

    public Circuit circuit() {
        return circuit;
    }

    public Transformer model() {
        return model;
    }
    /** Per output, in the circuit's output order. */
    public List<ThresholdForm> advice() {
        return advice;
    }

    /** The token ids of advice ‖ x for output o. */
    public int[] encode(int o, boolean[] x) {
        return model.config().encode(advice.get(o).withInput(x));
    }

    /** The sequences of output o's compile: its advice fixed, every other position a bit. */
    public InputSpace inputSpace(int o) {
        List<String> vocab = model.config().vocab();
        return new InputSpace(
                advice.get(o).tokens().stream().map(vocab::indexOf).toList(),
                List.of(vocab.indexOf("0"), vocab.indexOf("1")));
    }

    /** The transformer's depth in layers: 4 + 2d. */
    public int layers() {
        return model.config().numLayers();
    }
}
