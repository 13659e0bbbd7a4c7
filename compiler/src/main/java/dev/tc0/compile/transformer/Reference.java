package dev.tc0.compile.transformer;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact p-precision reference forward pass of a model: the oracle for compiled circuits. The
 * precision is the model's p for the input's length; weights are truncated to it once per p.
 * {@link #run} and {@link #output} run {@link PackedPass}, the fast form; {@link #at} gives
 * {@link ForwardPass}, the straightforward one with an observer, which computes the same bits.
 * Not thread-safe (it memoises passes, lookup tables and the previous pass' attention scores):
 * use one instance per thread.
 */
public final class Reference {
    private final Transformer model;
    private final Map<Integer, ForwardPass<PFloat>> passes = new HashMap<>();
    private final Map<Integer, PackedPass> packed = new HashMap<>();
    private ForwardPass<Double> doublePass;

    public Reference(Transformer model) {
        this.model = model;
    }

    public Transformer model() {
        return model;
    }

    /** The pass at precision p (weights truncated to p bits). */
    public ForwardPass<PFloat> at(int p) {
        return passes.computeIfAbsent(
                p, bits -> new ForwardPass<>(model, new PrecisionArithmetic(Precision.of(bits)), bits));
    }

    public Trace<PFloat> run(int[] tokens) {
        return packed(tokens).run(tokens);
    }

    /** The output of {@link #run} alone, without the residual states: faster. */
    public ModelOutput<PFloat> output(int[] tokens) {
        return packed(tokens).output(tokens);
    }

    private PackedPass packed(int[] tokens) {
        if (tokens.length < 1 || tokens.length > model.config().maxSeqLen())
            model.config().checkInput(tokens); // the length's message, before a precision for it
        return packed.computeIfAbsent(
                model.config().precision().bitsFor(tokens.length), bits -> new PackedPass(model, bits));
    }

    public Trace<PFloat> run(List<String> tokens) {
        return run(model.config().encode(tokens));
    }

    /** The plain double-precision pass over the same operations. */
    public Trace<Double> runDouble(int[] tokens) {
        if (doublePass == null) doublePass = new ForwardPass<>(model, DoubleArithmetic.INSTANCE, 0);
        return doublePass.run(tokens);
    }
}
