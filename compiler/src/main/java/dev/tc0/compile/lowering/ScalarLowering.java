package dev.tc0.compile.lowering;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.PMath;
import dev.tc0.compile.number.Precision;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The scalar lowering library: p-precision operations on {@link Scalar}s, each building the
 * constant-depth circuit that computes it exactly, with the tables computed by {@link PMath} (so
 * the circuit IS the reference semantics on every member of the value sets).
 *
 * <ul>
 *   <li>{@link #map}: any function of one scalar (⊗ by a constant weight, ReLU, negation, exp,
 *       the layer-norm factor, ⊘ by an integer): a Lemma-1 lookup whose minterms are the domain's
 *       literals, so it costs <b>no gates</b>: only the value table changes. The next operation
 *       reads the new values off the same minterms.</li>
 *   <li>{@link #combine}: a function of two scalars (x ⊗ y, x ⊘ y): Lemma 1 over the pairs of
 *       minterms, one AND per pair (depth 1), after merging each operand to its distinct values
 *       (one OR per value, depth 1). Two scalars over the same domain combine pointwise, free.</li>
 *   <li>{@link #sum}: ⊕ of k terms (Def 15: one exact sum on the grid, one f_p). Terms over the
 *       same domain add pointwise (exactly, on the grid). Otherwise the exact grid sum
 *       S = Σ_r w_r·l_r is a linear form in the minterm literals with integer weights (the g_p
 *       values shifted to the lowest bit any term can hold: value-range analysis narrows the grid);
 *       f_p is monotone, so the result is constant on intervals of S, and the result's minterms
 *       are AND([S ≥ t_r], ¬[S ≥ t_(r+1)]) over the interval starts t_r of the possible sums: one
 *       weighted threshold gate per interval (src/docs/paper.md, Iterated addition (a): iterated
 *       addition in depth 2 with exponential weights) and one AND. Depth 2, independent of k.</li>
 *   <li>{@link #isMax}: saturated attention's s_ij = [σ_ij is maximal in its row], depth 4.</li>
 * </ul>
 *
 * <p>This class is the library's entry point; the work is done by its parts, one job each:
 * {@link LoweringContext} (the builder, levels, limits), {@link Domains} (minterm sets, their
 * refinements and products), {@link Lookups} (functions of scalars as value tables), {@link Sums}
 * (⊕, through {@link LinearForm} and {@link Threshold}) and {@link Comparisons} (comparisons,
 * row maxima, arg-max, bits). Sizes are bounded by {@link Limits}; exceeding one throws
 * {@link LoweringLimitException} naming the component.
 */
public final class ScalarLowering {

    /**
     * Size limits. {@code maxSums}: possible exact sums of one ⊕ (value-set cap); {@code
     * maxDomain}: minterms of one product of two domains; {@code maxGates}: the whole circuit;
     * {@code maxWeightBits}: the width of a threshold gate's weights (the sums of |weights| must
     * fit a signed 64-bit long); {@code blockSums}: see {@link #withBlockSums} (off by default).
     */
    public record Limits(
            int maxSums,
            int maxDomain,
            long maxGates,
            int maxWeightBits,
            int maxWideBits,
            int maxRuns,
            long maxEdges,
            boolean blockSums) {
        public static final Limits DEFAULT =
                new Limits(1 << 16, 1 << 16, 20_000_000L, 62, 4096, 4096, 100_000_000L, false);

        public Limits withMaxGates(long gates) {
            return new Limits(maxSums, maxDomain, gates, maxWeightBits, maxWideBits, maxRuns, maxEdges, blockSums);
        }

        public Limits withMaxEdges(long edges) {
            return new Limits(maxSums, maxDomain, maxGates, maxWeightBits, maxWideBits, maxRuns, edges, blockSums);
        }

        /**
         * Threshold sums over many terms in two stages (blocks added to binary, then the tests on
         * the blocks' bits): about n^2.5 edges instead of n^3 for the sums over positions of a
         * causal model, at two more levels for counts (src/docs/lowering.md, "Compile at scale").
         */
        public Limits withBlockSums(boolean on) {
            return new Limits(maxSums, maxDomain, maxGates, maxWeightBits, maxWideBits, maxRuns, maxEdges, on);
        }
    }

    private final LoweringContext ctx;
    private final Domains domains;
    private final Lookups lookups;
    private final Sums sums;
    private final Comparisons comparisons;

    public ScalarLowering(CircuitBuilder b, Precision prec, Limits limits) {
        this.ctx = new LoweringContext(b, prec, limits);
        this.domains = new Domains(ctx);
        this.lookups = new Lookups(ctx, domains);
        this.sums = new Sums(ctx, domains);
        this.comparisons = new Comparisons(ctx, domains);
    }

    public CircuitBuilder builder() {
        return ctx.builder();
    }

    public Precision precision() {
        return ctx.precision();
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Names the component being built, for limit messages and statistics. */
    public void component(String name) {
        ctx.component(name);
    }

    public String currentComponent() {
        return ctx.currentComponent();
    }

    /** The largest level (depth from the inputs) of any gate built or reused since {@link #component}. */
    public int componentLevel() {
        return ctx.componentLevel();
    }

    /** The level of a literal: 0 for inputs and constants. */
    public int level(int lit) {
        return ctx.level(lit);
    }

    /**
     * Operand edges of the gates built so far (gates found in the structural hash count once),
     * also those of embedded arithmetic circuits (the wide route).
     */
    public long edges() {
        return ctx.edges();
    }

    /** OR of the literals (a one-hot choice's bit), tracked for levels. */
    public int anyOf(int... lits) {
        return ctx.or(lits);
    }

    public int allOf(int... lits) {
        return lits.length == 0 ? Literal.TRUE : ctx.and(lits);
    }

    // ---------------------------------------------------------------- scalars

    public Scalar constant(PFloat v) {
        return domains.constant(v);
    }

    /** A domain of literals the caller guarantees exclusive and exhaustive (e.g. one-hot inputs). */
    public Domain domainOf(int[] lits) {
        return domains.domain(lits);
    }

    /** A scalar given by its value on each minterm of a domain. */
    public Scalar of(Domain d, PFloat[] values) {
        return domains.simplify(new Scalar(d, values));
    }

    /** The 0/1 scalar of a literal. */
    public Scalar indicator(int lit) {
        return domains.indicator(lit);
    }

    /** The scalar over its distinct values: one OR per value (memoised, so identity is kept). */
    public Scalar merge(Scalar x) {
        return domains.merge(x);
    }

    /** Any function of one scalar: a new value table on the same minterms, no gates. */
    public Scalar map(Scalar x, UnaryOperator<PFloat> f) {
        return lookups.map(x, f);
    }

    /** A function of two scalars: pointwise on a shared domain, else Lemma 1 over pairs of minterms. */
    public Scalar combine(Scalar x, Scalar y, BinaryOperator<PFloat> f) {
        return lookups.combine(x, y, f);
    }

    /** A vector of scalars over one domain: on minterm k the vector is {@code values[k]}. */
    public record Tuple(Domain domain, PFloat[][] values) {
        public int size() {
            return domain.size();
        }
    }

    /** The scalars as one tuple over the product of their domains ({@link Lookups#tuple}). */
    public Tuple tuple(List<Scalar> xs) {
        return lookups.tuple(xs);
    }

    /** Scalars chosen by exclusive selector literals ({@link Lookups#select}). */
    public List<Scalar> select(List<Integer> selectors, List<List<Scalar>> choices, int width) {
        return lookups.select(selectors, choices, width);
    }

    /** The columns of a tuple as scalars over its domain. */
    public List<Scalar> columns(Tuple t, int width) {
        return lookups.columns(t, width);
    }

    /** The scalar without its zero entries, for a value known to be nonzero on every input ({@link Lookups#assumeNonZero}). */
    public Scalar assumeNonZero(Scalar x) {
        return lookups.assumeNonZero(x);
    }

    // ---------------------------------------------------------------- sums

    /** ⊕ of the terms (Def 15). Equal linear forms give the same scalar, so their results stay correlated. */
    public Scalar sum(List<Scalar> terms) {
        return sums.sum(terms);
    }

    /** [⊕ terms &gt; 0]: f_p keeps the sign, so the exact grid sum decides; no normaliser. */
    public int positive(List<Scalar> terms) {
        return sums.positive(terms);
    }

    // ---------------------------------------------------------------- comparisons

    /** [x ≥ v] (or [x &gt; v] when strict) for a constant v: one OR of minterms. */
    public int compareConstant(Scalar x, PFloat v, boolean strict) {
        return comparisons.compareConstant(x, v, strict);
    }

    /** [x &gt; y] (or [x ≥ y] when not strict). */
    public int compare(Scalar x, Scalar y, boolean strict) {
        return comparisons.compare(x, y, strict);
    }

    /** Saturated attention's weights s_j = [σ_j is maximal in its row] as 0/1 scalars ({@link Comparisons#saturate}). */
    public List<Scalar> saturate(List<Scalar> row) {
        return comparisons.saturate(row);
    }

    /** Saturated attention: s_j = [σ_j equals the row maximum] for one row, as literals (depth 4). */
    public int[] isMax(List<Scalar> row) {
        return comparisons.isMax(row);
    }

    /** Arg-max with ties to the lowest index, one-hot. */
    public int[] argmax(List<Scalar> ys) {
        return comparisons.argmax(ys);
    }

    /** Arg-max with ties to the lowest index, as exclusive terms per candidate ({@link Comparisons#argmaxTerms}). */
    public int[][] argmaxTerms(List<Scalar> ys) {
        return comparisons.argmaxTerms(ys);
    }

    /** The index of the arg-max (ties to the lowest), as little-endian bits. */
    public int[] argmaxBits(List<Scalar> ys) {
        return comparisons.argmaxBits(ys);
    }

    /** The p-bit bus: bit i is bit i (little-endian) of the code {@link PFloat#bits()}, one OR per bit. */
    public int[] bits(Scalar x) {
        return comparisons.bits(x);
    }
}
