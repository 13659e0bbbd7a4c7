package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final int MAX_LEN = 16;

    /** Every input of random depth-1 circuits whose encoding has exactly n tokens. */
    @ParameterizedTest
    @ValueSource(ints = {8, 11, 14})
    void compiledDepthOneTransformerEvaluatesRandomCircuits(int n) {
        Transformer model = CvpModel.build(1, MAX_LEN);
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
        int accepted = 0;
        for (int w = 0; w < words.size(); w++) {
            String at = "n=" + n + " " + String.join(" ", model.config().decode(words.get(w)));
            assertFalse(got.get(w).ambiguous(), at + ": a well-formed circuit must not tie any selection head");
            assertEquals(expected.get(w), got.get(w).accepted(), at);
            if (expected.get(w)) accepted++;
        }
        assertTrue(accepted > 0 && accepted < words.size(), accepted + " of " + words.size() + " accepted: one-sided test circuits");
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
