package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.Form;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import java.util.List;

/**
 * The instruction-following transformer of Lemma 3 (src/docs/paper.md, Lemma 3 and Theorem 3): on
 * input ⟨C, x⟩, a threshold circuit C of depth at most d in the paper's prefix form (one token per
 * symbol: X, &lt;=, &gt;=, 0, 1, &amp;) followed by its input bits x, it outputs C(x). Saturated
 * attention, ReLU MLPs used as thresholded linear pooling, 4 + 2d layers, classifier on the last
 * position.
 *
 * <p>It follows the paper's plan (node columns hold node values; per circuit level, arguments
 * fetch their node's value, then gates pool their arguments and threshold) with one change that
 * keeps every selection exact: positions are integers i with i² and 1/(i+1) from the position
 * table instead of the fraction i/n. A head that must pick position or node number T scores
 * 2T·x_j - x_j² = T² - (T - x_j)², which peaks exactly at x_j = T with a gap of 1, and all such
 * scores are integers below 2^(q-1), so p-precision computes them exactly. The only inexact values
 * are averages, and they are only ever compared with a margin of 1/(2(m+1)).
 *
 * <p>Layers (non-causal unless marked):
 * <ol>
 *   <li>a = position of the first gate token = number of inputs; last = n - 1. MLP: the first
 *       input bit, at n - a, becomes a delimiter (it ends the last pointer); is_last marks position n - 1.</li>
 *   <li>causal: D_i, the nearest delimiter (&amp;, gate, first input bit) at or before i, with its
 *       type; G_i, the nearest gate token at or before i, with its direction; the fraction of node
 *       tokens (X and gates) among positions 0..i.</li>
 *   <li>each position fetches D_(i-1) from position i-1; every position decodes its count c of
 *       node tokens so far from the fraction (a lookup against the position table); X tokens
 *       fetch their input bit from position n - a + i. MLP: node numbers (c - 1 on node tokens,
 *       0 elsewhere), the input values as level-0 node values, field-token flags.</li>
 *   <li>each &amp; at s fetches the position r of the delimiter whose previous delimiter is s
 *       (other positions ask for the one after their nearest delimiter, so that no row ties):
 *       its pointer is j = r - s - 1; every position looks up the square of its node number in
 *       the position table (position x holds x²).</li>
 *   <li>2 layers per circuit level l = 1..d: (a) each &amp; fetches the level l-1 value of node
 *       j; (b) each gate token (and the last position, whose nearest gate is the output gate)
 *       averages, in one head, over its arguments, its threshold-field tokens and itself, with
 *       value +[argument true] on arguments, -[token = 1] on field tokens and ±1/2 on the gate
 *       (+ for &gt;=, - for &lt;=): the mean (c - k ± 1/2)/M has the sign of the answer, with
 *       |mean| &gt;= 1/(2n); the MLP thresholds it: [c &gt;= k] for &gt;=, [c &lt;= k] for &lt;=. One
 *       head instead of two means (one over arguments, one over the field) keeps the value set
 *       of what the MLP reads at O(n^2), which is what lets the circuit compiler keep it exact.
 *       Only gate tokens and the last position read the mean, so the head's target is the
 *       position itself on a gate, G on the last position and 0 elsewhere (layer 3's MLP): every
 *       row has two query values instead of one per possible G, which keeps the compiled
 *       selection at O(n^2) gates per row (O(n^3) in all, not O(n^4)).
 *       The next level's fetch clamps the value it reads to exactly 0 or 1 (the clipped ramps
 *       round), so every level sums the same small values.</li>
 * </ol>
 * Every head that selects one position (all but the pooling heads and the gate fraction) is
 * declared {@code unique}: on a well-formed ⟨C, x⟩ its maximum is unique, which lets the circuit
 * compiler build it as a selection (see ModelConfig.uniqueMaxHeads).
 * The model needs every gate to have its threshold field and arguments (m &gt;= 0) and at least one
 * gate; the precision is fixed at p = 2(2·ceil(log2 N) + 5) for N = max_seq_len.
 */
public final class CvpModel {
    private CvpModel() {}

    public static final List<String> VOCAB = List.of("X", "<=", ">=", "0", "1", "&");

    /**
     * The longest sequence the model can be built for: p = 2(2⌈log2 N⌉ + 5) must fit the 64 bits
     * of the number format, so ⌈log2 N⌉ &lt;= 13.
     */
    public static final int MAX_SEQ_LEN = 1 << 13;

    /** p = 2q with q = 2·ceil(log2 N) + 5: integer scores up to 3N² exact, count decoding with margin. */
    public static int bitsFor(int maxSeqLen) {
        int log = 32 - Integer.numberOfLeadingZeros(Math.max(1, maxSeqLen - 1));
        return 2 * (2 * log + 5);
    }

