package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KernelProviderTest {
    /**
     * Run in a JVM without the vector module: prints the kernel set, checks one circuit, and
     * whether the generated vector code is refused.
     */
    public static void main(String[] args) {
        Kernels k = KernelProvider.get();
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(12, 200, 6, 7, GateKind.values()), 1);
        long[][] in = new RandomSource(12, 4096, 2).planes();
        long[][] want = ReferenceEvaluator.evaluate(c, in);
        long[][] got = Engine.evaluate(c, in);
        boolean same = true;
        for (int o = 0; o < want.length; o++) same &= java.util.Arrays.equals(want[o], got[o]);
        String codegenVector;
        try {
            KernelProvider.byName("codegen-vector");
            codegenVector = "available";
        } catch (IllegalArgumentException e) {
            codegenVector = e.getMessage().contains("--add-modules=jdk.incubator.vector") ? "refused" : e.getMessage();
        }
        System.out.println("kernels=" + k.name() + " same=" + same + " codegen-vector=" + codegenVector);
    }

    @Test
    void fallsBackToScalarWithOneLineWhenTheVectorModuleIsMissing() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), KernelProviderTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertEquals("kernels=scalar same=true codegen-vector=refused", out.strip());
        long lines =
                err.lines().filter(l -> l.contains("Vector API unavailable")).count();
        assertEquals(1, lines, "one logged reason:\n" + err);
        assertTrue(err.contains("--add-modules=jdk.incubator.vector"), err);
    }

    @Test
    void vectorKernelsAreUsedWhenPresentAndNamesAreChecked() {
        assertTrue(
                KernelProvider.get().name().startsWith("vector-"),
                KernelProvider.get().name());
        assertEquals("scalar", KernelProvider.byName("scalar").name());
        assertTrue(KernelProvider.byName("codegen-vector").name().startsWith("codegen-vector-"));
        assertThrows(IllegalArgumentException.class, () -> KernelProvider.byName("gpu"));
    }

    @Test
    void vectorAndScalarAgreeOnAwkwardTileWidths() throws Exception {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(20, 300, 8, 12, GateKind.values()), 9);
        long[][] in = new RandomSource(20, 64 * 1021, 3).planes();
        for (int tile : new int[] {8, 16, 24, 1016}) {
            long[][] s = run(c, in, KernelProvider.scalar(), tile),
                    v = run(c, in, KernelProvider.byName("vector"), tile);
            for (int o = 0; o < s.length; o++) assertArrayEquals(s[o], v[o]);
        }
    }

    private static long[][] run(Circuit c, long[][] in, Kernels k, int tile) throws Exception {
        try (Engine e = new Engine(
                EvalPlan.of(c), Engine.Options.defaults().withKernels(k).withTileWords(tile))) {
            PlaneArraySink sink = new PlaneArraySink(c.numOutputs(), in[0].length * 64L);
            e.run(new PlaneArraySource(in), sink);
            return sink.planes();
        }
    }
}
