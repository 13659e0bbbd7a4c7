package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass in the order fixed by {@code src/docs/transformer.md}, over any
 * {@link Arithmetic}. With {@link PrecisionArithmetic} it is the exact reference every compiled
 * circuit is checked against; with {@link DoubleArithmetic} it is the plain baseline.
 */
public final class ForwardPass<T> {
    private final Transformer model;
    private final Arithmetic<T> ar;
    private final int bits;
    private final List<List<T>> tokenEmbed, posEmbed;
    private final List<LayerWeights<T>> layers = new ArrayList<>();
    private final NormWeights<T> finalNorm;
    private final SparseAffine<T> unembed;

    private record LayerWeights<T>(
            SparseAffine<T> query,
            SparseAffine<T> key,
            SparseAffine<T> value,
            SparseAffine<T> linear,
            SparseAffine<T> linear1,
            SparseAffine<T> linear2,
            NormWeights<T> attnNorm,
            NormWeights<T> mlpNorm) {}

    private record NormWeights<T>(List<T> scale, List<T> offset) {}

    /**
     * @param precisionBits the p this arithmetic uses, recorded in traces (0 for doubles)
     */
    public ForwardPass(Transformer model, Arithmetic<T> ar, int precisionBits) {
        this.model = model;
        this.ar = ar;
        this.bits = precisionBits;
        tokenEmbed = constants(model.tokenEmbed());
        posEmbed = constants(model.posEmbed());
        for (Layer l : model.layers()) {
            layers.add(new LayerWeights<>(
                    affine(l.query()),
                    affine(l.key()),
                    affine(l.value()),
                    affine(l.linear()),
                    affine(l.linear1()),
                    affine(l.linear2()),
                    norm(l.attnNorm()),
                    norm(l.mlpNorm())));
        }
        finalNorm = norm(model.finalNorm());
        unembed = affine(model.unembed());
    }

    private SparseAffine<T> affine(Linear l) {
        return new SparseAffine<>(l, ar);
    }

    private NormWeights<T> norm(LayerNormParams n) {
        return n == null ? null : new NormWeights<>(constants(n.scale()), constants(n.offset()));
    }

    private List<T> constants(double[] v) {
        List<T> out = new ArrayList<>(v.length);
        for (double x : v) out.add(ar.constant(x));
        return out;
    }

    private List<List<T>> constants(double[][] m) {
        List<List<T>> out = new ArrayList<>(m.length);
        for (double[] row : m) out.add(constants(row));
        return out;
    }

    public Transformer model() {
        return model;
    }

    public Trace<T> run(int[] tokens) {
        return run(tokens, new ForwardObserver<>() {});
    }

