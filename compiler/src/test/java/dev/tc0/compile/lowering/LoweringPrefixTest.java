package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.transformer.ModelConfig;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiling with a fixed prefix (InputSpace): the fixed positions have no inputs, the circuit is
 * no larger than the plain compile, and it equals the reference forward pass on every word of the
 * space (prefix ‖ free tokens). For a BOS model the prefix goes after BOS.
 */
class LoweringPrefixTest {
    @ParameterizedTest
    @CsvSource({"dyck1, 8, ( (", "majority, 9, 1 0 1 1", "hist, 6, a b", "length, 5, b"})
    void aFixedPrefixShrinksTheCircuitAndKeepsItExact(String name, int n, String prefix) {
        Transformer m = ModelRegistry.get(name);
        ModelConfig c = m.config();
        List<Integer> ids = java.util.Arrays.stream(prefix.split(" "))
                .map(c.vocab()::indexOf)
                .toList();
        InputSpace space = InputSpace.prefix(ids);
        CompiledModel plain = TransformerLowering.compile(m, n);
        CompiledModel fixed = TransformerLowering.compile(m, n, TransformerLowering.Options.DEFAULT.withInputs(space));
        int bos = c.bos() == null ? 0 : 1;
        int alphabet = c.vocab().size() - bos;
        assertEquals(
                (n - bos - ids.size()) * alphabet,
                fixed.circuit().numInputs(),
                "one input per free position and token");
        assertEquals((n - bos) * alphabet, plain.circuit().numInputs());
        assertTrue(
                fixed.circuit().numGates() <= plain.circuit().numGates(), fixed.summary() + " vs " + plain.summary());
        List<int[]> words = Verification.inputs(c, space, n, 1 << 12, 0, 1);
        assertEquals((int) Math.pow(alphabet, n - bos - ids.size()), words.size(), "every word of the space");
        for (int[] w : words) for (int i = 0; i < ids.size(); i++) assertEquals(ids.get(i), w[bos + i]);
        assertEquals(words.size(), LoweringCheck.check(fixed, words));
        // a word that breaks the prefix is refused, naming the position
        int[] wrong = words.getFirst().clone();
        wrong[bos] = (wrong[bos] + 1 - bos) % alphabet + bos;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fixed.encode(wrong));
        assertTrue(e.getMessage().contains("position " + bos), e.getMessage());
        System.out.printf(
                "%s n=%d prefix '%s': %d -> %d gates, %d -> %d inputs, all %d words equal the reference%n",
                name,
                n,
                prefix,
                plain.circuit().numGates(),
                fixed.circuit().numGates(),
                plain.circuit().numInputs(),
                fixed.circuit().numInputs(),
                words.size());
    }
}
