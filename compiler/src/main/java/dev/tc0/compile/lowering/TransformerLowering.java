package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import dev.tc0.compile.number.RealFunctions;
import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.Layer;
import dev.tc0.compile.transformer.LayerNormParams;
import dev.tc0.compile.transformer.Linear;
import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.Transformer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a transformer at input length n into a threshold circuit following the proof of
 * Theorem 1 and the order of operations of {@code src/docs/transformer.md}: the embedding, then per
 * layer and head the scores of every pair of positions, the similarities, the normaliser over the
 * keys, the weights, the weighted values and their sum, and the activation (output map, residual,
 * feed-forward, layer norm); then the output map.
 *
 * <p><b>One position as a template.</b> Every stage is built by a method that takes one position
 * i and that position's constants (its pos_embed row, and in causal layers the number of keys it
 * sees, i + 1) and builds i's column; the loops over i only replicate it. Nothing else depends on
 * i, which is the uniformity argument of the paper in code.
 *
 * <p><b>Inputs</b> are one-hot tokens: {@code tok[i][t]} is true when position i holds vocabulary
 * entry t. A BOS position has no inputs (it is the constant BOS), and BOS is not an input
 * elsewhere; nor has a position of a fixed prefix ({@link Options#inputs}), and a free position
 * has inputs only for the tokens its {@link InputSpace} allows. Exactly one input per position must be true; other patterns are outside the domain.
 * <b>Outputs</b>: {@code accept} (classifiers), {@code label[i][b]} (argmax: bit b of the label
 * index at position i), {@code value[i][b]} (bit b, little-endian, of {@link PFloat#bits()}); with
 * {@link Options#exposeStates} also {@code h[s][i][c][b]}, the residual stream after the embedding
 * (s = 0) and after layer s - 1, for stage-by-stage checks.
 */
public final class TransformerLowering {

    /**
     * How scalars travel. {@code VALUE_SETS}: one-hot over each scalar's possible values, tuples as
     * products of domains (small circuits where value sets are small: every shipped model);
     * {@code BUS}: every scalar as its p-bit code through arithmetic gadgets ({@link BusLowering},
     * the proof's route, for arbitrary weights); {@code AUTO}: value sets, and the bus where value
     * sets pass a limit.
     */
    public enum Route {
        AUTO,
        VALUE_SETS,
        BUS
    }

    /**
     * @param exposeStates also output every residual coordinate after every stage
     * @param inputs       the token sequences to compile for: a fixed prefix has no inputs and a constant embedding
     * @param route        how scalars travel
     */
    public record Options(ScalarLowering.Limits limits, boolean exposeStates, InputSpace inputs, Route route) {
        public static final Options DEFAULT = new Options(ScalarLowering.Limits.DEFAULT, false);

        public Options(ScalarLowering.Limits limits, boolean exposeStates, Route route) {
            this(limits, exposeStates, InputSpace.ALL, route);
        }

        public Options(ScalarLowering.Limits limits, boolean exposeStates) {
            this(limits, exposeStates, InputSpace.ALL, Route.AUTO);
        }

        public Options withStates() {
            return new Options(limits, true, inputs, route);
        }

        public Options withRoute(Route r) {
            return new Options(limits, exposeStates, inputs, r);
        }

        public Options withInputs(InputSpace space) {
            return new Options(limits, exposeStates, space, route);
        }
    }

    private final Transformer model;
    private final ModelConfig c;
    private final int n;
    private final Precision prec;
    private final Options options;
    private final CircuitBuilder b = new CircuitBuilder();
    private final ScalarLowering s;
    private final List<ComponentStats> stats = new ArrayList<>();
    private final Map<PFloat, PFloat> expMemo = new HashMap<>();
    /** Literals that are true where a row assumed to have a unique maximum has a tie; and those rows as (layer, head, position). */
    private final List<Integer> ambiguous = new ArrayList<>();

    private final java.util.Set<List<Integer>> assumed = new java.util.LinkedHashSet<>();
    private BigDecimal softmaxScale;
    /** The positions whose rows (attention queries and activation) the current layer builds. */
    private boolean[] rows;

    private int statLayer;
    private long statGates, statEdges;

    private TransformerLowering(Transformer model, int n, Options options) {
        this.model = model;
        this.c = model.config();
        this.n = n;
        this.prec = Precision.of(c.precision().bitsFor(n));
        this.options = options;
        this.s = new ScalarLowering(b, prec, options.limits());
    }

    public static CompiledModel compile(Transformer model, int n) {
        return compile(model, n, Options.DEFAULT);
    }

    public static CompiledModel compile(Transformer model, int n, Options options) {
        if (n < 1 || n > model.config().maxSeqLen()) {
            throw new IllegalArgumentException("n = " + n + " is outside 1.."
                    + model.config().maxSeqLen() + " (max_seq_len of " + model.name() + ")");
        }
        if (options.route() == Route.BUS) return BusLowering.compile(model, n, options);
        if (options.route() == Route.AUTO) {
            try {
                return valueSets(model, n, options);
            } catch (LoweringLimitException e) {
                if (e.kind() == LoweringLimitException.Kind.CIRCUIT) throw e;
                // value sets too large for one-hot scalars (arbitrary weights): the arithmetic route
                try {
                    return BusLowering.compile(model, n, options);
                } catch (LoweringLimitException busFailed) {
                    throw busFailed.after("value sets: " + e.getMessage() + "; the arithmetic route: ");
                }
            }
        }
        return valueSets(model, n, options);
    }

    private static CompiledModel valueSets(Transformer model, int n, Options options) {
        long start = System.nanoTime();
        long allocated = allocatedBytes();
        TransformerLowering l = new TransformerLowering(model, n, options);
        CompiledModel.Layout layout;
        try {
            layout = l.run();
        } catch (OutOfMemoryError e) {
            String component = l.s.currentComponent();
            l = null; // the builder is garbage from here on: room for the message
            throw LoweringLimitException.memory(component);
        }
        Circuit circuit = l.b.build();
        LoweringContext.checkBuilt(circuit, options.limits());
        long millis = (System.nanoTime() - start) / 1_000_000;
        allocated = allocatedBytes() - allocated;
        return new CompiledModel(
                model, n, l.prec.p(), circuit, layout, List.copyOf(l.stats), millis, allocated, options.inputs());
    }

    // ---------------------------------------------------------------- statistics

    /** Bytes this thread has allocated so far (HotSpot), or 0 when unavailable. */
    static long allocatedBytes() {
        if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    private static final boolean TRACE = System.getenv("TC0_TRACE") != null;
    private String traced = "";

    private void begin(int layer, String name) {
        if (TRACE && !(layer + name).equals(traced)) {
            traced = layer + name;
            System.err.printf(
                    "%tT %s %s: %d gates, %d edges%n",
                    System.currentTimeMillis(), layer, name, b.numGates(), s.edges());
        }
        statLayer = layer;
        statGates = b.numGates();
        statEdges = s.edges();
        s.component(layer < 0 ? name : "layer " + layer + " " + name);
    }

    private void end() {
        String name = s.currentComponent();
        if (statLayer >= 0) name = name.substring(name.indexOf(' ', 6) + 1);
        LoweringPorts.record(
                stats,
                new ComponentStats(
                        statLayer, name, b.numGates() - statGates, s.edges() - statEdges, s.componentLevel()));
    }

    // ---------------------------------------------------------------- the pass

    private CompiledModel.Layout run() {
        LoweringPorts.TokenInputs in = LoweringPorts.TokenInputs.declare(b, options, c, n);
        softmaxScale = new BigDecimal(c.softmaxScale());
        List<List<List<Scalar>>> states = new ArrayList<>();
        begin(-1, "embedding");
        List<List<Scalar>> h = new ArrayList<>();
        for (int i = 0; i < n; i++) h.add(embed(i, in.minterms(i), in.allowed()[i]));
        end();
        states.add(h);
        for (int l = 0; l < c.numLayers(); l++) {
            // the last layer's rows are needed only where the output reads them (all rows when states are exposed)
            rows = LoweringPorts.rows(c, options, l, n);
            h = layer(l, model.layers().get(l), c.isCausal(l), h);
            states.add(h);
        }
        begin(-1, "output");
        CompiledModel.Layout layout = output(h, in.tokenInput());
        if (options.exposeStates()) {
            int[][][][] stateOut = LoweringPorts.exposeStates(b, states, n, c.dModel(), s::bits);
            layout = layout.withStates(stateOut);
        }
        if (!ambiguous.isEmpty()) {
            int at = b.numOutputs();
            b.output(
                    "ambiguous",
                    s.anyOf(ambiguous.stream().mapToInt(Integer::intValue).toArray()));
            layout = layout.withAmbiguous(at, List.copyOf(assumed));
        }
        end();
        return layout;
    }

    /**
     * Position i's embedding: a table from its token minterms (the inputs) to ⊕(Q(token_embed),
     * Q(pos_embed[i])); on a fixed position, or where one token is allowed, a constant.
     */
    private List<Scalar> embed(int i, int[] lits, int[] tokens) {
        List<Scalar> row = new ArrayList<>(c.dModel());
        // one domain shared by every coordinate of the position: they are all functions of its token
        Domain token = s.domainOf(lits);
        for (int d = 0; d < c.dModel(); d++) {
            PFloat pos = q(model.posEmbed()[i][d]);
            PFloat[] values = new PFloat[lits.length];
            for (int k = 0; k < lits.length; k++) values[k] = PMath.sum(prec, q(model.tokenEmbed()[tokens[k]][d]), pos);
            row.add(s.of(token, values));
        }
        return row;
    }

    private PFloat q(double w) {
        return prec.fromDouble(w);
    }

    private List<List<Scalar>> layer(int l, Layer w, boolean causal, List<List<Scalar>> h) {
        // projections: keys and values of every position; queries too (free lookups, dropped when unused)
        begin(l, "projections");
        List<List<Scalar>> qs = new ArrayList<>(), ks = new ArrayList<>(), vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Scalar> x = w.attnNorm() == null ? h.get(i) : layerNorm(h.get(i), w.attnNorm());
            qs.add(affine(w.query(), x, null));
            ks.add(affine(w.key(), x, null));
            vs.add(affine(w.value(), x, null));
        }
        end();
        List<List<Scalar>> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) heads.add(new ArrayList<>());
        for (int head = 0; head < c.numHeads(); head++) {
            List<List<Scalar>> a = attention(l, head, causal, qs, ks, vs);
            for (int i = 0; i < n; i++) if (rows[i]) heads.get(i).addAll(a.get(i));
        }
        begin(l, "activation");
        List<List<Scalar>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(rows[i] ? activation(w, heads.get(i), h.get(i)) : null);
        end();
        return out;
    }

    /** The activation f of position i: output map with residual, optional norm, ReLU MLP with residual. */
    private List<Scalar> activation(Layer w, List<Scalar> heads, List<Scalar> hi) {
        List<Scalar> o = affine(w.linear(), heads, hi);
        List<Scalar> x = w.mlpNorm() == null ? o : layerNorm(o, w.mlpNorm());
        List<Scalar> hidden = affine(w.linear1(), x, null);
        hidden.replaceAll(z -> s.map(z, v -> PMath.relu(prec, v)));
        return affine(w.linear2(), hidden, o);
    }

    /**
     * One head, row by row. A row is built once per value of its query (the minterms of the query
     * vector's tuple domain): with the query fixed, every score, weight, normaliser and weighted
     * value of the row is a function of the keys' positions only, so rows with the same query
     * share their circuits (sums are memoised by their linear form) and the weights stay
     * correlated with their normaliser. The weighted sum is built once more per value z of the
     * normaliser: given Z = z, α_ij = e_ij ⊘ z is a table on key j's minterms, so the sum's terms
     * are independent of each other, as value-set analysis assumes. The row's output is the
     * selection over the (query, normaliser) pairs: AND(query = m, Z = z, sum = r).
     */
    private List<List<Scalar>> attention(
            int l, int head, boolean causal, List<List<Scalar>> qs, List<List<Scalar>> ks, List<List<Scalar>> vs) {
        int kOff = head * c.keySize(), vOff = head * c.valueSize();
        String suffix = c.numHeads() > 1 ? " (head " + head + ")" : "";
        List<List<Scalar>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    rows[i]
                            ? row(
                                    l,
                                    head,
                                    i,
                                    suffix,
                                    qs.get(i).subList(kOff, kOff + c.keySize()),
                                    causal ? i + 1 : n,
                                    kOff,
                                    vOff,
                                    ks,
                                    vs)
                            : null);
        }
        return out;
    }

    private List<Scalar> row(
            int l,
            int head,
            int i,
            String suffix,
            List<Scalar> query,
            int end,
            int kOff,
            int vOff,
            List<List<Scalar>> ks,
            List<List<Scalar>> vs) {
        begin(l, "query values" + suffix);
        ScalarLowering.Tuple q = s.tuple(query);
        end();
        boolean saturated = c.attention() == AttentionKind.SATURATED;
        boolean declaredUnique = c.uniqueMaxHeads().contains(List.of(l, head));
        List<Integer> selectors = new ArrayList<>();
        List<List<Scalar>> choices = new ArrayList<>();
        for (int m = 0; m < q.size(); m++) {
            int mLit = q.domain().lits()[m];
            begin(l, "scores" + suffix);
            List<Scalar> scores = scoresGiven(q.values()[m], end, kOff, ks);
            end();
            begin(l, "similarities" + suffix);
            List<Scalar> sims = similarityRow(scores);
            end();
            begin(l, "normaliser" + suffix);
            // saturated rows whose keys can never share the maximum have Z = 1 exactly; otherwise
            // the row maximum is attained, so Z >= 1 (value-set analysis alone would keep Z = 0 and x/0 = F^max)
            Scalar z = saturated && tiesImpossible(scores) ? s.constant(prec.one()) : s.sum(sims);
            z = s.merge(saturated ? s.assumeNonZero(z) : z);
            end();
            int unique = -1; // the minterm Z = 1 of a saturated row: exactly one key holds the maximum
            for (int zk = 0; zk < z.domain().size(); zk++)
                if (saturated && z.values()[zk].equals(prec.one())) unique = zk;
            if (unique >= 0) {
                begin(l, "selection" + suffix);
                copyWinner(mLit, z.domain().lits()[unique], sims, vOff, vs, selectors, choices);
                end();
            }
            if (unique >= 0 && declaredUnique && z.domain().size() > 1) {
                // The model states this head's maximum is unique (a head that selects one position),
                // but value-set analysis cannot exclude ties: build the unique case only, and flag
                // the inputs with a tie. The circuit is exact wherever "ambiguous" is 0.
                begin(l, "selection" + suffix);
                ambiguous.add(s.allOf(mLit, Literal.not(z.domain().lits()[unique])));
                end();
                assumed.add(List.of(l, head, i));
                continue;
            }
            for (int zk = 0; zk < z.domain().size(); zk++) {
                if (zk == unique) continue;
                begin(l, "value sums" + suffix);
                choices.add(weightedSums(z.values()[zk], sims, vOff, vs));
                end();
                begin(l, "selection" + suffix);
                selectors.add(s.allOf(mLit, z.domain().lits()[zk]));
                end();
            }
        }
        begin(l, "selection" + suffix);
        List<Scalar> result = s.select(selectors, choices, c.valueSize());
        end();
        return result;
    }

    /** With the query fixed to {@code qv}: σ_j = ⊕_t (q[t] ⊗ k_j[t]) for the keys j &lt; end, tables on the keys' minterms. */
    private List<Scalar> scoresGiven(PFloat[] qv, int end, int kOff, List<List<Scalar>> ks) {
        List<Scalar> scores = new ArrayList<>(end);
        for (int j = 0; j < end; j++) {
            List<Scalar> terms = new ArrayList<>();
            for (int t = 0; t < c.keySize(); t++) {
                PFloat qt = qv[t];
                Scalar kt = ks.get(j).get(kOff + t);
                if (qt.isZero() || kt.isZero()) continue;
                terms.add(s.map(kt, x -> PMath.multiply(prec, qt, x)));
            }
            scores.add(s.sum(terms));
        }
        return scores;
    }

    /** Where query = m and Z = 1, exactly one key is at the maximum: the row copies that key's value vector (one choice per key). */
    private void copyWinner(
            int mLit,
            int zLit,
            List<Scalar> sims,
            int vOff,
            List<List<Scalar>> vs,
            List<Integer> selectors,
            List<List<Scalar>> choices) {
        int width = c.valueSize();
        for (int j = 0; j < sims.size(); j++) {
            if (sims.get(j).isZero()) continue;
            selectors.add(s.allOf(mLit, zLit, s.compareConstant(sims.get(j), prec.one(), false)));
            choices.add(s.columns(s.tuple(vs.get(j).subList(vOff, vOff + width)), width));
        }
    }

    /** Given Z = z: per value coordinate u, ⊕_j (e_j ⊘ z) ⊗ v_j[u], whose terms are tables on key j's minterms. */
    private List<Scalar> weightedSums(PFloat z, List<Scalar> sims, int vOff, List<List<Scalar>> vs) {
        List<Scalar> sums = new ArrayList<>(c.valueSize());
        // the weights e_j ⊘ z, once per key for all value coordinates
        Scalar[] alphas = new Scalar[sims.size()];
        for (int u = 0; u < c.valueSize(); u++) {
            List<Scalar> terms = new ArrayList<>();
            for (int j = 0; j < sims.size(); j++) {
                Scalar e = sims.get(j), v = vs.get(j).get(vOff + u);
                if (e.isZero() || v.isZero()) continue;
                if (alphas[j] == null) alphas[j] = s.map(e, x -> PMath.divide(prec, x, z));
                terms.add(s.combine(alphas[j], v, (a, y) -> PMath.multiply(prec, a, y)));
            }
            sums.add(s.sum(terms));
        }
        return sums;
    }

    /**
     * True when no two keys of the row can both hold its maximum: no value that could be the
     * maximum (at least the largest of the keys' smallest values) is possible for two keys. Then
     * exactly one key wins on every input, although value-set analysis sees the keys as
     * independent (a head selecting the largest position with a flag, say).
     */
    private static boolean tiesImpossible(List<Scalar> scores) {
        PFloat floor = null;
        for (Scalar x : scores) {
            PFloat min = x.valueSet().first();
            if (floor == null || min.compareTo(floor) > 0) floor = min;
        }
        Map<PFloat, Integer> owner = new HashMap<>();
        for (int j = 0; j < scores.size(); j++) {
            for (PFloat v : scores.get(j).valueSet()) {
                if (v.compareTo(floor) < 0) continue;
                Integer o = owner.putIfAbsent(v, j);
                if (o != null && o != j) return false;
            }
        }
        return true;
    }

    private List<Scalar> similarityRow(List<Scalar> scores) {
        if (c.attention() == AttentionKind.SOFTMAX) {
            return scores.stream()
                    .map(x -> s.map(x, v -> expMemo.computeIfAbsent(v, u -> RealFunctions.exp(prec, u, softmaxScale))))
                    .toList();
        }
        return s.saturate(scores);
    }

    /** y_c = ⊕(r_c, Q(b_c), Q(w_dc) ⊗ x_d ...): the constant products are tables on x_d's minterms (free). */
    private List<Scalar> affine(Linear lin, List<Scalar> x, List<Scalar> residual) {
        RoundedLinear r = rounded.computeIfAbsent(lin, this::round);
        List<Scalar> y = new ArrayList<>(lin.out());
        for (int col = 0; col < lin.out(); col++) {
            List<Scalar> terms = new ArrayList<>();
            if (residual != null) terms.add(residual.get(col));
            if (!r.bias()[col].isZero()) terms.add(s.constant(r.bias()[col]));
            int[] in = r.inputs()[col];
            for (int k = 0; k < in.length; k++) {
                PFloat wq = r.weights()[col][k];
                if (x.get(in[k]).isZero()) continue;
                terms.add(s.map(x.get(in[k]), v -> PMath.multiply(prec, wq, v)));
            }
            y.add(s.sum(terms));
        }
        return y;
    }

    /**
     * A linear map's weights rounded to p bits once, per output column its bias and its weights
     * that do not round to zero, in input order. Rounding them again at every position made the
     * compile of a Tracr program cost n · d_model² roundings (d_model grows with n: most of
     * frac_prevs' time at n = 1024), where the nonzero weights are O(d_model).
     */
    private record RoundedLinear(PFloat[] bias, int[][] inputs, PFloat[][] weights) {}

    private final Map<Linear, RoundedLinear> rounded = new IdentityHashMap<>();

    private RoundedLinear round(Linear lin) {
        PFloat[] bias = new PFloat[lin.out()];
        int[][] inputs = new int[lin.out()][];
        PFloat[][] weights = new PFloat[lin.out()][];
        int[] idx = new int[lin.in()];
        PFloat[] ws = new PFloat[lin.in()];
        for (int col = 0; col < lin.out(); col++) {
            bias[col] = q(lin.b()[col]);
            int m = 0;
            for (int d = 0; d < lin.in(); d++) {
                double w = lin.w()[d][col];
                if (w == 0) continue;
                PFloat wq = q(w);
                if (wq.isZero()) continue;
                idx[m] = d;
                ws[m++] = wq;
            }
            inputs[col] = Arrays.copyOf(idx, m);
            weights[col] = Arrays.copyOf(ws, m);
        }
        return new RoundedLinear(bias, inputs, weights);
    }

    /** Layer norm in the order of transformer.md. */
    private List<Scalar> layerNorm(List<Scalar> x, LayerNormParams p) {
        int d = x.size();
        Scalar mean = s.map(s.sum(x), v -> PMath.divide(prec, v, d));
        Scalar negMean = s.map(mean, PFloat::negate);
        List<Scalar> centred = new ArrayList<>(d);
        for (Scalar xc : x) centred.add(s.sum(List.of(xc, negMean)));
        List<Scalar> squares = new ArrayList<>(d);
        for (Scalar u : centred) squares.add(s.combine(u, u, (a, bb) -> PMath.multiply(prec, a, bb)));
        BigDecimal eps = new BigDecimal(c.layerNormEpsilon());
        Scalar factor = s.map(s.sum(squares), v -> RealFunctions.inverseNorm(prec, v, d, eps));
        List<Scalar> y = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            PFloat scale = q(p.scale()[k]), offset = q(p.offset()[k]);
            Scalar normalised = s.combine(centred.get(k), factor, (a, bb) -> PMath.multiply(prec, a, bb));
            y.add(s.sum(List.of(s.constant(offset), s.map(normalised, v -> PMath.multiply(prec, scale, v)))));
        }
        return y;
    }

    private CompiledModel.Layout output(List<List<Scalar>> h, int[][] tokenInput) {
        OutputMode mode = c.outputMode();
        List<List<Scalar>> fin = new ArrayList<>();
        for (List<Scalar> hi : h)
            fin.add(hi == null || model.finalNorm() == null ? hi : layerNorm(hi, model.finalNorm()));
        Linear un = model.unembed();
        if (mode.isClassifier()) {
            List<Scalar> x = mode == OutputMode.CLASSIFY_FIRST ? fin.getFirst() : fin.getLast();
            List<Scalar> terms = new ArrayList<>();
            PFloat bias = q(un.b()[0]);
            if (!bias.isZero()) terms.add(s.constant(bias));
            for (int d = 0; d < un.in(); d++) {
                PFloat wq = q(un.w()[d][0]);
                if (wq.isZero() || x.get(d).isZero()) continue;
                terms.add(s.map(x.get(d), v -> PMath.multiply(prec, wq, v)));
            }
            int accept = s.positive(terms);
            b.output("accept", accept);
            return new CompiledModel.Layout(tokenInput, 0, null, null);
        }
        int[][] bitsOut = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Scalar> y = affine(un, fin.get(i), null);
            boolean label = mode == OutputMode.ARGMAX;
            int[] bits = label ? s.argmaxBits(y) : s.bits(y.getFirst());
            bitsOut[i] = new int[bits.length];
            for (int k = 0; k < bits.length; k++) {
                bitsOut[i][k] = b.numOutputs();
                b.output((label ? "label[" : "value[") + i + "][" + k + "]", bits[k]);
            }
        }
        return mode == OutputMode.ARGMAX
                ? new CompiledModel.Layout(tokenInput, -1, bitsOut, null)
                : new CompiledModel.Layout(tokenInput, -1, null, bitsOut);
    }
}
