package dev.tc0.compile.transformer.models;

import dev.tc0.compile.transformer.AttentionKind;
import dev.tc0.compile.transformer.Form;
import dev.tc0.compile.transformer.OutputMode;
import dev.tc0.compile.transformer.PrecisionSpec;
import dev.tc0.compile.transformer.RuleFamily;
import dev.tc0.compile.transformer.Transformer;
import java.util.List;

/**
 * Hand-written models from the papers: MAJORITY with one uniform head (Sat22) and Dyck-1 with two
 * causal uniform heads. Both decide by signs, which truncation toward zero preserves exactly, so
 * they are exact at any precision meeting the paper's requirement. Both are families: MAJORITY
 * has no n-dependent parameter, Dyck-1 one gain of 2n; they run every n their precision allows
 * (MAJORITY: p = 3·log2 n reaches 64 bits past n = 2^21.3; Dyck-1: p = 16 holds
 * log2 2 + log2 n up to n = 2^15).
 */
public final class PaperModels {
    private PaperModels() {}

    /**
     * MAJORITY: accept iff more 1s than 0s. One saturated head with constant scores is uniform
     * attention; its value is +1 for a 1 and -1 for a 0, so position 1 holds (#1 - #0)·trunc(1/n),
     * whose sign is the answer. Precision 3·log2(n).
     */
    public static Transformer majority(int maxSeqLen) {
        return majorityFamily().at(maxSeqLen);
    }

    /** MAJORITY for every n: nothing in it depends on n but the precision. */
    public static RuleFamily majorityFamily() {
        ModelBuilder b =
                new ModelBuilder("majority", "accept iff the input has more 1s than 0s", List.of("0", "1"), null, 1);
        int vote = b.dim("vote"), mean = b.dim("mean_vote");
        b.tokenEmbed("1", vote, 1).tokenEmbed("0", vote, -1);
        b.layer(false).head().copyMean(vote, mean);
        b.unembed(mean, 0, 1);
        return b.family(
                PrecisionSpec.perLog2N(3), AttentionKind.SATURATED, 1, OutputMode.CLASSIFY_FIRST, List.of(), null);
    }

    /**
     * Dyck-1: accept iff the parentheses are balanced. Layer 1 averages +1/-1 over each prefix
     * (causal uniform head): the prefix balance b_i, exactly signed. Its MLP turns a negative
     * balance into neg_i = ReLU(-2N·b_i) &gt;= 1. Layer 2 averages neg over each prefix and its MLP
     * collects bad = ReLU(2N·b) + ReLU(-2N·b) + ReLU(2N·mean neg), which is 0 exactly when the
     * input is balanced and at least about 1 otherwise; the last position accepts iff 1/2 - bad &gt; 0.
     * Built for inputs of up to {@code maxSeqLen} symbols (N = maxSeqLen in the gain).
     */
    public static Transformer dyck1(int maxSeqLen) {
        return dyck1Family().at(maxSeqLen);
    }

    /** Dyck-1 for every n: the gain 2N is the weight rule 2·n (form "n"). */
    public static RuleFamily dyck1Family() {
        ModelBuilder b = new ModelBuilder(
                "dyck1", "accept iff the parentheses are balanced (Dyck-1)", List.of("(", ")"), null, 1);
        int step = b.dim("step"),
                balance = b.dim("prefix_balance"),
                neg = b.dim("negative_prefix"),
                anyNeg = b.dim("mean_negative_prefix"),
                bad = b.dim("bad");
        double gain = 2; // times n: |b_i| >= 1/(i+1) when nonzero, so 2n·|b_i| >= 2
        b.tokenEmbed("(", step, 1).tokenEmbed(")", step, -1);
        ModelBuilder.LayerBuilder first = b.layer(true);
        first.head().copyMean(step, balance);
        int u = first.unit();
        first.in(balance, u, Form.N, -gain).out(u, neg, 1);
        ModelBuilder.LayerBuilder second = b.layer(true);
        second.head().copyMean(neg, anyNeg);
        for (double[] input : new double[][] {{balance, gain}, {balance, -gain}, {anyNeg, gain}}) {
            int v = second.unit();
            second.in((int) input[0], v, Form.N, input[1]).out(v, bad, 1);
        }
        b.unembed(bad, 0, -1).unembed(-1, 0, 0.5);
        return b.family(PrecisionSpec.bits(16), AttentionKind.SATURATED, 1, OutputMode.CLASSIFY_LAST, List.of(), null);
    }
}
