package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.eval.Evaluator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Verilog writer's output is read by Yosys, mapped to an AIG and written as AIGER with
 * symbols; tc0 reads that back and compares functions, matching ports by name.
 */
class VerilogWriterTest {
    @TempDir
    Path dir;

    private Circuit throughYosys(Circuit c) throws Exception {
        ExternalTools.assumeOnPath("yosys");
        Formats.write(c, dir.resolve("top.v"));
        ExternalTools.run(
                dir,
                List.of(
                        "yosys",
                        "-q",
                        "-p",
                        "read_verilog top.v; hierarchy -top top; proc; flatten; techmap; opt_clean; aigmap; write_aiger -ascii -symbols y.aag"));
        return Formats.read(dir.resolve("y.aag"));
    }

    /** Compares by port name: Yosys may order ports its own way. */
    private static void assertSameByName(Circuit ours, Circuit yosys, int words) {
        Map<String, Integer> yin = new HashMap<>(), yout = new HashMap<>();
        for (int i = 0; i < yosys.numInputs(); i++) yin.put(yosys.inputName(i), i);
        for (int o = 0; o < yosys.numOutputs(); o++) yout.put(yosys.outputName(o), o);
        assertEquals(ours.numOutputs(), yosys.numOutputs(), "outputs");
        long[][] in = TestCircuits.randomPlanes(9, ours.numInputs(), words);
        long[][] yIn = new long[yosys.numInputs()][];
        for (int i = 0; i < ours.numInputs(); i++) {
            Integer j = yin.get(VerilogWriter.printable(ours.inputName(i)));
            if (j != null) yIn[j] = in[i]; // Yosys keeps every port, but an unread one need not matter
        }
        for (int j = 0; j < yIn.length; j++)
            assertNotNull(yIn[j], "yosys input " + yosys.inputName(j) + " has no tc0 input");
        long[][] a = Evaluator.evaluate(ours, in), b = Evaluator.evaluate(yosys, yIn);
        for (int o = 0; o < ours.numOutputs(); o++) {
            Integer j = yout.get(VerilogWriter.printable(ours.outputName(o)));
            assertNotNull(j, "output " + ours.outputName(o) + " missing from " + yout.keySet());
            assertArrayEquals(a[o], b[j], "output " + ours.outputName(o));
        }
    }

    @Test
    void yosysReadsRandomCircuitsOfEveryKind() throws Exception {
        for (int seed = 0; seed < 4; seed++) {
            Circuit c = TestCircuits.randomCircuit(seed, 4 + 3 * seed, 40, 6, true, seed == 1);
            // distinct output names: Verilog ports must differ
            CircuitBuilder b = new CircuitBuilder();
            int[] outs = b.embed(c, inputs(b, c));
            for (int o = 0; o < outs.length; o++) b.output("out" + o, outs[o]);
            Circuit named = b.build();
            assertSameByName(named, throughYosys(named), 8);
        }
    }

    private static int[] inputs(CircuitBuilder b, Circuit c) {
        int[] in = new int[c.numInputs()];
        for (int i = 0; i < in.length; i++) in[i] = b.input(c.inputName(i));
        return in;
    }

    @Test
    void yosysReadsRealCircuitsWithBracketedNames() throws Exception {
        Circuit c = Formats.read(TestCircuits.circuit("epfl", "max.aig"));
        assertSameByName(c, throughYosys(c), 8);
        Circuit c17 = Formats.read(TestCircuits.circuit("iscas85", "c17.bench"));
        assertSameByName(c17, throughYosys(c17), 1);
    }

    @Test
    void keywordsAndAwkwardNamesBecomeEscapedIdentifiers() throws Exception {
        CircuitBuilder b = new CircuitBuilder();
        int w = b.input("wire"), x = b.input("a b"), y = b.input("9lives");
        b.output("module", b.xor(w, x, y));
        b.output("wire", w); // an output named like an input: renamed, since ports differ
        b.output("c", 1);
        Circuit c = b.build();
        String v = new String(TestCircuits.write(c, CircuitFormat.VERILOG), StandardCharsets.US_ASCII);
        assertTrue(v.contains("input \\wire ;") && v.contains("input a_b;") && v.contains("output \\module ;"), v);
        assertTrue(v.contains("output wire_1;") && v.contains("assign wire_1 = \\wire ;"), v);
        Circuit y2 = throughYosys(c);
        assertEquals(3, y2.numOutputs());
    }
}
