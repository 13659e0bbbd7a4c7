package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Tracr's closed-form constructions (google-deepmind/tracr, craft/chamber), re-done in Java.
 * Every RASP value lives in its own residual subspace: a categorical one as a one-hot over its
 * value set ({@code name:value} dimensions), a numerical one as one dimension. A {@code one}
 * dimension is set at every position, a {@code bos} dimension at the BOS position only.
 * <ul>
 *   <li>Select + Aggregate: a head whose query·key is coldness·[predicate(key, query)], plus
 *       coldness/2 from the query's {@code one} to the key's {@code bos}, so a query with no match
 *       attends to BOS, whose value is zero (the default).</li>
 *   <li>SelectorWidth: a head that always attends to BOS (coldness from {@code one} to
 *       {@code bos}) reads x = 1/(w+1) off the BOS dimension; an MLP of clipped ramps turns it into
 *       a one-hot of w, with every unit silenced at the BOS position. The ramps fall with x (see
 *       {@link #selectorWidth}), so their units stay below 2w + 4 and the precision they need grows
 *       with the input length, not with maxLen.</li>
 *   <li>Map and SequenceMap: lookup-table MLPs, one hidden unit per input value (per pair of
 *       values, as ReLU(x + y - 1), for SequenceMap).</li>
 * </ul>
 * Layers are allocated in program order: an attention after an MLP, or an MLP after an MLP, opens
 * a new layer; the unused half of a layer stays zero.
 */
public final class MiniTracr {
    public static final String BOS = "BOS";

    /** A categorical value: its residual dimensions are {@code name:value} for each value. */
    public record Cat(String name, List<Object> values) {
        String label(Object v) {
            return name + ":" + v;
        }
    }

    /** A numerical value: one residual dimension. */
    public record Num(String name) {}

    /** Select(keys, queries, predicate): query i selects key j iff predicate(key_j, query_i). */
    public record Select(Cat keys, Cat queries, BiPredicate<Object, Object> predicate) {}

    private final ModelBuilder b;
    private final AttentionKind kind;
    private final double coldness;
    private final int maxLen;
    private final int one, bos;
    private ModelBuilder.LayerBuilder current;
    public final Cat tokens, indices;

    /**
     * @param maxLen the longest program input, not counting BOS (max_seq_len is maxLen + 1)
     * @param coldness Tracr's softmax coldness; the score of a match
     */
    public MiniTracr(
            String name, String description, List<String> vocab, int maxLen, AttentionKind kind, double coldness) {
        List<String> all = new ArrayList<>();
        all.add(BOS);
        all.addAll(vocab);
        this.b = new ModelBuilder(name, description, all, BOS, maxLen + 1);
        this.kind = kind;
        this.coldness = coldness;
        this.maxLen = maxLen;
        one = b.dim("one");
        bos = b.dim("bos");
        for (String t : all) b.tokenEmbed(t, one, 1);
        b.tokenEmbed(BOS, bos, 1);
        tokens = new Cat("tokens", new ArrayList<>(vocab));
        for (String t : vocab) b.tokenEmbed(t, dim(tokens, t), 1);
        List<Object> idx = new ArrayList<>();
        for (int i = 0; i < maxLen; i++) idx.add(i);
        indices = new Cat("indices", idx);
        List<Integer> indexDims = new ArrayList<>();
        for (int i = 0; i < maxLen; i++) indexDims.add(dim(indices, i));
        b.posOneHot(indexDims, 1); // BOS is position 0 and has no index
    }

    private int dim(Cat c, Object v) {
        return b.dim(c.label(v));
    }

    private int dim(Num n) {
        return b.dim(n.name());
    }

    private ModelBuilder.HeadBuilder newHead() {
        if (current == null || current.hasHeads() || current.hasMlp()) current = b.layer(false);
        return current.head();
    }

    private ModelBuilder.LayerBuilder mlpLayer() {
        if (current == null || current.hasMlp()) current = b.layer(false);
        return current;
    }

    private ModelBuilder.HeadBuilder selectHead(Select s, double bosScore) {
        ModelBuilder.HeadBuilder h = newHead();
        List<Object> keys = s.keys().values();
        for (int t = 0; t < keys.size(); t++) h.key(dim(s.keys(), keys.get(t)), t, 1);
        h.key(bos, keys.size(), 1);
        for (Object q : s.queries().values()) {
            for (int t = 0; t < keys.size(); t++) {
                if (s.predicate().test(keys.get(t), q)) h.query(dim(s.queries(), q), t, coldness);
            }
        }
        h.query(one, keys.size(), bosScore * coldness);
        return h;
    }

    /** Aggregate of a categorical value: the selected position's one-hot (selector width &lt;= 1). */
    public Cat aggregate(Select s, Cat value, String name) {
        Cat out = new Cat(name, value.values());
        ModelBuilder.HeadBuilder h = selectHead(s, 0.5);
        for (int u = 0; u < value.values().size(); u++) {
            Object v = value.values().get(u);
            h.value(dim(value, v), u, 1).output(u, dim(out, v), 1);
        }
        return out;
    }

    /** Aggregate of a numerical value: the mean over the selected positions (0 if none). */
    public Num aggregate(Select s, Num value, String name) {
        Num out = new Num(name);
        selectHead(s, 0.5).value(dim(value), 0, 1).output(0, dim(out), 1);
        return out;
    }

    /**
     * SelectorWidth: the number w of selected (non-BOS) positions, as a one-hot over 0..maxLen.
     * The head leaves x = 1/(w+1) in {@code <name>_inverse}. For k = 0..maxLen-1 the step
     * t_k = [w &gt; k] = [x &lt; midpoint(1/(k+1), 1/(k+2))] is the clipped ramp
     * ReLU(2k+3 - L_k·x) - ReLU(2k+2 - L_k·x) with L_k = 2(k+1)(k+2): L_k·x is 2k+2 at w = k+1
     * (t = 1) and 2k+4 at w = k (t = 0). Then one-hot(w) = t_(w-1) - t_w with t_(-1) = 1 (one unit
     * on {@code one}). Why this shape, under p-precision:
     * <ul>
     *   <li>The ramps fall with x, so a ramp with k &gt;= w sits at 2k+3 - L_k/(w+1) &lt;= -1 and its
     *       ReLU is exactly 0 (signs survive truncation), and a ramp with k &lt; w never exceeds
     *       2k+3: units stay below 2w+4 and their rounding error scales with w, not with maxLen.
     *       (Rising ramps, ReLU(L_k·x - 2k-3 ± 1/2), reach L_k ~ 2·maxLen² at small w.)</li>
     *   <li>Truncation toward zero only shrinks the weight L_k, x's numerator and the product
     *       L_k·x, which pushes t_k up; the ramp puts its full margin of 1 on that side (t_w stays 0
     *       until L_w·x has lost a whole unit), while an error the other way (Z truncated down makes
     *       x slightly larger) only takes t_(w-1) slightly below 1. Integer biases are exact.</li>
     * </ul>
     */
    public Cat selectorWidth(Select s, String name) {
        Num inverse = new Num(name + "_inverse");
        selectHead(s, 1.0).value(bos, 0, 1).output(0, dim(inverse), 1); // BOS weight 1/(w+1)
        List<Object> widths = new ArrayList<>();
        for (int w = 0; w <= maxLen; w++) widths.add(w);
        Cat out = new Cat(name, widths);
        ModelBuilder.LayerBuilder l = mlpLayer();
        double silence = 10.0 * (maxLen + 2) * (maxLen + 2); // beats every ramp at the BOS position
        for (int k = 0; k < maxLen; k++) {
            double slope = 2.0 * (k + 1) * (k + 2), top = 2 * k + 3;
            int up = l.unit(), down = l.unit();
            l.in(dim(inverse), up, -slope).in(-1, up, top).in(bos, up, -silence);
            l.in(dim(inverse), down, -slope).in(-1, down, top - 1).in(bos, down, -silence);
            for (int[] sign : new int[][] {{up, 1}, {down, -1}}) {
                l.out(sign[0], dim(out, k + 1), sign[1])
                        .out(sign[0], dim(out, k), -sign[1]); // +t_k to w = k+1, -t_k to w = k
            }
        }
        int always = l.unit();
        l.in(one, always, 1).in(bos, always, -silence).out(always, dim(out, 0), 1);
        return out;
    }

    /** Map: a lookup-table MLP, one hidden unit per input value. */
    public Cat map(Cat in, Function<Object, Object> f, String name) {
        Cat out = new Cat(name, distinct(in.values().stream().map(f).toList()));
        ModelBuilder.LayerBuilder l = mlpLayer();
        for (Object v : in.values()) {
            int u = l.unit();
            l.in(dim(in, v), u, 1).out(u, dim(out, f.apply(v)), 1);
        }
        return out;
    }

    /** numerical(Map(f, in)) for categorical in: one hidden unit per input value, weight f(v). */
    public Num numericalMap(Cat in, Function<Object, Double> f, String name) {
        Num out = new Num(name);
        ModelBuilder.LayerBuilder l = mlpLayer();
        for (Object v : in.values()) {
            int u = l.unit();
            l.in(dim(in, v), u, 1).out(u, dim(out), f.apply(v));
        }
        return out;
    }

    /** SequenceMap: hidden unit ReLU(x_a + y_b - 1) per value pair, written to f(a, b). */
    public Cat sequenceMap(Cat x, Cat y, BiFunction<Object, Object, Object> f, String name) {
        List<Object> results = new ArrayList<>();
        for (Object a : x.values()) for (Object c : y.values()) results.add(f.apply(a, c));
        Cat out = new Cat(name, distinct(results));
        ModelBuilder.LayerBuilder l = mlpLayer();
        for (Object a : x.values()) {
            for (Object c : y.values()) {
                int u = l.unit();
                l.in(dim(x, a), u, 1).in(dim(y, c), u, 1).in(-1, u, -1).out(u, dim(out, f.apply(a, c)), 1);
            }
        }
        return out;
    }

    private static List<Object> distinct(List<Object> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    /** The model, reading out {@code out} by argmax at every position. */
    public Transformer categoricalOutput(Cat out, PrecisionSpec precision) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < out.values().size(); c++) {
            b.unembed(dim(out, out.values().get(c)), c, 1);
            labels.add(String.valueOf(out.values().get(c)));
        }
        return b.build(precision, kind, 1.0, OutputMode.ARGMAX, labels);
    }

    /** The model, reading out {@code out} as a scalar at every position. */
    public Transformer numericalOutput(Num out, PrecisionSpec precision) {
        b.unembed(dim(out), 0, 1);
        return b.build(precision, kind, 1.0, OutputMode.VALUE, List.of());
    }
}