    public static Transformer build(int depth, int maxSeqLen) {
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1");
        if (maxSeqLen < 2 || maxSeqLen > MAX_SEQ_LEN) {
            throw new IllegalArgumentException("max_seq_len " + maxSeqLen + " is outside 2.." + MAX_SEQ_LEN
                    + ": the precision p = 2(2⌈log2 N⌉ + 5) must be at most 64 bits");
        }
        int n = maxSeqLen;
        ModelBuilder b = new ModelBuilder(
                "cvp",
                "Lemma 3: the value of a depth-" + depth
                        + " threshold circuit in prefix form followed by its input bits",
                VOCAB,
                null,
                n);
        double big = 4.0 * n; // beats any position in a max-selection score
        double bigSquare = 2.0 * n * n + 1; // beats T² - (T - x)² differences in a match score
        double gain = 8.0 * n; // |mean difference| >= 1/(2(m+1)) >= 1/(2n) -> gain·|.| >= 4
        double gate = 16.0 * n; // silences a gated unit: more than gain + 1

        // embedding: token one-hots and flags, position i, i², 1/(i+1)
        int isX = b.dim("is_X"),
                isLE = b.dim("is_<="),
                isGE = b.dim("is_>="),
                is0 = b.dim("is_0"),
                is1 = b.dim("is_1"),
                isAmp = b.dim("is_&"),
                isDir = b.dim("is_gate"),
                isNode = b.dim("is_node"),
                delim = b.dim("is_delimiter");
        b.tokenEmbed("X", isX, 1).tokenEmbed("X", isNode, 1);
        for (String dir : List.of("<=", ">="))
            b.tokenEmbed(dir, isDir, 1).tokenEmbed(dir, isNode, 1).tokenEmbed(dir, delim, 1);
        b.tokenEmbed("<=", isLE, 1)
                .tokenEmbed(">=", isGE, 1)
                .tokenEmbed("0", is0, 1)
                .tokenEmbed("1", is1, 1);
        b.tokenEmbed("&", isAmp, 1).tokenEmbed("&", delim, 1);
        int pos = b.dim("pos"), pos2 = b.dim("pos^2"), inv = b.dim("1/(pos+1)");
        b.posRule(pos, Form.I).posRule(pos2, Form.I_SQUARED).posRule(inv, Form.INVERSE_I_PLUS_1);

        // 1: number of inputs a and last position; the first input bit becomes a delimiter
        int a = b.dim("a"), last = b.dim("last");
        ModelBuilder.LayerBuilder l1 = b.layer(false);
        l1.head()
                .query(-1, 0, -1)
                .query(-1, 1, big)
                .key(pos, 0, 1)
                .key(isDir, 1, 1)
                .value(pos, 0, 1)
                .output(0, a, 1);
        l1.head().query(-1, 0, 1).key(pos, 0, 1).value(pos, 0, 1).output(0, last, 1);
        // y = i - (n - a) = pos - last - 1 + a, an integer; ramp_k = ReLU(y + 1 - k) for k = 0, 1, 2;
        // firstInput = [y = 0] = ramp_0 - 2 ramp_1 + ramp_2
        int[] ramp = new int[3];
        for (int k = 0; k < 3; k++) {
            ramp[k] = l1.unit();
            l1.in(pos, ramp[k], 1)
                    .in(last, ramp[k], -1)
                    .in(a, ramp[k], 1)
                    .in(-1, ramp[k], -k); // the -1 of y and the +1 - k
        }
        l1.out(ramp[0], delim, 1).out(ramp[1], delim, -2).out(ramp[2], delim, 1);
        // is_last = [pos >= last] = ReLU(pos - last + 1) - ReLU(pos - last)
        int isLast = b.dim("is_last"), up = l1.unit(), down = l1.unit();
        l1.in(pos, up, 1).in(last, up, -1).in(-1, up, 1).out(up, isLast, 1);
        l1.in(pos, down, 1).in(last, down, -1).out(down, isLast, -1);

        // 2 (causal): nearest delimiter and nearest gate at or before i; fraction of node tokens
        int dPos = b.dim("D"), dPos2 = b.dim("D^2"), dDir = b.dim("D_is_gate");
        int gPos = b.dim("G"),
                gPos2 = b.dim("G^2"),
                gGE = b.dim("G_is_>="),
                gLE = b.dim("G_is_<="),
                nodeFrac = b.dim("node_fraction");
        ModelBuilder.LayerBuilder l2 = b.layer(true);
        nearest(l2.head(), pos, delim, big, new int[][] {{pos, dPos}, {pos2, dPos2}, {isDir, dDir}});
        nearest(l2.head(), pos, isDir, big, new int[][] {{pos, gPos}, {pos2, gPos2}, {isGE, gGE}, {isLE, gLE}});
        l2.head().copyMean(isNode, nodeFrac);

        // 3: previous delimiter; node counts; input bits for X tokens
        int pdPos = b.dim("PD"), pdPos2 = b.dim("PD^2"), nodeCount = b.dim("node_count"), xBit = b.dim("x_bit");
        ModelBuilder.LayerBuilder l3 = b.layer(false);
        ModelBuilder.HeadBuilder shift = match(l3.head(), new double[][] {{pos, 1}, {-1, -1}}, pos, pos2, -1, 0)
                .unique();
        shift.value(dPos, 0, 1).output(0, pdPos, 1).value(dPos2, 1, 1).output(1, pdPos2, 1);
        // decode c from A = c/(t+1): score 2A(s+1) - (s+1)²/(t+1), maximal at s + 1 = c
        l3.head()
                .query(nodeFrac, 0, 2)
                .query(inv, 1, -1)
                .key(pos, 0, 1)
                .key(-1, 0, 1)
                .key(pos2, 1, 1)
                .key(pos, 1, 2)
                .key(-1, 1, 1)
                .value(pos, 0, 1)
                .value(-1, 0, 1)
                .output(0, nodeCount, 1);
        // X number i reads position n - a + i = last + 1 - a + pos
        match(l3.head(), new double[][] {{last, 1}, {-1, 1}, {a, -1}, {pos, 1}}, pos, pos2, -1, 0)
                .unique()
                .value(is1, 0, 1)
                .output(0, xBit, 1);
        int nodeIdx = b.dim("node"),
                nodeIdx2 = b.dim("node^2"),
                fieldSigned = b.dim("field_1_signed"),
                value0 = b.dim("value_0");
        // pooling sets: a gate's arguments plus itself, and its threshold field plus itself
        int inPool = b.dim("in_pool"); // a gate's arguments, its threshold field and itself
        b.tokenEmbed("&", inPool, 1);
        for (String dir : List.of("<=", ">=")) b.tokenEmbed(dir, inPool, 1);
        // node = c - 1 on node tokens (inputs come first, so an X at i has c = i + 1), silenced
        // elsewhere. One count rather than (number of inputs) + (gates so far): the compiler
        // sees a sum of two counts as two independent values, about 3x the node numbers there are
        int u = l3.unit();
        l3.in(nodeCount, u, 1)
                .in(-1, u, -1)
                .in(isNode, u, gate)
                .in(-1, u, -gate)
                .out(u, nodeIdx, 1);
        and(l3, is0, dDir, inPool); // a 0 or 1 whose nearest delimiter is a gate token is in its field
        and(l3, is1, dDir, inPool);
        // a 1 in a gate's threshold field, signed by the gate's direction (+ for >=, - for <=)
        gatedRamp(l3, is1, 1, 0, gate, 1, fieldSigned, dDir, gGE);
        gatedRamp(l3, is1, 1, 0, gate, -1, fieldSigned, dDir, gLE);
        and(l3, xBit, isX, value0);
        // the pools' target: the position itself on gate tokens, the output gate G on the last
        // position, 0 elsewhere. Only those rows are read; a target that does not vary with G on
        // the other rows lets the circuit compiler select their means over two query values, not
        // over every possible G
        int poolTarget = b.dim("pool_target");
        copyWhere(l3, pos, isDir, gate, poolTarget);
        copyWhere(l3, gPos, isLast, gate, poolTarget);

        // 4: each & at s finds the delimiter r whose previous delimiter is s. Every other position
        // asks for the one after its nearest delimiter D (D = s on a &): that target exists or lies
        // beyond every previous delimiter, so the maximum is unique at every position of a
        // well-formed input (asking with the position itself, a target between two previous
        // delimiters ties, and the pointer head fed by it ties in turn)
        int next = b.dim("next_delimiter");
        ModelBuilder.LayerBuilder l4 = b.layer(false);
        match(l4.head(), new double[][] {{dPos, 1}}, pdPos, pdPos2, delim, bigSquare)
                .unique()
                .value(pos, 0, 1)
                .output(0, next, 1);
        // node² by table lookup: the position numbered like the node holds its square (0 for non-nodes)
        match(l4.head(), new double[][] {{nodeIdx, 1}}, pos, pos2, -1, 0)
                .unique()
                .value(pos2, 0, 1)
                .output(0, nodeIdx2, 1);

        // levels
        int previous = value0, out = -1;
        for (int level = 1; level <= depth; level++) {
            int fetched = b.dim("fetched_" + level),
                    argSigned = b.dim("argument_signed_" + level),
                    mean = b.dim("mean_" + level),
                    gateOut = b.dim("gate_out_" + level),
                    value = b.dim("value_" + level);
            ModelBuilder.LayerBuilder fetch = b.layer(false);
            // pointer j = next - pos - 1; fetch the node numbered j
            match(fetch.head(), new double[][] {{next, 1}, {pos, -1}, {-1, -1}}, nodeIdx, nodeIdx2, isNode, bigSquare)
                    .unique()
                    .value(previous, 0, 1)
                    .output(0, fetched, 1);
            // on & tokens, the argument signed by its gate's direction: ±clamp(4·fetched - 1, 0, 1).
            // A fetched value near 0 gives exactly 0, near 1 exactly 1 (4f - 1 and 4f - 2 are exact
            // in p-precision, so their difference is 1): this strips the rounding a gate's clipped
            // ramps leave in its value before the next level sums it. Elsewhere silenced.
            gatedRamp(fetch, fetched, 4, 1, gate, 1, argSigned, isAmp, gGE);
            gatedRamp(fetch, fetched, 4, 1, gate, -1, argSigned, isAmp, gLE);
            ModelBuilder.LayerBuilder pool = b.layer(false);
            // mean = d·(c - k) + 1/2 over the pool size, d = +1 for >=, -1 for <=: positive exactly
            // when the gate is true, whatever its direction, so one threshold serves both
            match(pool.head(), new double[][] {{poolTarget, 1}}, gPos, gPos2, inPool, bigSquare)
                    .value(argSigned, 0, 1)
                    .value(fieldSigned, 0, -1)
                    .value(isDir, 0, 0.5)
                    .output(0, mean, 1);
            gatedRamp(pool, mean, gain, 0, gate, 1, gateOut);
            gatedRamp(pool, mean, gain, 0, gate, 1, value, isDir);
            and(pool, xBit, isX, value);
            previous = value;
            out = gateOut;
        }
        b.unembed(out, 0, 1).unembed(-1, 0, -0.5);
        return b.build(PrecisionSpec.bits(bitsFor(n)), AttentionKind.SATURATED, 1, OutputMode.CLASSIFY_LAST, List.of());
    }

