package dev.tc0.compile.lowering;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.arith.Order;
import dev.tc0.compile.arith.PBus;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic route of Theorem 1: every scalar of the forward pass is a {@link BusScalar} (its
 * p-bit code, a {@link PBus}, and while it has few values its minterms too), and every operation
 * is an exact construction chosen by {@link BusArithmetic}: a table or a constant-depth gadget of
 * {@code dev.tc0.compile.arith}, in exactly the order of {@code ForwardPass}
 * (src/docs/transformer.md). Nothing here enumerates the values of tuples, so a model with
 * arbitrary weights compiles to a circuit whose size grows like n^2 per head and layer (the
 * scores, weights and weighted values of every pair of positions) and whose depth does not
 * depend on n.
 *
 * <p>Functions of one scalar (exp, the layer-norm factor) are Lemma 1: a table on the scalar's
 * minterms, decoded from its bus when needed. Saturated attention compares every score of a row
 * with every other one; arg-max outputs likewise.
 *
 * <p>The value-set route ({@link TransformerLowering}) is much smaller where value sets are
 * small (every shipped model); {@link TransformerLowering#compile} picks the route.
 */
final class BusLowering {

    private final Transformer model;
    private final ModelConfig c;
    private final int n;
    private final Precision prec;
    private final TransformerLowering.Options options;
    private final CircuitBuilder b = new CircuitBuilder();
    private final BusArithmetic ar;
    private final List<ComponentStats> stats = new ArrayList<>();
    private final Map<PFloat, PFloat> expMemo = new HashMap<>();
    private final Map<PFloat, PFloat> normMemo = new HashMap<>();
    private final BigDecimal softmaxScale;
    private boolean[] rows;
    private String component = "?";
    private int statLayer;
    private long statGates, statEdges;

    private BusLowering(Transformer model, int n, TransformerLowering.Options options) {
        this.model = model;
        this.c = model.config();
        this.n = n;
        this.prec = Precision.of(c.precision().bitsFor(n));
        this.options = options;
        this.softmaxScale = new BigDecimal(c.softmaxScale());
        this.ar = new BusArithmetic(b, prec);
    }

    static CompiledModel compile(Transformer model, int n, TransformerLowering.Options options) {
        long start = System.nanoTime();
        long allocated = TransformerLowering.allocatedBytes();
        BusLowering l = new BusLowering(model, n, options);
        CompiledModel.Layout layout;
        try {
            layout = l.run();
        } catch (OutOfMemoryError e) {
            String component = l.component;
            l = null; // the builder is garbage from here on: room for the message
            throw LoweringLimitException.memory(component);
        }
        Circuit circuit = l.b.build();
        LoweringContext.checkBuilt(circuit, options.limits());
        long millis = (System.nanoTime() - start) / 1_000_000;
        allocated = TransformerLowering.allocatedBytes() - allocated;
        return new CompiledModel(
                model, n, l.prec.p(), circuit, layout, List.copyOf(l.stats), millis, allocated, options.inputs());
    }

    // ---------------------------------------------------------------- components and limits

    private void begin(int layer, String name) {
        statLayer = layer;
        statGates = b.numGates();
        statEdges = b.numEdges();
        component = layer < 0 ? name : "layer " + layer + " " + name;
    }

    private void end() {
        check();
        String name = component;
        if (statLayer >= 0) name = name.substring(name.indexOf(' ', 6) + 1);
        int depth = 0; // the largest level of a gate this component added
        for (int g = (int) statGates; g < b.numGates(); g++)
            depth = Math.max(depth, b.level(Literal.of(1 + b.numInputs() + g, false)));
        LoweringPorts.record(
                stats, new ComponentStats(statLayer, name, b.numGates() - statGates, b.numEdges() - statEdges, depth));
    }

    /** The gate and edge limits, checked after every row so a runaway compile stops early. */
    private void check() {
        ScalarLowering.Limits lim = options.limits();
        if (b.numGates() > LoweringContext.whileBuilding(lim.maxGates())) {
            throw LoweringLimitException.circuit(
                    component + ": building passed " + LoweringContext.DEAD_ALLOWANCE + " x the limit of "
                            + lim.maxGates() + " gates (gates no output needs are dropped only at the end)");
        }
        if (b.numEdges() > LoweringContext.whileBuilding(lim.maxEdges())) {
            throw LoweringLimitException.circuit(
                    component + ": building passed " + LoweringContext.DEAD_ALLOWANCE + " x the limit of "
                            + lim.maxEdges() + " edges (gates no output needs are dropped only at the end)");
        }
    }

    // ---------------------------------------------------------------- the pass

    private CompiledModel.Layout run() {
        LoweringPorts.TokenInputs in = LoweringPorts.TokenInputs.declare(b, options, c, n);
        List<List<List<BusScalar>>> states = new ArrayList<>();
        begin(-1, "embedding");
        List<List<BusScalar>> h = new ArrayList<>();
        for (int i = 0; i < n; i++) h.add(embed(i, in.minterms(i), in.allowed()[i]));
        end();
        states.add(h);
        for (int l = 0; l < c.numLayers(); l++) {
            rows = LoweringPorts.rows(c, options, l, n);
            h = layer(l, model.layers().get(l), c.isCausal(l), h);
            states.add(h);
        }
        begin(-1, "output");
        CompiledModel.Layout layout = output(h, in.tokenInput());
        if (options.exposeStates()) {
            int[][][][] stateOut = LoweringPorts.exposeStates(
                    b, states, n, c.dModel(), x -> ar.bus(x).toCode(b));
            layout = layout.withStates(stateOut);
        }
        end();
        return layout;
    }

    /** Position i's embedding: per coordinate a table on the position's token minterms (a constant where it is fixed). */
    private List<BusScalar> embed(int i, int[] lits, int[] tokens) {
        List<BusScalar> row = new ArrayList<>(c.dModel());
        for (int d = 0; d < c.dModel(); d++) {
            PFloat pos = q(model.posEmbed()[i][d]);
            PFloat[] values = new PFloat[lits.length];
            for (int k = 0; k < lits.length; k++) values[k] = PMath.sum(prec, q(model.tokenEmbed()[tokens[k]][d]), pos);
            row.add(ar.oneHot(lits, values));
        }
        return row;
    }

    private PFloat q(double w) {
        return prec.fromDouble(w);
    }

    private List<List<BusScalar>> layer(int l, Layer w, boolean causal, List<List<BusScalar>> h) {
        begin(l, "projections");
        List<List<BusScalar>> qs = new ArrayList<>(), ks = new ArrayList<>(), vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<BusScalar> x = w.attnNorm() == null ? h.get(i) : layerNorm(h.get(i), w.attnNorm());
            qs.add(rows[i] ? affine(w.query(), x, null) : null);
            ks.add(affine(w.key(), x, null));
            vs.add(affine(w.value(), x, null));
            check();
        }
        end();
        List<List<BusScalar>> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) heads.add(new ArrayList<>());
        for (int head = 0; head < c.numHeads(); head++) {
            String suffix = c.numHeads() > 1 ? " (head " + head + ")" : "";
            for (int i = 0; i < n; i++) {
                if (!rows[i]) continue;
                heads.get(i).addAll(attend(l, head, suffix, i, causal ? i + 1 : n, qs, ks, vs));
            }
        }
        begin(l, "activation");
        List<List<BusScalar>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rows[i] ? activation(w, heads.get(i), h.get(i)) : null);
            check();
        }
        end();
        return out;
    }

    private List<BusScalar> activation(Layer w, List<BusScalar> heads, List<BusScalar> hi) {
        List<BusScalar> o = affine(w.linear(), heads, hi);
        List<BusScalar> x = w.mlpNorm() == null ? o : layerNorm(o, w.mlpNorm());
        List<BusScalar> hidden = affine(w.linear1(), x, null);
        hidden.replaceAll(ar::relu);
        return affine(w.linear2(), hidden, o);
    }

    /** One head at position i over the keys 0..end-1, as ForwardPass.attend. */
    private List<BusScalar> attend(
            int l,
            int head,
            String suffix,
            int i,
            int end,
            List<List<BusScalar>> qs,
            List<List<BusScalar>> ks,
            List<List<BusScalar>> vs) {
        int kOff = head * c.keySize(), vOff = head * c.valueSize();
        begin(l, "scores" + suffix);
        List<BusScalar> scores = new ArrayList<>(end);
        for (int j = 0; j < end; j++) {
            List<BusScalar> terms = new ArrayList<>(c.keySize());
            for (int t = kOff; t < kOff + c.keySize(); t++) {
                BusScalar qt = qs.get(i).get(t), kt = ks.get(j).get(t);
                if (isZero(qt) || isZero(kt)) continue;
                terms.add(multiply(qt, kt));
            }
            scores.add(sum(terms));
        }
        end();
        begin(l, "similarities" + suffix);
        List<BusScalar> sims = new ArrayList<>(end);
        if (c.attention() == AttentionKind.SOFTMAX) {
            for (BusScalar x : scores)
                sims.add(apply(x, v -> expMemo.computeIfAbsent(v, u -> RealFunctions.exp(prec, u, softmaxScale))));
        } else {
            List<PBus> buses = new ArrayList<>(scores.size());
            for (BusScalar x : scores) buses.add(ar.bus(x));
            for (int lit : Order.isMax(b, buses))
                sims.add(ar.oneHot(new int[] {Literal.not(lit), lit}, new PFloat[] {prec.zero(), prec.one()}));
        }
        end();
        begin(l, "normaliser" + suffix);
        BusScalar z = sum(sims);
        end();
        begin(l, "weights" + suffix);
        List<BusScalar> weights = new ArrayList<>(end);
        for (BusScalar s : sims) {
            BusScalar w = divide(s, z);
            // saturated weights are 0 or 1/k for k <= n: as minterms their products with the
            // values would take the pair table at small n and the bus at large n, and the depth
            // would change with n; as buses every n takes the same construction
            weights.add(c.attention() == AttentionKind.SOFTMAX ? w : ar.of(ar.bus(w)));
        }
        end();
        begin(l, "value sums" + suffix);
        List<BusScalar> a = new ArrayList<>(c.valueSize());
        for (int t = vOff; t < vOff + c.valueSize(); t++) {
            List<BusScalar> column = new ArrayList<>(end);
            for (int j = 0; j < end; j++) {
                BusScalar v = vs.get(j).get(t);
                if (isZero(weights.get(j)) || isZero(v)) continue;
                column.add(multiply(weights.get(j), v));
            }
            a.add(sum(column));
        }
        end();
        return a;
    }

    /** y_c = ⊕(residual_c, b_c, w_dc ⊗ x_d ...), as SparseAffine. */
    private List<BusScalar> affine(Linear lin, List<BusScalar> x, List<BusScalar> residual) {
        List<BusScalar> y = new ArrayList<>(lin.out());
        for (int col = 0; col < lin.out(); col++) {
            List<BusScalar> terms = new ArrayList<>();
            if (residual != null) terms.add(residual.get(col));
            PFloat bias = q(lin.b()[col]);
            if (!bias.isZero()) terms.add(constant(bias));
            for (int d = 0; d < lin.in(); d++) {
                PFloat wq = q(lin.w()[d][col]);
                if (wq.isZero() || isZero(x.get(d))) continue;
                terms.add(multiply(constant(wq), x.get(d)));
            }
            y.add(sum(terms));
        }
        return y;
    }

    /** Layer norm in the order of transformer.md (as ForwardPass.layerNorm). */
    private List<BusScalar> layerNorm(List<BusScalar> x, LayerNormParams p) {
        int d = x.size();
        BusScalar mean = divide(sum(x), d);
        BusScalar negMean = ar.negate(mean);
        List<BusScalar> centred = new ArrayList<>(d);
        for (BusScalar xc : x) centred.add(sum(List.of(xc, negMean)));
        List<BusScalar> squares = new ArrayList<>(d);
        for (BusScalar u : centred) squares.add(multiply(u, u));
        BigDecimal eps = new BigDecimal(c.layerNormEpsilon());
        BusScalar factor =
                apply(sum(squares), v -> normMemo.computeIfAbsent(v, u -> RealFunctions.inverseNorm(prec, u, d, eps)));
        List<BusScalar> y = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            BusScalar normalised = multiply(centred.get(k), factor);
            y.add(sum(List.of(constant(q(p.offset()[k])), multiply(constant(q(p.scale()[k])), normalised))));
        }
        return y;
    }

    private CompiledModel.Layout output(List<List<BusScalar>> h, int[][] tokenInput) {
        OutputMode mode = c.outputMode();
        List<List<BusScalar>> fin = new ArrayList<>();
        for (List<BusScalar> hi : h)
            fin.add(hi == null || model.finalNorm() == null ? hi : layerNorm(hi, model.finalNorm()));
        Linear un = model.unembed();
        if (mode.isClassifier()) {
            List<BusScalar> x = mode == OutputMode.CLASSIFY_FIRST ? fin.getFirst() : fin.getLast();
            BusScalar score = affine(un, x, null).getFirst();
            b.output("accept", Order.greaterThan(b, ar.bus(score), PBus.constant(prec, prec.zero())));
            return new CompiledModel.Layout(tokenInput, 0, null, null);
        }
        int[][] bitsOut = new int[n][];
        boolean label = mode == OutputMode.ARGMAX;
        for (int i = 0; i < n; i++) {
            List<BusScalar> y = affine(un, fin.get(i), null);
            int[] bits = label
                    ? labelBits(Order.argmax(b, y.stream().map(ar::bus).toList()))
                    : ar.bus(y.getFirst()).toCode(b);
            bitsOut[i] = new int[bits.length];
            for (int k = 0; k < bits.length; k++) {
                bitsOut[i][k] = b.numOutputs();
                b.output((label ? "label[" : "value[") + i + "][" + k + "]", bits[k]);
            }
        }
        return label
                ? new CompiledModel.Layout(tokenInput, -1, bitsOut, null)
                : new CompiledModel.Layout(tokenInput, -1, null, bitsOut);
    }

    /** The binary index of the one-hot winner: bit k is the OR of the winners whose index has bit k. */
    private int[] labelBits(int[] win) {
        int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(win.length - 1));
        int[] bits = new int[width];
        for (int k = 0; k < width; k++) {
            List<Integer> on = new ArrayList<>();
            for (int cIdx = 0; cIdx < win.length; cIdx++) if ((cIdx >> k & 1) != 0) on.add(win[cIdx]);
            bits[k] = on.isEmpty()
                    ? Literal.FALSE
                    : b.or(on.stream().mapToInt(Integer::intValue).toArray());
        }
        return bits;
    }

    // ---------------------------------------------------------------- the operations, by the forward pass's names

    private BusScalar constant(PFloat v) {
        return ar.constant(v);
    }

    /** Zero on every input: a term that adds nothing (as the reference drops it). */
    private static boolean isZero(BusScalar x) {
        return x.isZero();
    }

    private BusScalar multiply(BusScalar x, BusScalar y) {
        return ar.multiply(x, y);
    }

    private BusScalar sum(List<BusScalar> terms) {
        return ar.sum(terms);
    }

    private BusScalar divide(BusScalar x, BusScalar y) {
        return ar.divide(x, y);
    }

    private BusScalar divide(BusScalar x, int d) {
        return ar.divide(x, d);
    }

    private BusScalar apply(BusScalar x, java.util.function.UnaryOperator<PFloat> f) {
        return ar.apply(x, f);
    }
}
