package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.fuzz.FuzzLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model reader under the circuit readers' seeded mutation loop ({@link FuzzLoop}): every
 * mutated model file, read from its bytes as a file is (UTF-8 check included), must end in a
 * model or in a one-line {@link ModelFormatException}; never another exception, an error or a
 * hang. The corpus (src/test/resources/fuzz/model/) holds two of the shipped example models.
 */
class ModelFuzzTest {
    static final int MUTATIONS = 10_000;

    @Test
    void mutatedModelsReadOrFailCleanly() throws Exception {
        List<byte[]> corpus = FuzzLoop.corpus(ModelFuzzTest.class, "model");
        for (byte[] d : corpus) ModelFormat.read(ModelFormat.utf8(d)); // the corpus itself reads
        int read = FuzzLoop.run(
                "model",
                corpus,
                MUTATIONS,
                2027,
                d -> ModelFormat.read(ModelFormat.utf8(d)),
                ModelFormatException.class);
        System.out.println("model: " + read + " of " + MUTATIONS + " mutations still read");
        assertTrue(read > 0 && read < MUTATIONS, "mutations should both read and fail: " + read);
    }
}
