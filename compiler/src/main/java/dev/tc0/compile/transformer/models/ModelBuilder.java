package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.Layer;
import dev.tc0.compile.transformer.Linear;
import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Transformer} from named residual dimensions and individual weights. Sizes
 * (d_model, heads, key and value sizes, MLP width) are the largest used anywhere; everything
 * unused stays zero, the way Tracr pads its models.
 */
public final class ModelBuilder {
    private final String name, description;
    private final List<String> vocab;
    private final String bos;
    private final int maxSeqLen;
    private final Map<String, Integer> dims = new LinkedHashMap<>();
    private final List<double[]> tokenEntries = new ArrayList<>(),
            posEntries = new ArrayList<>(),
            unembedEntries = new ArrayList<>();
    private final List<LayerBuilder> layers = new ArrayList<>();

    public ModelBuilder(String name, String description, List<String> vocab, String bos, int maxSeqLen) {
        this.name = name;
        this.description = description;
        this.vocab = List.copyOf(vocab);
        this.bos = bos;
        this.maxSeqLen = maxSeqLen;
    }

    /** The residual dimension called {@code label}, allocated on first use. */
    public int dim(String label) {
        return dims.computeIfAbsent(label, k -> dims.size());
    }

    public boolean hasDim(String label) {
        return dims.containsKey(label);
    }

    public List<String> vocab() {
        return vocab;
    }

    public int maxSeqLen() {
        return maxSeqLen;
    }

    public ModelBuilder tokenEmbed(String token, int dim, double value) {
        int id = vocab.indexOf(token);
        if (id < 0) throw new IllegalArgumentException("unknown token " + token);
        tokenEntries.add(new double[] {id, dim, value});
        return this;
    }

    public ModelBuilder posEmbed(int position, int dim, double value) {
        posEntries.add(new double[] {position, dim, value});
        return this;
    }

    /** Output column {@code col} reads {@code dim} with weight {@code w}; bias rows use dim -1. */
    public ModelBuilder unembed(int dim, int col, double w) {
        unembedEntries.add(new double[] {dim, col, w});
        return this;
    }

    public LayerBuilder layer(boolean causal) {
        LayerBuilder l = new LayerBuilder(causal);
        layers.add(l);
        return l;
    }

    public List<LayerBuilder> layers() {
        return layers;
    }

    /** One layer under construction: its heads and its MLP. */
    public static final class LayerBuilder {
        final boolean causal;
        final List<HeadBuilder> heads = new ArrayList<>();
        final List<double[]> in = new ArrayList<>(), out = new ArrayList<>();
        int hidden;

        LayerBuilder(boolean causal) {
            this.causal = causal;
        }

        public HeadBuilder head() {
            HeadBuilder h = new HeadBuilder();
            heads.add(h);
            return h;
        }

        public boolean hasHeads() {
            return !heads.isEmpty();
        }

        public boolean hasMlp() {
            return hidden > 0;
        }

        /** A new hidden ReLU unit; returns its index. */
        public int unit() {
            return hidden++;
        }

        /** Hidden unit {@code u} reads {@code dim} with weight w; dim -1 is the bias. */
        public LayerBuilder in(int dim, int u, double w) {
            in.add(new double[] {dim, u, w});
            return this;
        }

        /** Hidden unit {@code u} writes {@code dim} with weight w; dim -1 is linear_2's bias. */
        public LayerBuilder out(int u, int dim, double w) {
            out.add(new double[] {u, dim, w});
            return this;
        }
    }

    /**
     * One head: score σ_ij = Σ_t q_it k_jt with q = W_q x_i + b_q and k = W_k x_j + b_k; value
     * coordinates mapped back to residual dimensions by the output map.
     */
    public static final class HeadBuilder {
        final List<double[]> query = new ArrayList<>(),
                key = new ArrayList<>(),
                value = new ArrayList<>(),
                output = new ArrayList<>();
        int keySize, valueSize;
        boolean unique;

        /** States that this (saturated) head's maximum is unique on the inputs the model is meant for: see ModelConfig. */
        public HeadBuilder unique() {
            unique = true;
            return this;
        }