    /** The pass, reporting every intermediate value to {@code observer}. */
    public Trace<T> run(int[] tokens, ForwardObserver<T> observer) {
        ModelConfig c = model.config();
        c.checkInput(tokens);
        int n = tokens.length;
        List<List<List<T>>> states = new ArrayList<>();
        List<List<T>> h = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<T> row = new ArrayList<>(c.dModel());
            for (int d = 0; d < c.dModel(); d++)
                row.add(ar.sum(List.of(
                        tokenEmbed.get(tokens[i]).get(d), posEmbed.get(i).get(d))));
            h.add(row);
        }
        states.add(h);
        for (int l = 0; l < layers.size(); l++) {
            h = layer(l, c.isCausal(l), h, observer);
            states.add(h);
        }
        return new Trace<>(bits, states, output(h));
    }

    private List<List<T>> layer(int l, boolean causal, List<List<T>> h, ForwardObserver<T> observer) {
        ModelConfig c = model.config();
        LayerWeights<T> w = layers.get(l);
        int n = h.size();
        List<List<T>> q = new ArrayList<>(n), k = new ArrayList<>(n), v = new ArrayList<>(n);
        for (List<T> hi : h) {
            List<T> x = w.attnNorm() == null ? hi : layerNorm(hi, w.attnNorm());
            q.add(w.query().apply(x, null, ar));
            k.add(w.key().apply(x, null, ar));
            v.add(w.value().apply(x, null, ar));
            observer.projections(l, q.size() - 1, q.getLast(), k.getLast(), v.getLast());
        }
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<T> heads = new ArrayList<>(c.numHeads() * c.valueSize());
            for (int head = 0; head < c.numHeads(); head++)
                heads.addAll(attend(l, head, i, causal ? i + 1 : n, q, k, v, observer));
            List<T> o = w.linear().apply(heads, h.get(i), ar);
            List<T> x = w.mlpNorm() == null ? o : layerNorm(o, w.mlpNorm());
            List<T> hidden = w.linear1().apply(x, null, ar);
            hidden.replaceAll(ar::relu);
            observer.block(l, i, o, hidden);
            out.add(w.linear2().apply(hidden, o, ar));
        }
        return out;
    }

    /** One head's output at position i over positions 0..end-1. */
    private List<T> attend(
            int layer,
            int head,
            int i,
            int end,
            List<List<T>> q,
            List<List<T>> k,
            List<List<T>> v,
            ForwardObserver<T> observer) {
        ModelConfig c = model.config();
        int kOff = head * c.keySize(), vOff = head * c.valueSize();
        List<T> scores = new ArrayList<>(end);
        List<T> terms = new ArrayList<>(c.keySize());
        // only the query's nonzero coordinates: a zero product adds nothing to a sum (Tracr's
        // queries are mostly zeros, and this loop was most of the reference's time)
        List<T> qi = q.get(i);
        int[] live = new int[c.keySize()];
        int lives = 0;
        for (int t = kOff; t < kOff + c.keySize(); t++) if (!ar.isZero(qi.get(t))) live[lives++] = t;
        for (int j = 0; j < end; j++) {
            terms.clear();
            List<T> kj = k.get(j);
            for (int x = 0; x < lives; x++) terms.add(ar.multiply(qi.get(live[x]), kj.get(live[x])));
            scores.add(ar.sum(terms));
        }
        List<T> s = similarities(scores);
        T z = ar.sum(s);
        List<T> weights = new ArrayList<>(end);
        for (T sj : s) weights.add(ar.divide(sj, z));
        List<T> a = new ArrayList<>(c.valueSize());
        List<T> column = new ArrayList<>(end);
        for (int t = vOff; t < vOff + c.valueSize(); t++) {
            column.clear();
            for (int j = 0; j < end; j++) {
                if (!ar.isZero(weights.get(j)))
                    column.add(ar.multiply(weights.get(j), v.get(j).get(t)));
            }
            a.add(ar.sum(column));
        }
        observer.head(layer, head, i, scores, s, z, weights, a);
        return a;
    }

    /** s_ij from the scores σ_ij: exp(σ·scale), or the indicator of the arg-max set. */
    private List<T> similarities(List<T> scores) {
        ModelConfig c = model.config();
        List<T> s = new ArrayList<>(scores.size());
        if (c.attention() == AttentionKind.SOFTMAX) {
            for (T x : scores) s.add(ar.exp(x, c.softmaxScale()));
            return s;
        }
        T max = scores.getFirst();
        for (T x : scores) if (ar.compare(x, max) > 0) max = x;
        for (T x : scores) s.add(ar.compare(x, max) == 0 ? ar.one() : ar.zero());
        return s;
    }

    /** Pre-norm layer norm; see transformer.md for the order. */
    private List<T> layerNorm(List<T> x, NormWeights<T> w) {
        int d = x.size();
        T mean = ar.divide(ar.sum(x), d);
        List<T> centred = new ArrayList<>(d);
        for (T xc : x) centred.add(ar.sum(List.of(xc, ar.negate(mean))));
        List<T> squares = new ArrayList<>(d);
        for (T u : centred) squares.add(ar.multiply(u, u));
        T factor = ar.inverseNorm(ar.sum(squares), d, model.config().layerNormEpsilon());
        List<T> y = new ArrayList<>(d);
        for (int cIdx = 0; cIdx < d; cIdx++) {
            T normalised = ar.multiply(centred.get(cIdx), factor);
            y.add(ar.sum(List.of(w.offset().get(cIdx), ar.multiply(w.scale().get(cIdx), normalised))));
        }
        return y;
    }

    private ModelOutput<T> output(List<List<T>> h) {
        ModelConfig c = model.config();
        OutputMode mode = c.outputMode();
        List<List<T>> finalStates = new ArrayList<>(h.size());
        for (List<T> hi : h) finalStates.add(finalNorm == null ? hi : layerNorm(hi, finalNorm));
        if (mode.isClassifier()) {
            List<T> state = mode == OutputMode.CLASSIFY_FIRST ? finalStates.getFirst() : finalStates.getLast();
            List<T> score = unembed.apply(state, null, ar);
            return new ModelOutput<>(mode, ar.compare(score.getFirst(), ar.zero()) > 0, new int[0], List.of(score));
        }
        List<List<T>> scores = new ArrayList<>(h.size());
        int[] labels = new int[h.size()];
        for (int i = 0; i < h.size(); i++) {
            List<T> y = unembed.apply(finalStates.get(i), null, ar);
            scores.add(y);
            int best = 0;
            for (int j = 1; j < y.size(); j++) if (ar.compare(y.get(j), y.get(best)) > 0) best = j;
            labels[i] = best;
        }
        return new ModelOutput<>(mode, false, mode == OutputMode.ARGMAX ? labels : new int[0], scores);
    }
}
