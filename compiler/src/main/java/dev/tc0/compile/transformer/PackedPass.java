package dev.tc0.compile.transformer;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact p-precision forward pass, bit for bit the one {@link ForwardPass} computes with
 * {@link PrecisionArithmetic} (its straightforward twin, which PackedPassTest holds it to), in a
 * form fast enough to check a transformer on thousands of inputs:
 *
 * <ul>
 *   <li>floats packed in longs ({@link PackedArithmetic}): no boxing, no lists;
 *   <li>a head's scores computed once per distinct query and, across passes, only for the keys that
 *       changed ({@link ScoreRows});
 *   <li>a non-causal head's output computed once per distinct query (it depends on nothing else),
 *       a causal saturated head's arg-max set grown along the positions;
 *   <li>under saturated attention every weight is the one value 1/Z, and zero values are skipped
 *       (they add nothing to an exact sum);
 *   <li>from the previous pass: a saturated head's output when its scores and the values it
 *       averaged are unchanged, and an affine map's coordinate at a position when its inputs there
 *       are unchanged ({@link PackedAffine}).
 * </ul>
 *
 * Not thread-safe: score rows, head outputs and affine outputs are kept between passes.
 */
final class PackedPass {
    private final ModelConfig c;
    private final PackedArithmetic ar;
    private final int bits;
    private final long[][] tokenEmbed, posEmbed;
    private final List<LayerWeights> layers = new ArrayList<>();
    private final NormWeights finalNorm;
    private final PackedAffine unembed;
    /** Scores kept from one pass to the next, in longs: 2^24 (128 MiB) unless told. */
    static final long KEPT_SCORES = 1 << 24;

    private final ScoreRows.Budget kept;

    private record LayerWeights(
            PackedAffine query,
            PackedAffine key,
            PackedAffine value,
            PackedAffine linear,
            PackedAffine linear1,
            PackedAffine linear2,
            NormWeights attnNorm,
            NormWeights mlpNorm,
            ScoreRows[] scores) {}

    private record NormWeights(long[] scale, long[] offset) {}

    PackedPass(Transformer model, int precisionBits) {
        this(model, precisionBits, KEPT_SCORES);
    }

    /** @param keptScores how many scores (longs) may be kept for the next pass */
    PackedPass(Transformer model, int precisionBits, long keptScores) {
        c = model.config();
        kept = new ScoreRows.Budget(keptScores);
        ar = new PackedArithmetic(Precision.of(precisionBits));
        bits = precisionBits;
        tokenEmbed = constants(model.tokenEmbed());
        posEmbed = constants(model.posEmbed());
        for (Layer l : model.layers()) {
            ScoreRows[] rows = new ScoreRows[c.numHeads()];
            for (int h = 0; h < rows.length; h++)
                rows[h] = new ScoreRows(ar, h * c.keySize(), c.keySize(), h * c.valueSize(), c.valueSize(), kept);
            layers.add(new LayerWeights(
                    new PackedAffine(l.query(), ar),
                    new PackedAffine(l.key(), ar),
                    new PackedAffine(l.value(), ar),
                    new PackedAffine(l.linear(), ar),
                    new PackedAffine(l.linear1(), ar),
                    new PackedAffine(l.linear2(), ar),
                    norm(l.attnNorm()),
                    norm(l.mlpNorm()),
                    rows));
        }
        finalNorm = norm(model.finalNorm());
        unembed = new PackedAffine(model.unembed(), ar);
    }

    private NormWeights norm(LayerNormParams n) {
        return n == null ? null : new NormWeights(constants(n.scale()), constants(n.offset()));
    }

    private long[] constants(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = ar.constant(v[i]);
        return out;
    }

    private long[][] constants(double[][] m) {
        long[][] out = new long[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = constants(m[i]);
        return out;
    }

    /** The pass with every residual state, as ForwardPass.run returns it. */
    Trace<PFloat> run(int[] tokens) {
        List<List<List<PFloat>>> states = new ArrayList<>();
        long[][] h = forward(tokens, states);
        return new Trace<>(bits, states, output(h));
    }

    /** Only the output: the states are not converted. */
    ModelOutput<PFloat> output(int[] tokens) {
        return output(forward(tokens, null));
    }

    private long[][] forward(int[] tokens, List<List<List<PFloat>>> states) {
        c.checkInput(tokens);
        kept.reset();
        int n = tokens.length;
        long[][] h = new long[n][c.dModel()];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < c.dModel(); d++) h[i][d] = ar.sum(tokenEmbed[tokens[i]][d], posEmbed[i][d]);
        if (states != null) states.add(boxed(h));
        for (int l = 0; l < layers.size(); l++) {
            h = layer(layers.get(l), c.isCausal(l), h);
            if (states != null) states.add(boxed(h));
        }
        return h;
    }

