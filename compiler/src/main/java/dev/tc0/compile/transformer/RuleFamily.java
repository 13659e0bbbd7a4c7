package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose n-dependent parameters are closed forms of (i, n) (src/docs/model-format.md,
 * Families): {@code pos_embed} columns from {@link PositionRule}s, weight entries from
 * {@link WeightRule}s, everything else a fixed table. {@link #at} materialises the model for
 * length n: a position table of n rows and the rules' values at n, under a config whose
 * max_seq_len is n. Without a bound the family runs every n its precision allows.
 */
public final class RuleFamily implements ModelFamily {
    private final Transformer template;
    private final List<PositionRule> positions;
    private final List<WeightRule> weights;
    private final Integer bound;
    private int maxN = -1;

    /**
     * @param template the fixed parameters; its max_seq_len and position table are ignored (a
     *     position table is all rules)
     * @param bound the largest n (the file's max_seq_len), or null for every n the precision allows
     */
    public RuleFamily(Transformer template, List<PositionRule> positions, List<WeightRule> weights, Integer bound) {
        ModelConfig c = template.config();
        this.template = new Transformer(
                c.withMaxSeqLen(1),
                template.tokenEmbed(),
                new double[1][c.dModel()],
                template.layers(),
                template.finalNorm(),
                template.unembed());
        this.positions = List.copyOf(positions);
        this.weights = List.copyOf(weights);
        this.bound = bound;
        for (int k = 0; k < this.positions.size(); k++)
            this.positions.get(k).checkColumns("pos_embed.rule[" + k + "]", c.dModel());
        Map<String, Integer> seen = new HashMap<>();
        for (WeightRule r : this.weights) {
            int k = seen.merge(r.parameter(), 1, Integer::sum) - 1;
            String at = r.parameter() + ".rule[" + k + "]";
            Linear l = linear(this.template, r.parameter());
            if (l == null)
                throw new IllegalArgumentException(
                        at + ": \"" + r.parameter() + "\" is not a linear map of this model (query, key, value,"
                                + " linear, linear_1, linear_2 of a layer, or unembed)");
            r.checkEntries(at, l);
        }
        if (bound != null) {
            if (bound < 1) throw new IllegalArgumentException("config.max_seq_len: must be at least 1, got " + bound);
            // the precision must hold at every n up to the bound, as for a table
            String tooSmall = c.precision().largestN(c.vocab().size(), bound) < bound
                    ? c.precision()
                            .violation(
                                    c.vocab().size(),
                                    c.precision().largestN(c.vocab().size(), bound) + 1)
                    : null;
            if (tooSmall != null) throw new IllegalArgumentException("config.precision: " + tooSmall);
        }
    }

    @Override
    public String name() {
        return template.name();
    }

    /** The fixed parameters, with max_seq_len 1 and a zero position row. */
    public Transformer template() {
        return template;
    }

    public List<PositionRule> positions() {
        return positions;
    }

    public List<WeightRule> weights() {
        return weights;
    }

    /** The file's max_seq_len, or null when the family is unbounded. */
    public Integer bound() {
        return bound;
    }

    @Override
    public int maxN() {
        if (maxN < 0) {
            int cap = bound == null ? MAX_LENGTH : bound;
            maxN = template.config()
                    .precision()
                    .largestN(template.config().vocab().size(), cap);
        }
        return maxN;
    }

    @Override
    public Transformer at(int n) {
        if (n < 1 || n > maxN()) throw new IllegalArgumentException(outside(n));
        ModelConfig c = template.config();
        if ((long) n * c.dModel() > MAX_TABLE)
            throw new IllegalArgumentException(
                    "n = " + n + ": the position table of " + name() + " would hold n·d_model = "
                            + (long) n * c.dModel() + " numbers, more than tc0 materialises (" + MAX_TABLE + ")");
        double[][] pos = new double[n][c.dModel()];
        for (PositionRule r : positions) r.addTo(pos, n);
        Map<String, Linear> changed = new HashMap<>();
        for (WeightRule r : weights) r.addTo(changed.computeIfAbsent(r.parameter(), p -> copy(linear(template, p))), n);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < template.layers().size(); l++) {
            Layer t = template.layers().get(l);
            String a = "layer_" + l + "/attn/", m = "layer_" + l + "/mlp/";
            layers.add(new Layer(
                    changed.getOrDefault(a + "query", t.query()),
                    changed.getOrDefault(a + "key", t.key()),
                    changed.getOrDefault(a + "value", t.value()),
                    changed.getOrDefault(a + "linear", t.linear()),
                    changed.getOrDefault(m + "linear_1", t.linear1()),
                    changed.getOrDefault(m + "linear_2", t.linear2()),
                    t.attnNorm(),
                    t.mlpNorm()));
        }
        return new Transformer(
                c.withMaxSeqLen(n),
                template.tokenEmbed(),
                pos,
                layers,
                template.finalNorm(),
                changed.getOrDefault("unembed", template.unembed()));
    }

    private String outside(int n) {
        int max = maxN();
        if (bound != null && max == bound)
            return "n = " + n + " is outside 1.." + max + " (max_seq_len of " + name() + ")";
        String why = max == MAX_LENGTH
                ? "the longest length tc0 materialises a family at"
                : "its precision " + template.config().precision().describe() + " allows no longer input: "
                        + template.config()
                                .precision()
                                .violation(template.config().vocab().size(), max + 1);
        return "n = " + n + " is outside 1.." + max + " for the family " + name() + " (" + why + ")";
    }

    /** The linear map called {@code name} (Haiku's names), or null if the model has none. */
    static Linear linear(Transformer t, String name) {
        if (name.equals("unembed")) return t.unembed();
        String[] parts = name.split("/");
        if (parts.length != 3 || !parts[0].matches("layer_(0|[1-9][0-9]{0,8})")) return null;
        int l = Integer.parseInt(parts[0].substring("layer_".length()));
        if (l >= t.layers().size()) return null;
        Layer layer = t.layers().get(l);
        return switch (parts[1] + "/" + parts[2]) {
            case "attn/query" -> layer.query();
            case "attn/key" -> layer.key();
            case "attn/value" -> layer.value();
            case "attn/linear" -> layer.linear();
            case "mlp/linear_1" -> layer.linear1();
            case "mlp/linear_2" -> layer.linear2();
            default -> null;
        };
    }

    private static Linear copy(Linear l) {
        double[][] w = new double[l.w().length][];
        for (int i = 0; i < w.length; i++) w[i] = l.w()[i].clone();
        return new Linear(w, l.b().clone());
    }
}
