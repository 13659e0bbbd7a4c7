package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.Evaluator;
import dev.tc0.eval.PlaneFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ABC as an oracle: tc0 writes a circuit as binary AIGER, ABC simulates it with {@code &lnetsim} on
 * random planes, and its output planes must equal tc0's bit for bit. This checks the AIGER writer
 * (and the readers behind it) against an independent implementation.
 */
class AbcComparisonTest {
    static final String ABC = "berkeley-abc";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsAbc() {
        ExternalTools.assumeOnPath(ABC);
    }

    private void compareWithAbc(Circuit c, int words, long seed) throws IOException, InterruptedException {
        Path aig = dir.resolve("c.aig"), in = dir.resolve("in.bin"), out = dir.resolve("out.bin");
        Formats.write(c, aig);
        long[][] planes = TestCircuits.randomPlanes(seed, c.numInputs(), words);
        PlaneFiles.write(in, planes);
        ExternalTools.run(dir, List.of(ABC, "-q", "&r c.aig; &lnetsim in.bin out.bin"));
        long[][] abc = PlaneFiles.read(out, c.numOutputs());
        long[][] ours = Evaluator.evaluate(c, planes);
        for (int o = 0; o < c.numOutputs(); o++)
            assertArrayEquals(ours[o], abc[o], "output " + o + " " + c.outputName(o));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "iscas85/c432.bench",
                "iscas85/c6288.bench",
                "iscas85/c7552.bench",
                "epfl/max.blif",
                "epfl/sin.blif",
                "epfl/adder.aig",
                "epfl/square.aig"
            })
    void realCircuitsAgreeWithAbc(String file) throws Exception {
        String[] parts = file.split("/");
        Circuit c = Formats.read(TestCircuits.circuit(parts[0], parts[1]));
        compareWithAbc(c, 64, file.hashCode());
    }

    @Test
    void randomCircuitsOfEveryKindAgreeWithAbc() throws Exception {
        for (int seed = 0; seed < 8; seed++) {
            Circuit c = TestCircuits.randomCircuit(100 + seed, 3 + 4 * seed, 60, 8, true, seed % 2 == 0);
            assertTrue(c.numOutputs() > 0);
            compareWithAbc(c, 16, seed);
        }
    }
}