    private List<List<PFloat>> boxed(long[][] h) {
        List<List<PFloat>> out = new ArrayList<>(h.length);
        for (long[] row : h) out.add(boxed(row));
        return out;
    }

    private List<PFloat> boxed(long[] row) {
        List<PFloat> out = new ArrayList<>(row.length);
        for (long x : row) out.add(ar.toPFloat(x));
        return out;
    }

    private long[][] layer(LayerWeights w, boolean causal, long[][] h) {
        int n = h.length;
        long[][] q = new long[n][], k = new long[n][], v = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] x = w.attnNorm() == null ? h[i] : layerNorm(h[i], w.attnNorm());
            q[i] = w.query().apply(x, null, i, n);
            k[i] = w.key().apply(x, null, i, n);
            v[i] = w.value().apply(x, null, i, n);
        }
        long[][] heads = new long[n][c.numHeads() * c.valueSize()];
        for (int head = 0; head < c.numHeads(); head++) attend(w.scores()[head], head, causal, q, k, v, heads);
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] o = w.linear().apply(heads[i], h[i], i, n);
            long[] x = w.mlpNorm() == null ? o : layerNorm(o, w.mlpNorm());
            long[] preActivation = w.linear1().apply(x, null, i, n), hidden = new long[preActivation.length];
            for (int u = 0; u < hidden.length; u++) hidden[u] = ar.relu(preActivation[u]);
            out[i] = w.linear2().apply(hidden, o, i, n);
        }
        return out;
    }

    /** One head at every position, written to heads[i][head·value_size ...]. */
    private void attend(ScoreRows rows, int head, boolean causal, long[][] q, long[][] k, long[][] v, long[][] heads) {
        int n = q.length, kOff = head * c.keySize(), vOff = head * c.valueSize();
        // positions by query, each group's positions ascending
        Map<ScoreRows.Query, Integer> groupOf = new LinkedHashMap<>();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            ScoreRows.Query key = new ScoreRows.Query(Arrays.copyOfRange(q[i], kOff, kOff + c.keySize()));
            group[i] = groupOf.computeIfAbsent(key, x -> groupOf.size());
        }
        List<ScoreRows.Query> order = new ArrayList<>(groupOf.keySet());
        int[] count = new int[order.size()];
        for (int i = 0; i < n; i++) count[group[i]]++;
        int[][] positions = new int[order.size()][];
        for (int g = 0; g < positions.length; g++) positions[g] = new int[count[g]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) positions[group[i]][count[group[i]]++] = i;

        rows.begin(k, v);
        for (int g = 0; g < positions.length; g++) {
            ScoreRows.Row row = rows.row(order.get(g));
            if (c.attention() == AttentionKind.SATURATED) {
                if (causal) causalArgmax(rows, row, positions[g], v, vOff, heads);
                else argmax(rows, row, positions[g], v, vOff, heads);
                continue;
            }
            for (int i : positions[g]) {
                long[] a = softmax(row.scores, causal ? i + 1 : n, v, vOff);
                System.arraycopy(a, 0, heads[i], vOff, a.length);
            }
        }
        rows.end();
    }

    /**
     * A non-causal saturated head for positions with one query: they all average over the same
     * arg-max set, and the previous pass' output stands if the scores and those values are unchanged.
     */
    private void argmax(ScoreRows rows, ScoreRows.Row row, int[] positions, long[][] v, int vOff, long[][] heads) {
        if (!row.unchanged || row.output == null || !rows.valuesUnchangedAt(row.argmax, row.count)) {
            long[] scores = row.scores;
            long max = scores[0];
            for (long s : scores) if (PackedArithmetic.compare(s, max) > 0) max = s;
            int[] argmax = new int[scores.length];
            int count = 0;
            for (int j = 0; j < scores.length; j++)
                if (PackedArithmetic.compare(scores[j], max) == 0) argmax[count++] = j;
            row.argmax = argmax;
            row.count = count;
            row.output = pool(argmax, count, v, vOff);
        }
        for (int i : positions) System.arraycopy(row.output, 0, heads[i], vOff, row.output.length);
    }

    /** A softmax head's output over positions 0..end-1. */
    private long[] softmax(long[] scores, int end, long[][] v, int vOff) {
        long[] s = new long[end], weights = new long[end];
        for (int j = 0; j < end; j++)
            s[j] = j > 0 && scores[j] == scores[j - 1] ? s[j - 1] : ar.exp(scores[j], c.softmaxScale());
        long z = ar.sum(s, 0, end);
        for (int j = 0; j < end; j++) weights[j] = ar.divide(s[j], z);
        long[] a = new long[c.valueSize()], terms = new long[end];
        for (int t = 0; t < a.length; t++) {
            int m = 0;
            for (int j = 0; j < end; j++) {
                long x = v[j][vOff + t];
                if (!PackedArithmetic.isZero(weights[j]) && !PackedArithmetic.isZero(x))
                    terms[m++] = ar.multiply(weights[j], x);
            }
            a[t] = ar.sum(terms, 0, m);
        }
        return a;
    }

    /**
     * A causal saturated head for positions with one query: position i averages over the arg-max
     * set of scores 0..i, which grows (or restarts at a new maximum) along the positions. The
     * previous pass' output at i stands if the scores and the values at 0..i are unchanged.
     */
    private void causalArgmax(
            ScoreRows rows, ScoreRows.Row row, int[] positions, long[][] v, int vOff, long[][] heads) {
        long[] scores = row.scores;
        // only the previous pass' outputs: a position may have had another query in between
        long[][] previous = row.unchanged ? row.outputs : null;
        row.outputs = new long[scores.length][];
        int[] argmax = new int[scores.length];
        int count = 0, j = 0;
        long max = 0;
        for (int i : positions) {
            for (; j <= i; j++) {
                int cmp = count == 0 ? 1 : PackedArithmetic.compare(scores[j], max);
                if (cmp > 0) {
                    max = scores[j];
                    count = 0;
                }
                if (cmp >= 0) argmax[count++] = j;
            }
            row.outputs[i] = previous != null && previous[i] != null && rows.valuesUnchangedBefore(i + 1)
                    ? previous[i]
                    : pool(argmax, count, v, vOff);
            System.arraycopy(row.outputs[i], 0, heads[i], vOff, c.valueSize());
        }
    }

    /**
     * The saturated average over the arg-max set: each similarity is one and Z = ⊕ of count ones,
     * so every weight is the one float 1/Z; a term w ⊗ v is computed once per run of equal v.
     */
    private long[] pool(int[] argmax, int count, long[][] v, int vOff) {
        long w = ar.divide(ar.one, ar.times(ar.one, count));
        long[] a = new long[c.valueSize()], terms = new long[count];
        for (int t = 0; t < a.length; t++) {
            int m = 0;
            long last = 0, product = 0;
            boolean known = false;
            for (int r = 0; r < count; r++) {
                long x = v[argmax[r]][vOff + t];
                if (PackedArithmetic.isZero(x)) continue;
                if (!known || x != last) {
                    product = ar.multiply(w, x);
                    last = x;
                    known = true;
                }
                terms[m++] = product;
            }
            a[t] = ar.sum(terms, 0, m);
        }
        return a;
    }

    /** Pre-norm layer norm, in ForwardPass.layerNorm's order. */
    private long[] layerNorm(long[] x, NormWeights w) {
        int d = x.length;
        long mean = PackedArithmetic.negate(ar.divideByInteger(ar.sum(x, 0, d), d));
        long[] centred = new long[d], squares = new long[d], y = new long[d];
        for (int i = 0; i < d; i++) {
            centred[i] = ar.sum(x[i], mean);
            squares[i] = ar.multiply(centred[i], centred[i]);
        }
        long factor = ar.inverseNorm(ar.sum(squares, 0, d), d, c.layerNormEpsilon());
        for (int i = 0; i < d; i++)
            y[i] = ar.sum(w.offset()[i], ar.multiply(w.scale()[i], ar.multiply(centred[i], factor)));
        return y;
    }

    private ModelOutput<PFloat> output(long[][] h) {
        OutputMode mode = c.outputMode();
        if (mode.isClassifier()) {
            long[] state = mode == OutputMode.CLASSIFY_FIRST ? h[0] : h[h.length - 1];
            long[] score = unembed.apply(finalNorm == null ? state : layerNorm(state, finalNorm), null);
            boolean accepted = PackedArithmetic.compare(score[0], ar.zero) > 0;
            return new ModelOutput<>(mode, accepted, new int[0], List.of(boxed(score)));
        }
        List<List<PFloat>> scores = new ArrayList<>(h.length);
        int[] labels = new int[h.length];
        for (int i = 0; i < h.length; i++) {
            long[] y = unembed.apply(finalNorm == null ? h[i] : layerNorm(h[i], finalNorm), null);
            scores.add(boxed(y));
            int best = 0;
            for (int j = 1; j < y.length; j++) if (PackedArithmetic.compare(y[j], y[best]) > 0) best = j;
            labels[i] = best;
        }
        return new ModelOutput<>(mode, false, mode == OutputMode.ARGMAX ? labels : new int[0], scores);
    }
}
