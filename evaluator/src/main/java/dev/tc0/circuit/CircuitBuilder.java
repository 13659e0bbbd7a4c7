package dev.tc0.circuit;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Circuit}. Every gate is normalised before it is added: constants are folded,
 * operands of commutative gates are sorted, trivial gates collapse to a literal, and a gate equal
 * in kind, threshold, operands and weights to an existing one returns that one (structural
 * hashing). So identical sub-circuits are built once.
 *
 * <p>Normal forms: AND and OR hold distinct, non-complementary operands (at least two). XOR holds
 * distinct positive operands; negations move to the result. THRESHOLD holds at least two operand
 * edges with {@code 1 < t < k} or repeated operands, no complementary pair. WEIGHTED holds distinct
 * positive operands with non-zero signed weights that are not all of one magnitude (those become
 * THRESHOLD), and a threshold strictly between the smallest and the largest reachable sum.
 *
 * <p>Inputs must all be declared before the first gate. A call with bad arguments throws an
 * {@link IllegalArgumentException} naming the gate and leaves the builder as it was.
 * {@link #build()} drops the gates that no output needs.
 */
public final class CircuitBuilder {
    private final List<String> inputNames = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private final IntArrayList outputs = new IntArrayList();

    private final ByteList kinds = new ByteList();
    private final IntArrayList start = new IntArrayList(new int[] {0});
    private final IntArrayList operands = new IntArrayList();
    private final LongArrayList weights = new LongArrayList(); // parallel to operands
    private final LongArrayList thresholds = new LongArrayList();
    /** Per gate, its level: 1 + the largest level of its operands (inputs and constants are level 0). */
    private final IntArrayList levels = new IntArrayList();

    // Open-addressing table keyed by the gate's structure: each entry holds the structure's hash
    // in its high half and gate index + 1 in its low half, so a probe compares operands only on a
    // hash match and a rehash never reads the edge lists.
    private long[] table = new long[1024];
    private int tableCount;

    public int numInputs() {
        return inputNames.size();
    }

    public int numGates() {
        return kinds.size;
    }

    public int numNodes() {
        return 1 + inputNames.size() + kinds.size;
    }

    /** Operand edges of the gates built so far (before {@link #build()} drops the unused ones). */
    public long numEdges() {
        return operands.size();
    }

    /** The level of a literal's node: 0 for the constant and the inputs, 1 + its operands' largest level for a gate. */
    public int level(int literal) {
        int g = (literal >>> 1) - 1 - inputNames.size();
        return g < 0 ? 0 : levels.getInt(g);
    }

    /** Declares an input and returns its literal. Inputs come before any gate. */
    public int input(String name) {
        if (kinds.size > 0) {
            throw new IllegalStateException("inputs must be declared before the first gate (input '" + name + "')");
        }
        inputNames.add(name == null ? "x" + inputNames.size() : name);
        return Literal.of(inputNames.size(), false);
    }

    /** Declares {@code count} inputs named {@code prefix[0]}, {@code prefix[1]}, ... */
    public int[] inputs(String prefix, int count) {
        int[] lits = new int[count];
        for (int i = 0; i < count; i++) lits[i] = input(prefix + "[" + i + "]");
        return lits;
    }

    /** Marks a literal as an output. */
    public void output(String name, int literal) {
        checkLiteral(literal, "output '" + name + "'");
        outputNames.add(name == null ? "y" + outputs.size() : name);
        outputs.add(literal);
    }

    public void outputs(String prefix, int[] literals) {
        for (int i = 0; i < literals.length; i++) output(prefix + "[" + i + "]", literals[i]);
    }

    public int numOutputs() {
        return outputs.size();
    }

    public static int constant(boolean value) {
        return value ? Literal.TRUE : Literal.FALSE;
    }

    public static int not(int literal) {
        return literal ^ 1;
    }

    public int and(int... lits) {
        return andOr(GateKind.AND, lits);
    }

    public int or(int... lits) {
        return andOr(GateKind.OR, lits);
    }

    public int xor(int... lits) {
        checkOperands(GateKind.XOR, lits);
        int flip = 0, n = 0;
        int[] buf = xorScratch = grow(xorScratch, lits.length);
        for (int lit : lits) {
            flip ^= lit & 1;
            if (lit >>> 1 != 0) buf[n++] = lit & ~1;
        }
        Arrays.sort(buf, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) { // equal pairs cancel
            if (m > 0 && buf[m - 1] == buf[i]) m--;
            else buf[m++] = buf[i];
        }
        if (m == 0) return flip;
        if (m == 1) return buf[0] ^ flip;
        return intern(GateKind.XOR, buf, null, m, 0) ^ flip;
    }

    /** True when at least {@code t} of the operand edges are true; {@code 0 <= t <= k + 1}. */
    public int threshold(long t, int... lits) {
        checkOperands(GateKind.THRESHOLD, lits);
        if (lits.length == 0) throw bad(GateKind.THRESHOLD, "empty fan-in");
        if (t < 0 || t > lits.length + 1L) {
            throw bad(
                    GateKind.THRESHOLD,
                    "threshold " + t + " outside [0, " + (lits.length + 1) + "] for fan-in " + lits.length);
        }
        return thresholdUnchecked(t, lits, lits.length);
    }

    /** Strict majority: more than half of the operand edges are true. */
    public int majority(int... lits) {
        if (lits.length == 0) throw bad(GateKind.THRESHOLD, "majority of an empty fan-in");
        return threshold(lits.length / 2 + 1, lits);
    }

    /** True when {@code sum w_i * l_i >= t}; weights are signed, the sums must fit in a long. */
    public int weighted(long[] w, int[] lits, long t) {
        return weighted(w, lits, new long[] {t})[0];
    }

    /**
     * {@code [sum w_i * l_i >= t]} for each {@code t} of {@code ts}, in order: the same gates, built
     * in the same order, as {@link #weighted(long[], int[], long)} called once per {@code t}, with
     * the operands normalised (constants and negations folded, sorted, repeats merged) once rather
     * than per test. The ladders of {@code SumBits} and the threshold tests of one sum ask for
     * dozens of thresholds over fan-ins in the hundreds. A bad argument, overflow included, throws
     * before any gate is built.
     */
    public int[] weighted(long[] w, int[] lits, long[] ts) {
        checkOperands(GateKind.WEIGHTED, lits);
        if (w.length != lits.length) {
            throw bad(GateKind.WEIGHTED, w.length + " weights for " + lits.length + " operands");
        }
        if (lits.length == 0) throw bad(GateKind.WEIGHTED, "empty fan-in");
        // Fold constants and negations: w * !x = w - w * x. Each test's threshold drops by the
        // same amounts, subtracted one by one as a single call would (so overflow is the same).
        long[] pw = weightScratch = grow(weightScratch, lits.length);
        int[] pl = weightedLits = grow(weightedLits, lits.length);
        long[] shifts = shiftScratch = grow(shiftScratch, lits.length);
        int n = 0, shiftCount = 0;
        try {
            for (int i = 0; i < lits.length; i++) {
                long wi = w[i];
                int lit = lits[i];
                if (wi == 0 || lit == Literal.FALSE) continue;
                if (lit == Literal.TRUE) {
                    shifts[shiftCount++] = wi;
                    continue;
                }
                if ((lit & 1) != 0) {
                    shifts[shiftCount++] = wi;
                    wi = Math.negateExact(wi);
                    lit &= ~1;
                }
                pl[n] = lit;
                pw[n++] = wi;
            }
            long[] adjusted = new long[ts.length];
            for (int k = 0; k < ts.length; k++) {
                long t = ts[k];
                for (int i = 0; i < shiftCount; i++) t = Math.subtractExact(t, shifts[i]);
                adjusted[k] = t;
            }
            sortByLiteral(pl, pw, n);
            int m = 0;
            for (int i = 0; i < n; i++) { // merge repeated operands
                if (m > 0 && pl[m - 1] == pl[i]) pw[m - 1] = Math.addExact(pw[m - 1], pw[i]);
                else {
                    pl[m] = pl[i];
                    pw[m++] = pw[i];
                }
            }
            n = 0;
            long pos = 0, neg = 0;
            for (int i = 0; i < m; i++) {
                if (pw[i] == 0) continue;
                pl[n] = pl[i];
                pw[n++] = pw[i];
                if (pw[i] > 0) pos = Math.addExact(pos, pw[i]);
                else neg = Math.addExact(neg, pw[i]);
            }
            Math.subtractExact(pos, neg); // the bit-sliced accumulator holds pos - neg
            long w0 = n == 0 ? 0 : Math.absExact(pw[0]);
            boolean uniform = true;
            for (int i = 1; i < n && uniform; i++) uniform = Math.absExact(pw[i]) == w0;
            int negCount = 0;
            if (uniform && n > 0) {
                // w0 * (sum_+ x + sum_- !x - #neg) >= t  <=>  count >= ceil(t / w0) + #neg
                for (int i = 0; i < n; i++) {
                    if (pw[i] < 0) {
                        pl[i] ^= 1;
                        negCount++;
                    }
                }
            }
            int[] out = new int[ts.length];
            for (int k = 0; k < ts.length; k++) {
                long t = adjusted[k];
                if (neg >= t) out[k] = Literal.TRUE;
                else if (pos < t) out[k] = Literal.FALSE;
                else if (uniform) out[k] = thresholdUnchecked(Math.ceilDiv(t, w0) + negCount, pl, n);
                else out[k] = intern(GateKind.WEIGHTED, pl, pw, n, t);
            }
            return out;
        } catch (ArithmeticException e) {
            throw bad(GateKind.WEIGHTED, "weight sum overflows a signed 64-bit long");
        }
    }

    /** Adds a gate of any kind; {@code weights} is read only for WEIGHTED. */
    public int gate(GateKind kind, int[] lits, long[] weights, long t) {
        return switch (kind) {
            case AND -> and(lits);
            case OR -> or(lits);
            case XOR -> xor(lits);
            case THRESHOLD -> threshold(t, lits);
            case WEIGHTED -> weighted(weights, lits, t);
        };
    }

    /**
     * Copies a circuit's gates into this builder with its inputs bound to the given literals and
     * returns the literals of its outputs. Any circuit {@link Circuit#of} accepts can be copied:
     * a threshold outside {@code [0, k + 1]} means the same as the nearer end, and a THRESHOLD or
     * WEIGHTED gate without operands is the constant {@code 0 >= t}.
     */
    public int[] embed(Circuit c, int[] inputLits) {
        if (inputLits.length != c.numInputs()) {
            throw new IllegalArgumentException(
                    "embed: circuit has " + c.numInputs() + " inputs, got " + inputLits.length + " literals");
        }
        int[] map = new int[c.numNodes()];
        for (int i = 0; i < inputLits.length; i++) {
            checkLiteral(inputLits[i], "embedded input " + i);
            map[1 + i] = inputLits[i];
        }
        for (int g = 0; g < c.numGates(); g++) {
            GateKind kind = c.kind(g);
            int k = c.fanIn(g);
            int[] ops = embedLits = grow(embedLits, k);
            long[] w = kind == GateKind.WEIGHTED ? (embedWeights = grow(embedWeights, k)) : null;
            for (int i = 0; i < k; i++) {
                int lit = c.operand(g, i);
                ops[i] = map[lit >>> 1] ^ (lit & 1);
                if (w != null) w[i] = c.weight(g, i);
            }
            long t = c.threshold(g);
            // A builder's circuit embedded over ordered inputs stays in normal form gate by gate
            // (the wide sums' kept adders): intern it as it is, without normalising it again.
            map[c.gateNode(g)] = isNormal(kind, ops, w, k, t)
                    ? intern(kind, ops, w, k, t)
                    : copyGate(kind, Arrays.copyOf(ops, k), w == null ? null : Arrays.copyOf(w, k), t);
        }
        int[] outs = new int[c.numOutputs()];
        for (int o = 0; o < outs.length; o++) {
            int lit = c.output(o);
            outs[o] = map[lit >>> 1] ^ (lit & 1);
        }
        return outs;
    }

    /**
     * The circuit with its constant operands folded, rebuilt gate by gate through a builder (so in
     * the builder's normal form), or {@code c} itself when no gate reads the constant node. For
     * circuits made by {@link Circuit#of} from raw arrays: an evaluation plan keeps no slot for the
     * constant, so a constant operand must be folded where the circuit is made.
     */
    public static Circuit foldConstants(Circuit c) {
        if (!c.hasConstantOperands()) return c;
        CircuitBuilder b = new CircuitBuilder();
        int[] in = new int[c.numInputs()];
        for (int i = 0; i < in.length; i++) in[i] = b.input(c.inputName(i));
        int[] out = b.embed(c, in);
        for (int o = 0; o < out.length; o++) b.output(c.outputName(o), out[o]);
        return b.build();
    }

    /**
     * Whether a gate is already in the form the normalisers give (constants and negations folded,
     * operands sorted, repeats merged, trivial thresholds turned into constants, AND or OR), so
     * that interning it as it is builds what {@link #gate} would.
     */
    private static boolean isNormal(GateKind kind, int[] lits, long[] w, int n, long t) {
        if (n < 2 || lits[0] >>> 1 == 0) return false;
        boolean even = (lits[0] & 1) == 0;
        for (int i = 1; i < n; i++) {
            int a = lits[i - 1], b = lits[i];
            // a threshold gate may repeat an operand, never with both polarities; others are strictly sorted
            boolean ordered = kind == GateKind.THRESHOLD ? a == b || a >>> 1 < b >>> 1 : a >>> 1 < b >>> 1;
            if (!ordered) return false;
            even &= (b & 1) == 0;
        }
        return switch (kind) {
            case AND, OR -> true;
            case XOR -> even;
            case THRESHOLD -> t > 1 && t < n;
            case WEIGHTED -> even && isNormalWeighted(w, n, t);
        };
    }

    /** No zero weights, not all of one magnitude (that is a THRESHOLD), the sums fit, neither constant. */
    private static boolean isNormalWeighted(long[] w, int n, long t) {
        long pos = 0, neg = 0, w0 = Math.abs(w[0]);
        boolean uniform = true;
        try {
            for (int i = 0; i < n; i++) {
                if (w[i] == 0) return false;
                if (w[i] > 0) pos = Math.addExact(pos, w[i]);
                else neg = Math.addExact(neg, w[i]);
                uniform &= Math.absExact(w[i]) == w0;
            }
            Math.subtractExact(pos, neg);
        } catch (ArithmeticException e) {
            return false;
        }
        return !uniform && neg < t && t <= pos;
    }

    /** {@link #gate} for gates outside the builder's argument ranges, which {@link Circuit#of} accepts. */
    private int copyGate(GateKind kind, int[] lits, long[] w, long t) {
        if (!kind.hasThreshold()) return gate(kind, lits, w, t);
        if (lits.length == 0) return constant(0 >= t);
        if (kind == GateKind.THRESHOLD) t = Math.clamp(t, 0, lits.length + 1L);
        return gate(kind, lits, w, t);
    }

    /** Builds the circuit, keeping only the gates some output needs. The builder stays usable. */
    public Circuit build() {
        int inputs = inputNames.size();
        int gates = kinds.size;
        boolean[] live = new boolean[gates];
        for (int i = 0; i < outputs.size(); i++) mark(live, outputs.getInt(i));
        for (int g = gates - 1; g >= 0; g--) {
            if (!live[g]) continue;
            for (int e = start.getInt(g); e < start.getInt(g + 1); e++) mark(live, operands.getInt(e));
        }
        int[] newNode = new int[1 + inputs + gates];
        for (int i = 0; i <= inputs; i++) newNode[i] = i;
        int kept = 0;
        long edges = 0;
        boolean weighted = false;
        for (int g = 0; g < gates; g++) {
            if (!live[g]) continue;
            newNode[1 + inputs + g] = 1 + inputs + kept++;
            edges += start.getInt(g + 1) - start.getInt(g);
            weighted |= kinds.data[g] == GateKind.WEIGHTED.ordinal();
        }
        if (edges > Integer.MAX_VALUE - 8) throw new IllegalStateException("circuit has more than 2^31 edges");
        byte[] kind = new byte[kept];
        int[] st = new int[kept + 1];
        int[] op = new int[(int) edges];
        long[] wt = weighted ? new long[(int) edges] : null;
        long[] th = new long[kept];
        int k = 0, e2 = 0;
        for (int g = 0; g < gates; g++) {
            if (!live[g]) continue;
            kind[k] = kinds.data[g];
            th[k] = thresholds.getLong(g);
            st[k] = e2;
            for (int e = start.getInt(g); e < start.getInt(g + 1); e++) {
                int lit = operands.getInt(e);
                op[e2] = (newNode[lit >>> 1] << 1) | (lit & 1);
                if (wt != null) wt[e2] = weights.getLong(e);
                e2++;
            }
            k++;
        }
        st[kept] = e2;
        int[] outs = outputs.toIntArray();
        for (int o = 0; o < outs.length; o++) outs[o] = (newNode[outs[o] >>> 1] << 1) | (outs[o] & 1);
        return new Circuit(
                inputs,
                kind,
                st,
                op,
                wt,
                th,
                outs,
                inputNames.toArray(String[]::new),
                outputNames.toArray(String[]::new),
                false);
    }

    private void mark(boolean[] live, int lit) {
        int g = (lit >>> 1) - 1 - inputNames.size();
        if (g >= 0) live[g] = true;
    }

    // ---- normalisation ----

    private int andOr(GateKind kind, int[] lits) {
        checkOperands(kind, lits);
        return andOrUnchecked(kind, lits, lits.length);
    }

    private int andOrUnchecked(GateKind kind, int[] lits, int len) {
        // For AND the absorbing literal is FALSE and the identity TRUE; OR is the dual.
        int absorbing = kind == GateKind.AND ? Literal.FALSE : Literal.TRUE;
        int identity = absorbing ^ 1;
        int[] buf = andOrScratch = grow(andOrScratch, len);
        int n = 0;
        for (int i = 0; i < len; i++) {
            int lit = lits[i];
            if (lit == absorbing) return absorbing;
            if (lit != identity) buf[n++] = lit;
        }
        Arrays.sort(buf, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && buf[m - 1] == buf[i]) continue;
            if (m > 0 && buf[m - 1] == (buf[i] ^ 1)) return absorbing; // x and !x are adjacent
            buf[m++] = buf[i];
        }
        if (m == 0) return identity;
        if (m == 1) return buf[0];
        return intern(kind, buf, null, m, 0);
    }

    private int thresholdUnchecked(long t, int[] lits, int len) {
        int[] buf = thresholdScratch = grow(thresholdScratch, len);
        int n = 0;
        for (int i = 0; i < len; i++) {
            int lit = lits[i];
            if (lit == Literal.TRUE) t--;
            else if (lit != Literal.FALSE) buf[n++] = lit;
        }
        Arrays.sort(buf, 0, n);
        // A complementary pair x, !x contributes exactly one true edge.
        int m = 0;
        for (int i = 0; i < n; ) {
            int node = buf[i] >>> 1;
            int j = i;
            while (j < n && buf[j] >>> 1 == node) j++;
            int negStart = i;
            while (negStart < j && (buf[negStart] & 1) == 0) negStart++;
            int p = negStart - i, q = j - negStart, pairs = Math.min(p, q);
            t -= pairs;
            for (int r = 0; r < p - pairs; r++) buf[m++] = node << 1;
            for (int r = 0; r < q - pairs; r++) buf[m++] = (node << 1) | 1;
            i = j;
        }
        if (t <= 0) return Literal.TRUE;
        if (t > m) return Literal.FALSE;
        if (t == m) return andOrUnchecked(GateKind.AND, buf, m);
        if (t == 1) return andOrUnchecked(GateKind.OR, buf, m);
        return intern(GateKind.THRESHOLD, buf, null, m, t);
    }

    private int intern(GateKind kind, int[] lits, long[] w, int n, long t) {
        int h = hash(kind, lits, w, n, t);
        int mask = table.length - 1;
        int i = h & mask;
        for (long entry; (entry = table[i]) != 0; i = (i + 1) & mask) {
            int g = (int) entry - 1;
            if ((int) (entry >>> 32) == h && same(g, kind, lits, w, n, t)) {
                return Literal.of(1 + inputNames.size() + g, false);
            }
        }
        int g = kinds.size;
        if (1L + inputNames.size() + g >= (1 << 30)) throw new IllegalStateException("more than 2^30 nodes");
        kinds.add((byte) kind.ordinal());
        int level = 0;
        for (int k = 0; k < n; k++) {
            operands.add(lits[k]);
            weights.add(w == null ? 1 : w[k]);
            level = Math.max(level, level(lits[k]));
        }
        levels.add(level + 1);
        start.add(operands.size());
        thresholds.add(t);
        table[i] = entry(h, g);
        if (++tableCount * 2 > table.length) rehash();
        return Literal.of(1 + inputNames.size() + g, false);
    }

    private static long entry(int h, int g) {
        return (long) h << 32 | (g + 1);
    }

    private boolean same(int g, GateKind kind, int[] lits, long[] w, int n, long t) {
        if (kinds.data[g] != kind.ordinal() || thresholds.getLong(g) != t) return false;
        int s = start.getInt(g);
        if (start.getInt(g + 1) - s != n) return false;
        for (int i = 0; i < n; i++) {
            if (operands.getInt(s + i) != lits[i]) return false;
            if (w != null && weights.getLong(s + i) != w[i]) return false;
        }
        return true;
    }

    private static int hash(GateKind kind, int[] lits, long[] w, int n, long t) {
        long h = kind.ordinal() * 0x9E3779B97F4A7C15L + t;
        for (int i = 0; i < n; i++) {
            h = (h ^ lits[i]) * 0xBF58476D1CE4E5B9L;
            if (w != null) h = (h ^ w[i]) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 31;
        return (int) h;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long entry : old) {
            if (entry == 0) continue;
            int i = (int) (entry >>> 32) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = entry;
        }
    }

    // ---- checks and scratch ----

    private void checkOperands(GateKind kind, int[] lits) {
        int nodes = numNodes();
        for (int i = 0; i < lits.length; i++) {
            int lit = lits[i];
            if (lit < 0 || (lit >>> 1) >= nodes) {
                throw bad(
                        kind,
                        "operand " + i + " is literal " + lit + ", but node " + (lit >>> 1)
                                + " is not defined (nodes 0.." + (nodes - 1) + " exist)");
            }
        }
    }

    private void checkLiteral(int lit, String what) {
        if (lit < 0 || (lit >>> 1) >= numNodes()) {
            throw new IllegalArgumentException(what + ": literal " + lit + " names undefined node " + (lit >>> 1));
        }
    }

    private IllegalArgumentException bad(GateKind kind, String why) {
        return new IllegalArgumentException(kind + " gate #" + kinds.size + " (node " + numNodes() + "): " + why);
    }

    // Scratch arrays, one per normalising method: weighted may call thresholdUnchecked, which may
    // call andOrUnchecked, and none of them calls itself, so each owns its buffer while it runs.
    // The caller's arrays are never written.
    private long[] weightScratch = new long[16], shiftScratch = new long[16], sortWeights = new long[16];
    private long[] sortKeys = new long[16];
    private int[] weightedLits = new int[16], thresholdScratch = new int[16], andOrScratch = new int[16];
    private int[] xorScratch = new int[16], embedLits = new int[16];
    private long[] embedWeights = new long[16];

    private static int[] grow(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, a.length * 2)];
    }

    private static long[] grow(long[] a, int n) {
        return a.length >= n ? a : new long[Math.max(n, a.length * 2)];
    }

    /** Sorts the first n operands by literal, each weight moving with its literal; stable. */
    private void sortByLiteral(int[] l, long[] w, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = l[i - 1] <= l[i];
        if (sorted) return;
        // insertion sort for short fan-ins, otherwise an index sort
        if (n < 32) {
            for (int i = 1; i < n; i++) {
                int li = l[i];
                long wi = w[i];
                int j = i - 1;
                while (j >= 0 && l[j] > li) {
                    l[j + 1] = l[j];
                    w[j + 1] = w[j];
                    j--;
                }
                l[j + 1] = li;
                w[j + 1] = wi;
            }
            return;
        }
        long[] packed = sortKeys = grow(sortKeys, n);
        for (int i = 0; i < n; i++) packed[i] = ((long) l[i] << 32) | i;
        Arrays.sort(packed, 0, n);
        long[] w2 = sortWeights = grow(sortWeights, n);
        for (int i = 0; i < n; i++) w2[i] = w[(int) packed[i]];
        for (int i = 0; i < n; i++) l[i] = (int) (packed[i] >>> 32);
        System.arraycopy(w2, 0, w, 0, n);
    }

    /** A growable byte array. */
    private static final class ByteList {
        byte[] data = new byte[256];
        int size;

        void add(byte b) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = b;
        }
    }
}
