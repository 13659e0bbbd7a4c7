package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.lowering.Verification;
import dev.tc0.compile.transformer.models.CvpModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lemma 3 end to end, through the compiler: random threshold circuits in prefix form, followed by
 * their input bits, fed to the threshold circuit compiled from the CVP transformer, give the value
 * of the circuit. The compiled circuit must also equal the reference forward pass (and raise its
 * {@code ambiguous} output exactly where a selection head has a tie) on random token strings.
 */
class InstructionFollowingTest {
    /**
     * Every input of random circuits of every depth up to the model's whose encoding has exactly n
     * tokens (a model built for max_seq_len n): the compiled circuit gives the circuit's value and
     * never raises {@code ambiguous} (every selection head has a unique maximum on a well-formed
     * input). Then the whole compiled circuit against the reference forward pass on random token
     * strings, most of them not circuits at all: equal wherever {@code ambiguous} is 0, and
     * {@code ambiguous} exactly where a declared selection head ties.
     */
    @ParameterizedTest
    @CsvSource({"1, 12", "2, 16", "3, 20"})
    void compiledTransformerEvaluatesRandomCircuits(int depth, int n) {
        Transformer model = CvpModel.build(depth, n);
        CompiledModel cm = TransformerLowering.compile(model, n);
        SplittableRandom rnd = new SplittableRandom(31L * n + depth);
        List<int[]> words = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        int[] circuitsOfDepth = new int[depth + 1];
        for (PrefixCircuit c : PrefixCircuit.ofLength(n, depth, 12, rnd, 4, 3, 3)) {
            circuitsOfDepth[c.depth()]++;
            for (boolean[] bits : c.assignments()) {
                words.add(model.config().encode(c.withInput(bits)));
                expected.add(c.evaluate(bits));
                depths.add(c.depth());
            }
        }
        for (int d = 1; d <= depth; d++)
            assertTrue(
                    circuitsOfDepth[d] >= 4,
                    "only " + circuitsOfDepth[d] + " random circuits of depth " + d + " and length " + n);
        List<CompiledModel.Result> got = cm.run(words);
        int accepted = 0;
        for (int w = 0; w < words.size(); w++) {
            String at = "depth-" + depths.get(w) + " circuit, n=" + n + ": "
                    + String.join(" ", model.config().decode(words.get(w)));
            assertFalse(got.get(w).ambiguous(), at);
            assertEquals(expected.get(w), got.get(w).accepted(), at);
            if (expected.get(w)) accepted++;
        }
        assertTrue(
                accepted > 0 && accepted < words.size(),
                accepted + " of " + words.size() + " accepted: the inputs do not test both answers");
        System.out.printf(
                "cvp depth %d, n = %d: %s; %d circuits of depth 1..%d (%s), %d inputs, all answered, %d accepted%n",
                depth,
                n,
                cm.summary(),
                java.util.Arrays.stream(circuitsOfDepth).sum(),
                depth,
                java.util.Arrays.toString(java.util.Arrays.copyOfRange(circuitsOfDepth, 1, depth + 1)),
                words.size(),
                accepted);
        Verification.Verdict v = Verification.check(cm, Verification.inputs(model.config(), n, 0, 2000, 17L * n));
        assertTrue(v.agrees(), () -> v.mismatch().message());
        assertTrue(v.agreed() > 0, v.ambiguous() + " of the inputs ambiguous, none compared");
    }
}
