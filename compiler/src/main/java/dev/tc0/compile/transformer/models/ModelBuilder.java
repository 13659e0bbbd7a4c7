package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.Form;
import dev.tc0.compile.transformer.Layer;
import dev.tc0.compile.transformer.Linear;
import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.PositionRule;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.RuleFamily;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.WeightRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Transformer} from named residual dimensions and individual weights. Sizes
 * (d_model, heads, key and value sizes, MLP width) are the largest used anywhere; everything
 * unused stays zero, the way Tracr pads its models. Parameters that depend on the length are
 * closed forms ({@link Form}): position columns by {@link #posRule}, MLP input weights by
 * {@link LayerBuilder#in(int, int, Form, double)}; {@link #family} keeps them as rules and
 * {@link #build} materialises them at max_seq_len.
 */
public final class ModelBuilder {
    private final String name, description;
    private final List<String> vocab;
    private final String bos;
    private final int maxSeqLen;
    private final Map<String, Integer> dims = new LinkedHashMap<>();
    private final List<double[]> tokenEntries = new ArrayList<>(), unembedEntries = new ArrayList<>();
    private final List<PositionRule> posRules = new ArrayList<>();
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

    /** Position column {@code dim} holds form(i, n) at position i of length n. */
    public ModelBuilder posRule(int dim, Form form) {
        posRules.add(PositionRule.of(dim, form));
        return this;
    }

    /** Tracr's categorical indices: the k-th of {@code dims} is 1 at position first + k. */
    public ModelBuilder posOneHot(List<Integer> dims, int first) {
        posRules.add(PositionRule.oneHot(dims, first));
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
        /** {dim, unit, scale} of weights scale·form(n), per form. */
        final Map<Form, List<double[]>> inRules = new LinkedHashMap<>();

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

        /** Hidden unit {@code u} reads {@code dim} (or the bias, dim -1) with weight scale·form(n) at length n. */
        public LayerBuilder in(int dim, int u, Form form, double scale) {
            inRules.computeIfAbsent(form, f -> new ArrayList<>()).add(new double[] {dim, u, scale});
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

    /** The model at max_seq_len: {@link #family} materialised there. */
    public Transformer build(
            PrecisionSpec precision, AttentionKind kind, double softmaxScale, OutputMode mode, List<String> labels) {
        return family(precision, kind, softmaxScale, mode, labels, maxSeqLen).at(maxSeqLen);
    }

    /**
     * The model as a family: the position table and the MLP weights given by forms stay rules.
     *
     * @param bound the family's largest n, or null when nothing but the precision bounds it
     */
    public RuleFamily family(
            PrecisionSpec precision,
            AttentionKind kind,
            double softmaxScale,
            OutputMode mode,
            List<String> labels,
            Integer bound) {
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
        double[][] tokenEmbed = new double[vocab.size()][d];
        for (double[] e : tokenEntries) tokenEmbed[(int) e[0]][(int) e[1]] += e[2];
        List<Layer> built = new ArrayList<>();
        List<WeightRule> weightRules = new ArrayList<>();
        for (int index = 0; index < layers.size(); index++) {
            LayerBuilder l = layers.get(index);
            weightRules.addAll(rules("layer_" + index + "/mlp/linear_1", l.inRules));
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
        return new RuleFamily(
                // the position table is all rules: the template holds one row, whatever max_seq_len is
                new Transformer(config.withMaxSeqLen(1), tokenEmbed, new double[1][d], built, null, unembed),
                posRules,
                weightRules,
                bound);
    }

    /** One rule per (form, scale, weight or bias) of {dim, unit, scale} entries; dim -1 is the bias. */
    private static List<WeightRule> rules(String parameter, Map<Form, List<double[]>> entries) {
        List<WeightRule> out = new ArrayList<>();
        for (Map.Entry<Form, List<double[]>> byForm : entries.entrySet()) {
            Map<List<Object>, List<List<Integer>>> groups = new LinkedHashMap<>();
            for (double[] e : byForm.getValue()) {
                boolean bias = e[0] < 0;
                List<Integer> at = bias ? List.of((int) e[1]) : List.of((int) e[0], (int) e[1]);
                groups.computeIfAbsent(List.of(bias ? "b" : "w", e[2]), k -> new ArrayList<>())
                        .add(at);
            }
            for (Map.Entry<List<Object>, List<List<Integer>>> g : groups.entrySet()) {
                out.add(new WeightRule(parameter, (String) g.getKey().get(0), g.getValue(), byForm.getKey(), (Double)
                        g.getKey().get(1)));
            }
        }
        return out;
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
