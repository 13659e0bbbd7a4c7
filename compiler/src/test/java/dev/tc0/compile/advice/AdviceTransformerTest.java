package dev.tc0.compile.advice;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.io.BenchReader;
import dev.tc0.circuit.io.BenchmarkCircuits;
import dev.tc0.circuit.io.Formats;
import dev.tc0.compile.lowering.ScalarLowering;
import dev.tc0.compile.transformer.models.CvpModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corollaries 3.1 and 3.2 on the targets: for each circuit, the advice transformer's exact
 * forward pass on advice ‖ x against the circuit's value from the evaluator, and the round trip
 * (the transformer compiled with the advice fixed) against the original circuit, on every input.
 * The circuits have at most {@link #MAX_INPUTS} inputs: the reference pass (Reference's fast pass,
 * about 5 ms of CPU per input at n = 261) checks all 4096 inputs of each 12-input random circuit,
 * the four depths together in about 36 s of CPU (src/docs/advice.md has the timings).
 */
class AdviceTransformerTest {
    static final int MAX_INPUTS = 12;

    /** ISCAS-85 c17: six NAND gates, two outputs. */
    static final String C17 = """
            INPUT(N1)
            INPUT(N2)
            INPUT(N3)
            INPUT(N6)
            INPUT(N7)
            OUTPUT(N22)
            OUTPUT(N23)
            N10 = NAND(N1, N3)
            N11 = NAND(N3, N6)
            N16 = NAND(N2, N11)
            N19 = NAND(N11, N7)
            N22 = NAND(N10, N16)
            N23 = NAND(N16, N19)
            """;

    static Circuit bench(String text) throws Exception {
        return BenchReader.read(text.getBytes(StandardCharsets.US_ASCII), "test.bench");
    }

    /** Checks the transformer and the round trip on every input; returns the round-trip circuit. */
    static Circuit checkBothWays(Circuit c, String what) {
        assertTrue(c.numInputs() <= MAX_INPUTS, what + " has more inputs than the tests check exhaustively");
        AdviceTransformer at = AdviceTransformer.of(c);
        List<boolean[]> every = CheckInputs.of(c.numInputs(), 0, 1);
        long t0 = System.nanoTime();
        AdviceCheck.Result r = AdviceCheck.run(at, every);
        long checkMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.ok(), what + ": " + r.mismatch());
        assertEquals(every.size(), r.checked());
        t0 = System.nanoTime();
        RoundTrip rt = RoundTrip.compile(at, ScalarLowering.Limits.DEFAULT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Circuit back = rt.circuit();
        assertEquals(c.inputNames(), back.inputNames(), what);
        assertEquals(c.outputNames(), back.outputNames(), what);
        assertNull(rt.check(every), what);
        // independently of RoundTrip.check: the one-pattern reference evaluator on every input
        for (boolean[] x : every)
            assertArrayEquals(c.evaluate(x), back.evaluate(x), what + " on " + CheckInputs.bits(x));
        int maxDepth = at.advice().stream().mapToInt(ThresholdForm::depth).max().orElseThrow();
        System.out.printf(
                "%s: %d inputs, %d gates, depth %d; threshold depth %d, advice %s tokens, %d layers; round trip %d gates, depth %d (%d ms); "
                        + "transformer and round trip checked on all %d inputs (reference pass %d ms)%n",
                what,
                c.numInputs(),
                c.numGates(),
                c.depth(),
                maxDepth,
                at.advice().stream().map(f -> String.valueOf(f.tokens().size())).toList(),
                at.layers(),
                back.numGates(),
                back.depth(),
                ms,
                every.size(),
                checkMs);
        return back;
    }

    @Test
    void c17BothOutputsEveryInput() throws Exception {
        Circuit c = bench(C17);
        long t0 = System.nanoTime();
        Circuit back = checkBothWays(c, "c17");
        assertTrue(System.nanoTime() - t0 < 120_000_000_000L, "c17 took more than two minutes");
        assertTrue(back.numGates() <= 50, "c17's round trip has " + back.numGates() + " gates");
        // NAND is a negated AND: each negation folds into its gate's <= dual, so no level is added
        for (ThresholdForm f : AdviceTransformer.of(c).advice()) assertEquals(3, f.depth());
    }

    @Test
    void c17FromTheSharedCircuits() throws Exception {
        Optional<Path> f = BenchmarkCircuits.file("iscas85", "c17.bench");
        Assumptions.assumeTrue(f.isPresent(), "skipped: " + BenchmarkCircuits.whereLooked());
        Circuit c = Formats.read(f.get());
        AdviceTransformer at = AdviceTransformer.of(c);
        // the same function as the inline copy, so its advice computes it too
        Circuit inline = bench(C17);
        for (boolean[] x : CheckInputs.of(5, 0, 0)) assertArrayEquals(inline.evaluate(x), c.evaluate(x));
        assertEquals(AdviceTransformer.of(inline).advice(), at.advice());
    }

