package dev.tc0.compile.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.compile.transformer.NpzArrays;
import dev.tc0.compile.transformer.NpzModel;
import dev.tc0.compile.transformer.Transformer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model trained elsewhere, end to end: src/examples/torch/majority16 (one layer trained with
 * PyTorch on majority at n = 16, exported as Haiku-named NumPy arrays and a configuration) reads,
 * compiles at n = 16, equals the exact forward pass on every one of the 2^16 inputs, and so
 * computes what the p-precision model computes: majority, on every input, at p = 16.
 */
class TrainedModelTest {
    private static final Path EXAMPLE = Path.of("..", "src", "examples", "torch");

    @Test
    void trainedMajorityCompilesAndAgreesOnEveryInput() throws Exception {
        Map<String, NpzArrays.Array> arrays;
        try (InputStream in = Files.newInputStream(EXAMPLE.resolve("majority16.npz"))) {
            arrays = NpzArrays.read(in);
        }
        Transformer m = NpzModel.read(Files.readString(EXAMPLE.resolve("majority16.json")), arrays);
        int n = 16;
        CompiledModel cm = TransformerLowering.compile(m, n);
        System.out.println(cm.summary());
        List<int[]> words = Verification.inputs(m.config(), n, 1 << n, 0, 1);
        assertEquals(1 << n, words.size());
        assertEquals(words.size(), LoweringCheck.check(cm, words));
        List<CompiledModel.Result> got = cm.run(words);
        int wrong = 0;
        List<String> examples = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            int ones = 0;
            for (int t : words.get(w)) ones += t;
            if (got.get(w).accepted() != (2 * ones > n)) {
                wrong++;
                if (examples.size() < 3) examples.add(java.util.Arrays.toString(words.get(w)));
            }
        }
        assertEquals(0, wrong, "inputs where the compiled model is not majority, e.g. " + examples);
    }
}