    /** Selects the largest position j (&lt;= i under a causal mask) with flag_j = 1 and copies (from, to) pairs. */
    private static void nearest(ModelBuilder.HeadBuilder h, int pos, int flag, double big, int[][] copies) {
        h.unique().query(-1, 0, 1).query(-1, 1, big).key(pos, 0, 1).key(flag, 1, 1);
        for (int c = 0; c < copies.length; c++) h.value(copies[c][0], c, 1).output(c, copies[c][1], 1);
    }

    /**
     * A head scoring 2T·x_j - x_j² (+ bonus·flag_j): it selects x_j = T exactly. T is a linear
     * function of the query position's dimensions ({dim, weight}, dim -1 for a constant).
     */
    private static ModelBuilder.HeadBuilder match(
            ModelBuilder.HeadBuilder h, double[][] target, int x, int xSquare, int flag, double bonus) {
        for (double[] t : target) h.query((int) t[0], 0, 2 * t[1]);
        h.query(-1, 1, -1).key(x, 0, 1).key(xSquare, 1, 1);
        if (flag >= 0) h.query(-1, 2, bonus).key(flag, 2, 1);
        return h;
    }

    /** out += x where flag is 1, nothing where it is 0, for 0 &lt;= x &lt; gate: ReLU(x + gate·flag - gate). */
    private static void copyWhere(ModelBuilder.LayerBuilder l, int x, int flag, double gate, int out) {
        int u = l.unit();
        l.in(x, u, 1).in(flag, u, gate).in(-1, u, -gate).out(u, out, 1);
    }

    /** out += a ∧ b for 0/1 values: ReLU(a + b - 1). */
    private static void and(ModelBuilder.LayerBuilder l, int a, int b, int out) {
        int u = l.unit();
        l.in(a, u, 1).in(b, u, 1).in(-1, u, -1).out(u, out, 1);
    }

    /**
     * out += sign·clamp(scale·x - lo, 0, 1) where every flag is 1, nothing otherwise: the clipped
     * ramp ReLU(scale·x - lo - silence) - ReLU(scale·x - lo - 1 - silence), silence = gate per
     * flag that is 0. With a large scale it is the threshold [x &gt; lo/scale] of a value that keeps
     * its distance from it.
     */
    private static void gatedRamp(
            ModelBuilder.LayerBuilder l,
            int x,
            double scale,
            double lo,
            double gate,
            double sign,
            int out,
            int... flags) {
        int up = l.unit(), down = l.unit();
        for (int u : new int[] {up, down}) {
            l.in(x, u, scale);
            for (int f : flags) l.in(f, u, gate).in(-1, u, -gate);
        }
        l.in(-1, up, -lo).in(-1, down, -lo - 1);
        l.out(up, out, sign).out(down, out, -sign);
    }
}