    @Test
    void majorityOfSeven() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 7);
        b.output("maj", b.majority(x));
        Circuit c = b.build();
        checkBothWays(c, "majority of 7");
        assertEquals(1, AdviceTransformer.of(c).advice().getFirst().depth());
    }

    @Test
    void parityOfFourInThresholdDepthTwo() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 4);
        b.output("parity", b.xor(x));
        Circuit c = b.build();
        assertEquals(2, AdviceTransformer.of(c).advice().getFirst().depth());
        checkBothWays(c, "parity of 4");
    }

    @Test
    void twoBitAdder() {
        CircuitBuilder b = new CircuitBuilder();
        int[] a = b.inputs("a", 2), y = b.inputs("b", 2);
        int s0 = b.xor(a[0], y[0]), c0 = b.and(a[0], y[0]);
        int s1 = b.xor(a[1], y[1], c0), c1 = b.majority(a[1], y[1], c0);
        b.output("s0", s0);
        b.output("s1", s1);
        b.output("cout", c1);
        Circuit c = b.build();
        // against arithmetic, not the builder: a + b
        for (int v = 0; v < 16; v++) {
            boolean[] in = {(v & 1) != 0, (v & 2) != 0, (v & 4) != 0, (v & 8) != 0};
            int sum = (v & 3) + (v >> 2);
            assertArrayEquals(new boolean[] {(sum & 1) != 0, (sum & 2) != 0, (sum & 4) != 0}, c.evaluate(in));
        }
        checkBothWays(c, "2-bit adder");
    }

    /**
     * Random threshold circuits of depth exactly 1 to 4 with 12 inputs: levels of two
     * gates of fan-in 2 to 4 (an operand from the level below, the others inputs, some negated,
     * threshold uniform), the output gate reading the whole level below.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void randomThresholdCircuits(int depth) {
        SplittableRandom rnd = new SplittableRandom(40 + depth);
        int inputs = MAX_INPUTS;
        for (int tries = 0; ; tries++) {
            CircuitBuilder b = new CircuitBuilder();
            int[] x = b.inputs("x", inputs);
            List<Integer> below = new java.util.ArrayList<>();
            for (int v : x) below.add(v);
            for (int level = 1; level <= depth; level++) {
                List<Integer> here = new java.util.ArrayList<>();
                for (int g = 0; g < (level == depth ? 1 : 2); g++) {
                    List<Integer> ops = new java.util.ArrayList<>(
                            level == depth && level > 1 ? below : List.of(below.get(rnd.nextInt(below.size()))));
                    int m = ops.size() + rnd.nextInt(1, 3);
                    while (ops.size() < m)
                        ops.add(
                                rnd.nextInt(4) == 0
                                        ? CircuitBuilder.not(x[rnd.nextInt(inputs)])
                                        : x[rnd.nextInt(inputs)]);
                    here.add(b.threshold(
                            rnd.nextInt(1, m + 1),
                            ops.stream().mapToInt(Integer::intValue).toArray()));
                }
                below = here;
            }
            b.output("y", below.getFirst());
            Circuit c = b.build();
            if (c.depth() != depth) { // the builder folded a gate away: draw again
                assertTrue(tries < 100, "no random circuit of depth " + depth + " in 100 draws");
                continue;
            }
            checkBothWays(c, "random threshold circuit of depth " + depth);
            return;
        }
    }

    /** Outputs with no gate of their own: the last input (the writer emits no gate; a buffer is added), a negated input, a constant. */
    @Test
    void outputsWithoutGates() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 2);
        b.output("last", x[1]);
        b.output("not first", CircuitBuilder.not(x[0]));
        b.output("one", dev.tc0.circuit.Literal.TRUE);
        Circuit c = b.build();
        assertEquals(
                List.of("X", "X", ">=", "1", "&", "1"),
                AdviceTransformer.of(c).advice().getFirst().tokens());
        checkBothWays(c, "outputs without gates");
    }

    @Test
    void tooLongForThePrecision() {
        // a chain of 200 gates: unary pointers make the advice about 200²/2 tokens, past 8192
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 2);
        int v = b.and(x[0], x[1]);
        for (int g = 0; g < 200; g++) v = b.or(v, g % 2 == 0 ? x[0] : x[1]);
        b.output("y", v);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AdviceTransformer.of(b.build()));
        assertTrue(e.getMessage().contains(String.valueOf(CvpModel.MAX_SEQ_LEN)), e.getMessage());
    }

    @Test
    void noOutputsOrNoInputs() {
        CircuitBuilder b = new CircuitBuilder();
        b.inputs("x", 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AdviceTransformer.of(b.build()))
                .getMessage()
                .contains("no outputs"));
        CircuitBuilder k = new CircuitBuilder();
        k.output("one", dev.tc0.circuit.Literal.TRUE);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AdviceTransformer.of(k.build()))
                .getMessage()
                .contains("no inputs"));
    }
}
