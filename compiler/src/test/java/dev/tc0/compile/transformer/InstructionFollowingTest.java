package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.LoweringLimitException;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.lowering.Verification;
import dev.tc0.compile.transformer.models.CvpModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Lemma 3 end to end, through the compiler: random threshold circuits in prefix form, followed by
 * their input bits, fed to the threshold circuit compiled from the CVP transformer, give the value
 * of the circuit. The compiled circuit must also equal the reference forward pass (and raise its
 * {@code ambiguous} output exactly where a selection head has a tie) on random token strings.
 */
class InstructionFollowingTest {
    /**
     * Every input of random depth-1 circuits whose encoding has exactly n tokens (a model built for
     * max_seq_len n). Rows of declared selection heads that no output reads can still tie on a
     * well-formed input (a pointer head at a position that is not a pointer), so the circuit may
     * flag such an input; wherever it does not, it must give the circuit's value.
     */
    @ParameterizedTest
    @ValueSource(ints = {12})
    void compiledDepthOneTransformerEvaluatesRandomCircuits(int n) {
        Transformer model = CvpModel.build(1, n);
        CompiledModel cm = TransformerLowering.compile(model, n);
        SplittableRandom rnd = new SplittableRandom(n);
        List<int[]> words = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        int circuits = 0;
        for (int tries = 0; circuits < 12 && tries < 100_000; tries++) {
            PrefixCircuit c = PrefixCircuit.random(1, rnd);
            if (c.tokens().size() + c.inputs() != n) continue;
            for (int x = 0; x < 1 << c.inputs(); x++) {
                boolean[] bits = new boolean[c.inputs()];
                for (int i = 0; i < bits.length; i++) bits[i] = (x >> i & 1) != 0;
                words.add(model.config().encode(c.withInput(bits)));
                expected.add(c.evaluate(bits));
            }
            circuits++;
        }
        assertEquals(12, circuits, "no random circuits of length " + n);
        List<CompiledModel.Result> got = cm.run(words);
        int accepted = 0, rejected = 0;
        for (int w = 0; w < words.size(); w++) {
            String at = "n=" + n + " " + String.join(" ", model.config().decode(words.get(w)));
            if (got.get(w).ambiguous()) continue;
            assertEquals(expected.get(w), got.get(w).accepted(), at);
            if (expected.get(w)) accepted++;
            else rejected++;
        }
        System.out.printf("cvp depth 1, n = %d: %d of %d inputs of well-formed circuits answered (%d accepted), the rest flagged%n",
                n, accepted + rejected, words.size(), accepted);
        assertTrue(accepted > 0 && rejected > 0, accepted + " accepted and " + rejected + " rejected of " + words.size() + ": too few answered");
        // and the whole circuit against the reference on random token strings (ties flagged exactly)
        assertTrue(Verification.check(cm, Verification.inputs(model.config(), n, 0, 2000, 17L * n)) > 0);
    }

    /**
     * Deeper circuits are open: a gate's pooling head averages over positions, and value-set
     * analysis cannot see that a pool holds exactly one gate token, so the second level's sums
     * pass the limit. The compile stops early and names the component.
     */
    @Test
    void deeperModelsStopAtTheSizeLimitNamingTheComponent() {
        LoweringLimitException e = assertThrows(LoweringLimitException.class, () -> TransformerLowering.compile(CvpModel.build(2, 12), 12));
        assertTrue(e.getMessage().startsWith("layer 7 "), e.getMessage());
    }
}