        /** Query coordinate t reads {@code dim} (or the bias, dim -1) with weight w. */
        public HeadBuilder query(int dim, int t, double w) {
            query.add(new double[] {dim, t, w});
            keySize = Math.max(keySize, t + 1);
            return this;
        }

        public HeadBuilder key(int dim, int t, double w) {
            key.add(new double[] {dim, t, w});
            keySize = Math.max(keySize, t + 1);
            return this;
        }

        public HeadBuilder value(int dim, int u, double w) {
            value.add(new double[] {dim, u, w});
            valueSize = Math.max(valueSize, u + 1);
            return this;
        }

        /** Value coordinate u is added to residual {@code dim} with weight w. */
        public HeadBuilder output(int u, int dim, double w) {
            output.add(new double[] {u, dim, w});
            valueSize = Math.max(valueSize, u + 1);
            return this;
        }

        /** A head that reads dim with the same score everywhere: uniform attention over the allowed positions. */
        public HeadBuilder copyMean(int fromDim, int toDim) {
            return value(fromDim, 0, 1).output(0, toDim, 1);
        }
    }

    public Transformer build(
            PrecisionSpec precision, AttentionKind kind, double softmaxScale, OutputMode mode, List<String> labels) {
        int d = dims.size();
        int heads = 1, keySize = 1, valueSize = 1, hidden = 0;
        for (LayerBuilder l : layers) {
            heads = Math.max(heads, l.heads.size());
            hidden = Math.max(hidden, l.hidden);
            for (HeadBuilder h : l.heads) {
                keySize = Math.max(keySize, h.keySize);
                valueSize = Math.max(valueSize, h.valueSize);
            }
        }
        int outputs = mode == OutputMode.ARGMAX ? labels.size() : 1;
        List<List<Integer>> unique = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int h = 0; h < layers.get(l).heads.size(); h++)
                if (layers.get(l).heads.get(h).unique) unique.add(List.of(l, h));
        }
        ModelConfig config = new ModelConfig(
                name,
                description,
                vocab,
                bos,
                maxSeqLen,
                d,
                layers.size(),
                heads,
                keySize,
                valueSize,
                hidden,
                precision,
                kind,
                softmaxScale,
                false,
                1e-5,
                layers.stream().map(l -> l.causal).toList(),
                mode,
                labels,
                List.copyOf(dims.keySet()),
                unique);
        double[][] tokenEmbed = new double[vocab.size()][d], posEmbed = new double[maxSeqLen][d];
        for (double[] e : tokenEntries) tokenEmbed[(int) e[0]][(int) e[1]] += e[2];
        for (double[] e : posEntries) posEmbed[(int) e[0]][(int) e[1]] += e[2];
        List<Layer> built = new ArrayList<>();
        for (LayerBuilder l : layers) {
            Linear q = Linear.zero(d, heads * keySize), k = Linear.zero(d, heads * keySize);
            Linear v = Linear.zero(d, heads * valueSize), o = Linear.zero(heads * valueSize, d);
            for (int h = 0; h < l.heads.size(); h++) {
                HeadBuilder hb = l.heads.get(h);
                place(q, hb.query, 0, h * keySize);
                place(k, hb.key, 0, h * keySize);
                place(v, hb.value, 0, h * valueSize);
                place(o, hb.output, h * valueSize, 0);
            }
            Linear m1 = Linear.zero(d, hidden), m2 = Linear.zero(hidden, d);
            place(m1, l.in, 0, 0);
            place(m2, l.out, 0, 0);
            built.add(new Layer(q, k, v, o, m1, m2, null, null));
        }
        Linear unembed = Linear.zero(d, outputs);
        place(unembed, unembedEntries, 0, 0);
        return new Transformer(config, tokenEmbed, posEmbed, built, null, unembed);
    }

    /** Adds (row, col, w) entries; row -1 is the bias. */
    private static void place(Linear target, List<double[]> entries, int rowOffset, int colOffset) {
        for (double[] e : entries) {
            int row = (int) e[0], col = (int) e[1] + colOffset;
            if (row < 0) target.b()[col] += e[2];
            else target.w()[row + rowOffset][col] += e[2];
        }
    }
}
