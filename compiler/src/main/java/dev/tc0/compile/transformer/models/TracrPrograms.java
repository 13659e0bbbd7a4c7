package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import java.util.List;

/**
 * Tracr's library programs (tracr/compiler/lib.py), compiled the way Tracr compiles them
 * ({@link MiniTracr}), with softmax attention of coldness {@value #COLDNESS}, for programs of up to
 * {@code maxLen} tokens after BOS (max_seq_len = maxLen + 1; the registry ships
 * maxLen = {@value #MAX_LEN}, and its families build any maxLen up to {@value #MAX_FAMILY_LEN}).
 * Inputs start with BOS; outputs at position 0 are meaningless, as in Tracr.
 *
 * <h2>Precision</h2>
 * Each program gets the smallest fixed p at which the exact p-precision forward pass computes its
 * function at every input length n = 2..{@value #MAX_LEN}+1, and p does not depend on maxLen
 * (a model with a smaller maxLen gives the same outputs on its shorter inputs):
 * <ul>
 *   <li><b>length, hist, reverse: p = {@value #BITS}.</b> Their SelectorWidth must tell
 *       x = 1/(w+1) from 1/(w+2), a relative gap of about 1/(w+2), through the truncated
 *       softmax weight, the truncated ramp weight 2(k+1)(k+2) and the truncated product (each off
 *       by up to 2^-(p/2-2)), so the mantissa needs about log2 n + 2 magnitude bits (it has
 *       p/2 - 1). Measured at coldness 20 over every (n, w): p = 12 is exact up to n = 11, 14 up to
 *       25, 16 up to 47, 18 up to 65. reverse then selects by the width's one-hot: at p = 18 its
 *       largest error is 1/8, so the selection stays clean. The width head's output depends only
 *       on (n, w), so checking every pair is a proof for length and hist.</li>
 *   <li><b>sort_unique: p = {@value #SORT_BITS}.</b> Keys are distinct only with at most 8 tokens
 *       (vocabulary 1..8), so its widths are at most 7 and 12 bits decode them; every one of the
 *       109,600 distinct inputs was checked. Longer inputs (repeats) are accepted and get what
 *       Tracr's construction gives; the sort is not claimed there.</li>
 *   <li><b>frac_prevs: p = {@value #BITS}.</b> Position i (1-based, after BOS) with l 'l's among
 *       its i tokens and r among the later ones outputs T(l·α + r·β): its i selected keys weigh
 *       E = T(e^c) each, BOS T(e^(c/2)), each later key 1, Z is their truncated sum, α = T(E/Z)
 *       and β = T(1/Z). With u = 2^-(p/2-2) it lies in [(1-u)²(1-δ)·l/i,
 *       (l + r·e^-c/(1-u))/(i(1-u))] where δ = (e^(c/2) + n)/((1-u)e^c) &lt; 10^-4. That holds at
 *       every p; the intended function asks more: round(i·output) = l, so the output names the
 *       exact fraction. With r = 0 the output depends only on (n, i, l), and r only adds under
 *       n·e^-c; every (n, i, l) was checked: p = 16 first fails at n = 50, 18 holds up to 65.</li>
 * </ul>
 * Past {@value #MAX_LEN} tokens p grows with the length: see {@link #precision}, checked once at
 * n = 128 and 256 on every frac_prevs count and random reverse inputs, and on every hist width at
 * n = 130 and 260 with 2 bits fewer (FamilyFunctionsTest runs n = 100 and 256). A precision derived from n (c·log2 n, the format's other form) would not save bits here: p = 10
 * fails already at n = 2 (F^max ~ 2^19 &lt; e^20), so c &gt; 10, which gives at least 62 bits at
 * n = 65. What the measurements above follow is a floor of 12 bits plus 2 bits per doubling of n
 * (max(12, 2·log2 n + 5.9) rounded up to even fits them), a form the model format does not have;
 * with it, n &lt;= 11 would run at 12 bits.
 *
 * <h2>Coldness</h2>
 * Tracr's default coldness is 100; e^100 overflows p = 16 (F^max ~ 2^134) and far more so p = 12
 * (F^max = 31·2^31 ~ 2^36). With coldness {@value #COLDNESS}, Z is at most 65·e^20 ~ 2^34.9, below
 * F^max from p = 12 up, while a non-matching key weighs e^-20 ~ 2^-28.9 of a matching one (all 64
 * together under 2^-22.8) and the BOS fallback of a matched query e^-10 ~ 2^-14.4: both below the
 * relative truncation error 2^-(p/2-2) of every precision used here. A larger coldness only
 * widens the exponent range that a compiled circuit's sums span.
 *
 * <h2>reverse</h2>
 * Tracr's make_reverse computes opp_idx = length - indices - 1 with a SequenceMap, whose MLP has one
 * hidden unit per (length, index) pair: 65·64 = 4,160 units and d_model 268 at maxLen 64, a
 * 20 MB JSON export. Here opp_idx is the same RASP value as a SelectorWidth, the number of
 * positions after i (Select(indices, indices, k &gt; q)): 129 units, two layers instead of three.
 */
public final class TracrPrograms {
    private TracrPrograms() {}

    /** The longest program input the precisions are checked for, and the one the registry ships. */
    public static final int MAX_LEN = 64;

