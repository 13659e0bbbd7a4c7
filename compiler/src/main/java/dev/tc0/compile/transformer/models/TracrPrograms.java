package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.Transformer;
import java.util.List;

/**
 * Tracr's library programs (tracr/compiler/lib.py), compiled the way Tracr compiles them, with
 * softmax attention of coldness {@value #COLDNESS} and p = {@value #BITS}. Inputs start with BOS;
 * outputs at position 0 are meaningless, as in Tracr.
 */
public final class TracrPrograms {
    private TracrPrograms() {}

    /** Tracr's default coldness is 100; exp(100) overflows 16-bit floats (F^max ~ 2^134), 40 does not. */
    public static final double COLDNESS = 40;
    public static final int BITS = 16;
    public static final int MAX_LEN = 8;

    private static final PrecisionSpec PRECISION = PrecisionSpec.bits(BITS);

    private static MiniTracr program(String name, String description, List<String> vocab) {
        return new MiniTracr(name, description, vocab, MAX_LEN, AttentionKind.SOFTMAX, COLDNESS);
    }

    /** make_length: SelectorWidth(Select(tokens, tokens, TRUE)). */
    public static Transformer length() {
        MiniTracr t = program("length", "make_length: the input length at every position", List.of("a", "b", "c", "d"));
        return t.categoricalOutput(t.selectorWidth(new MiniTracr.Select(t.tokens, t.tokens, (k, q) -> true), "length"), PRECISION);
    }

    /** make_hist: SelectorWidth(Select(tokens, tokens, EQ)). */
    public static Transformer hist() {
        MiniTracr t = program("hist", "make_hist: how often each position's token occurs", List.of("a", "b", "c", "d"));
        return t.categoricalOutput(t.selectorWidth(new MiniTracr.Select(t.tokens, t.tokens, Object::equals), "hist"), PRECISION);
    }

    /**
     * make_reverse: opp_idx = length - indices - 1 (Tracr's two SequenceMap/Map steps fused into
     * one SequenceMap); Aggregate(Select(indices, opp_idx, EQ), tokens).
     */
    public static Transformer reverse() {
        MiniTracr t = program("reverse", "make_reverse: the input reversed", List.of("a", "b", "c", "d"));
        MiniTracr.Cat length = t.selectorWidth(new MiniTracr.Select(t.tokens, t.tokens, (k, q) -> true), "length");
        MiniTracr.Cat opp = t.sequenceMap(length, t.indices, (n, i) -> (Integer) n - (Integer) i - 1, "opp_idx");
        MiniTracr.Cat reversed = t.aggregate(new MiniTracr.Select(t.indices, opp, Object::equals), t.tokens, "reverse");
        return t.categoricalOutput(reversed, PRECISION);
    }

    /**
     * make_sort_unique(vals=tokens, keys=tokens): target_pos = SelectorWidth(Select(keys, keys, LT));
     * Aggregate(Select(target_pos, indices, EQ), vals). Keys must be distinct.
     */
    public static Transformer sortUnique() {
        MiniTracr t = program("sort_unique", "make_sort_unique: the (distinct) numbers in increasing order",
                List.of("1", "2", "3", "4", "5", "6", "7", "8"));
        MiniTracr.Cat target = t.selectorWidth(new MiniTracr.Select(t.tokens, t.tokens,
                (k, q) -> Integer.parseInt((String) k) < Integer.parseInt((String) q)), "target_pos");
        MiniTracr.Cat sorted = t.aggregate(new MiniTracr.Select(target, t.indices, Object::equals), t.tokens, "sort");
        return t.categoricalOutput(sorted, PRECISION);
    }

    /** make_frac_prevs(tokens == "l"): numerical mean of [token == l] over positions j &lt;= i. */
    public static Transformer fracPrevs() {
        MiniTracr t = program("frac_prevs", "make_frac_prevs: the fraction of the tokens so far that are 'l'",
                List.of("h", "e", "l", "o"));
        MiniTracr.Num isL = t.numericalMap(t.tokens, v -> v.equals("l") ? 1.0 : 0.0, "is_l");
        MiniTracr.Num frac = t.aggregate(new MiniTracr.Select(t.indices, t.indices, (k, q) -> (Integer) k <= (Integer) q), isL, "frac_prevs");
        return t.numericalOutput(frac, PRECISION);
    }
}
