package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification's verdict: agreement counted, and the first word where a wrong circuit differs. */
class VerificationTest {
    private static final int N = 11; // 2^11 majority words: more than one chunk of 256

    @Test
    void aCompiledCircuitAgreesOnEveryWord() {
        Transformer m = ModelRegistry.get("majority");
        CompiledModel cm = TransformerLowering.compile(m, N);
        List<int[]> words = Verification.inputs(m.config(), N, 1 << N, 0, 1);
        Verification.Verdict v = Verification.check(cm, words);
        assertNull(v.mismatch());
        assertEquals(words.size(), v.agreed() + v.ambiguous());
        assertEquals(1 << N, words.size());
    }

    @Test
    void aWrongCircuitIsReportedAtItsFirstDifferingWord() {
        Transformer m = ModelRegistry.get("majority");
        CompiledModel right = TransformerLowering.compile(m, N);
        List<int[]> words = Verification.inputs(m.config(), N, 1 << N, 0, 1);
        // Flip the answer where position 0 holds token 1: in the exhaustive order (last position
        // fastest) that is the second half of the words, so half of them agree before it.
        int position = 0, token = 1;
        int input = right.layout().tokenInput()[position][token];
        assertTrue(input >= 0);
        CompiledModel wrong = withAcceptFlippedBy(right, input);

        Verification.Verdict v = Verification.check(wrong, words);

        int first = 0;
        while (words.get(first)[position] != token) first++;
        assertTrue(first > 256, "the mismatch should lie past the first chunk's first word: " + first);
        assertEquals(first, v.agreed() + v.ambiguous());
        Verification.Mismatch x = v.mismatch();
        assertEquals(first, x.index());
        assertArrayEquals(words.get(first), x.input());
        assertEquals("accept", x.output());
        boolean expected = right.run(List.of(words.get(first))).get(0).accepted();
        assertEquals(String.valueOf(!expected), x.circuit());
        assertEquals(String.valueOf(expected), x.reference());
        assertTrue(x.message().startsWith("majority n=" + N + " input "), x.message());
    }

    /** The same model with its accept output XORed with one input: wrong wherever that input is 1. */
    private static CompiledModel withAcceptFlippedBy(CompiledModel cm, int input) {
        Circuit c = cm.circuit();
        CircuitBuilder b = new CircuitBuilder();
        int[] in = new int[c.numInputs()];
        for (int i = 0; i < in.length; i++) in[i] = b.input(c.inputName(i));
        int[] out = b.embed(c, in);
        int accept = cm.layout().accept();
        out[accept] = b.xor(out[accept], in[input]);
        for (int o = 0; o < out.length; o++) b.output(c.outputName(o), out[o]);
        return new CompiledModel(
                cm.model(),
                cm.n(),
                cm.precisionBits(),
                b.build(),
                cm.layout(),
                cm.components(),
                cm.buildMillis(),
                cm.allocatedBytes(),
                cm.inputs());
    }
}