    public static final double COLDNESS = 20;
    /** p for length, hist, reverse and frac_prevs. */
    public static final int BITS = 18;
    /** p for sort_unique, whose distinct inputs have at most 8 tokens. */
    public static final int SORT_BITS = 12;

    /**
     * The longest program input a family builds: d_model and the MLP width grow as 2·maxLen, so
     * the dense weights take about 32·maxLen² bytes per MLP matrix (128 MB at 2048, already past
     * what the circuit compiler builds by orders of magnitude).
     */
    public static final int MAX_FAMILY_LEN = 2048;

    private static MiniTracr program(String name, String description, List<String> vocab, int maxLen) {
        if (maxLen < 1 || maxLen > MAX_FAMILY_LEN) {
            throw new IllegalArgumentException("a Tracr program's input is 1.." + MAX_FAMILY_LEN
                    + " tokens after BOS (its weights grow as maxLen²), got " + maxLen);
        }
        return new MiniTracr(name, description, vocab, maxLen, AttentionKind.SOFTMAX, COLDNESS);
    }

    /**
     * p for programs of up to maxLen tokens (n = maxLen + 1 positions): {@code base} up to
     * {@value #MAX_LEN} tokens (the measured precisions above), past it p = 2⌈log2 n⌉ + 8 (22 up to
     * n = 128, 24 up to 256, 28 at 1024, 32 at 2049): the width decoding needs about log2 n + 2
     * magnitude bits and frac_prevs' exact fraction as many, and one more bit of margin keeps
     * both (2 bits per doubling from 18 at 65, without the margin, fails reverse and frac_prevs
     * at n = 130).
     */
    public static PrecisionSpec precision(int base, int maxLen) {
        if (maxLen <= MAX_LEN) return PrecisionSpec.bits(base);
        int log = 32 - Integer.numberOfLeadingZeros(maxLen); // ⌈log2(maxLen + 1)⌉
        return PrecisionSpec.bits(2 * log + 8);
    }

    /** make_length: SelectorWidth(Select(tokens, tokens, TRUE)). */
    public static Transformer length(int maxLen) {
        MiniTracr t = program(
                "length", "make_length: the input length at every position", List.of("a", "b", "c", "d"), maxLen);
        return t.categoricalOutput(
                t.selectorWidth(new MiniTracr.Select(t.tokens, t.tokens, (k, q) -> true), "length"),
                precision(BITS, maxLen));
    }

    /** make_hist: SelectorWidth(Select(tokens, tokens, EQ)). */
    public static Transformer hist(int maxLen) {
        MiniTracr t = program(
                "hist", "make_hist: how often each position's token occurs", List.of("a", "b", "c", "d"), maxLen);
        return t.categoricalOutput(
                t.selectorWidth(new MiniTracr.Select(t.tokens, t.tokens, Object::equals), "hist"),
                precision(BITS, maxLen));
    }

    /**
     * make_reverse with opp_idx = length - indices - 1 computed as SelectorWidth(Select(indices,
     * indices, GT)), the number of later positions (see the class comment);
     * Aggregate(Select(indices, opp_idx, EQ), tokens).
     */
    public static Transformer reverse(int maxLen) {
        MiniTracr t = program("reverse", "make_reverse: the input reversed", List.of("a", "b", "c", "d"), maxLen);
        MiniTracr.Cat opp = t.selectorWidth(
                new MiniTracr.Select(t.indices, t.indices, (k, q) -> (Integer) k > (Integer) q), "opp_idx");
        MiniTracr.Cat reversed = t.aggregate(new MiniTracr.Select(t.indices, opp, Object::equals), t.tokens, "reverse");
        return t.categoricalOutput(reversed, precision(BITS, maxLen));
    }

    /**
     * make_sort_unique(vals=tokens, keys=tokens): target_pos = SelectorWidth(Select(keys, keys, LT));
     * Aggregate(Select(target_pos, indices, EQ), vals). Keys must be distinct.
     */
    public static Transformer sortUnique(int maxLen) {
        MiniTracr t = program(
                "sort_unique",
                "make_sort_unique: the (distinct) numbers in increasing order",
                List.of("1", "2", "3", "4", "5", "6", "7", "8"),
                maxLen);
        MiniTracr.Cat target = t.selectorWidth(
                new MiniTracr.Select(
                        t.tokens, t.tokens, (k, q) -> Integer.parseInt((String) k) < Integer.parseInt((String) q)),
                "target_pos");
        MiniTracr.Cat sorted = t.aggregate(new MiniTracr.Select(target, t.indices, Object::equals), t.tokens, "sort");
        return t.categoricalOutput(sorted, precision(SORT_BITS, maxLen));
    }

    /** make_frac_prevs(tokens == "l"): numerical mean of [token == l] over positions j &lt;= i. */
    public static Transformer fracPrevs(int maxLen) {
        MiniTracr t = program(
                "frac_prevs",
                "make_frac_prevs: the fraction of the tokens so far that are 'l'",
                List.of("h", "e", "l", "o"),
                maxLen);
        MiniTracr.Num isL = t.numericalMap(t.tokens, v -> v.equals("l") ? 1.0 : 0.0, "is_l");
        MiniTracr.Num frac = t.aggregate(
                new MiniTracr.Select(t.indices, t.indices, (k, q) -> (Integer) k <= (Integer) q), isL, "frac_prevs");
        return t.numericalOutput(frac, precision(BITS, maxLen));
    }
}
