package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.transformer.ModelFormat;
import dev.tc0.compile.transformer.ModelFormatException;
import dev.tc0.compile.transformer.ModelWriter;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models read from JSON, mistakes in them, the cvp model's size limit, and the circuit's names. */
class LoweringInputsTest {

    @Test
    void jsonRoundTripCompilesToTheSameCircuit() throws ModelFormatException {
        Transformer m = ModelRegistry.get("majority");
        Transformer back = ModelFormat.read(ModelWriter.write(m));
        CompiledModel a = TransformerLowering.compile(m, 9), b = TransformerLowering.compile(back, 9);
        assertEquals(a.circuit().numGates(), b.circuit().numGates());
        assertEquals(a.circuit().depth(), b.circuit().depth());
        LoweringCheck.check(b, LoweringCheck.inputs(back.config(), 9, 4096, 0, 1));
    }

    @Test
    void aJsonModelWithAMistakeIsAnErrorNamingTheField() {
        String json = ModelWriter.write(ModelRegistry.get("dyck1"));
        String broken = json.replaceFirst("\"d_model\"\\s*:\\s*5", "\"d_model\": 6");
        assertTrue(!broken.equals(json));
        ModelFormatException e = assertThrows(
                ModelFormatException.class, () -> TransformerLowering.compile(ModelFormat.read(broken), 4));
        assertTrue(e.getMessage().matches(".*(d_model|token_embed|residual_labels).*"), e.getMessage());
    }

    @Test
    void lengthOutsideTheModelIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TransformerLowering.compile(ModelRegistry.get("hist"), 66));
        assertTrue(e.getMessage().contains("max_seq_len"), e.getMessage());
    }

    @Test
    void inputAndOutputNames() {
        CompiledModel hist = TransformerLowering.compile(ModelRegistry.get("hist"), 3);
        // BOS is position 0's constant, so positions 1 and 2 have one input per letter a b c d (vocab ids 1..4)
        assertEquals(
                List.of(
                        "tok[1][1]",
                        "tok[1][2]",
                        "tok[1][3]",
                        "tok[1][4]",
                        "tok[2][1]",
                        "tok[2][2]",
                        "tok[2][3]",
                        "tok[2][4]"),
                hist.circuit().inputNames());
        assertTrue(hist.circuit().outputNames().contains("label[2][0]"));
        CompiledModel maj = TransformerLowering.compile(ModelRegistry.get("majority"), 4);
        assertEquals(List.of("accept"), maj.circuit().outputNames());
        assertEquals("tok[3][1]", maj.circuit().inputName(7));
    }
}
