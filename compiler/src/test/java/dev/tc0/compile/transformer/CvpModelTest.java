package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.*;

import dev.tc0.compile.transformer.models.CvpModel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lemma 3: the CVP transformer against direct evaluation of random prefix-form threshold circuits. */
class CvpModelTest {
    private static final int MAX_LEN = 64;
    private static final Reference CVP = new Reference(CvpModel.build(3, MAX_LEN));

    @Test
    void prefixFormRoundTripsAndMatchesThePapersExample() {
        // θ>=1(x1, ¬x2) with ¬ as a unary <=0 gate: the paper's "X X <= 0 &1 >= 10 & &11"
        PrefixCircuit paper =
                PrefixCircuit.parse(List.of("X", "X", "<=", "0", "&", "1", ">=", "1", "0", "&", "&", "1", "1"));
        assertEquals(2, paper.inputs());
        assertEquals(List.of(1), paper.gates().get(0).args());
        assertEquals(List.of(0, 2), paper.gates().get(1).args());
        assertTrue(paper.evaluate(new boolean[] {false, false}));
        assertFalse(paper.evaluate(new boolean[] {false, true}));
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            PrefixCircuit c = PrefixCircuit.random(1 + i % 3, rnd);
            assertEquals(c, PrefixCircuit.parse(c.tokens()));
            assertEquals(1 + i % 3, c.depth());
        }
    }

    @Test
    void thePapersExampleCircuitOnAllInputs() {
        PrefixCircuit paper =
                PrefixCircuit.parse(List.of("X", "X", "<=", "0", "&", "1", ">=", "1", "0", "&", "&", "1", "1"));
        for (int x = 0; x < 4; x++) {
            boolean[] bits = {(x & 1) != 0, (x & 2) != 0};
            assertEquals(
                    paper.evaluate(bits),
                    CVP.run(paper.withInput(bits)).output().accepted(),
                    "x=" + x);
        }
    }

    /** Every input of 45 random circuits of depth 1 to 3 (up to 64 tokens); both answers must occur often. */
    @Test
    void randomCircuitsOfDepthOneToThreeOnAllInputs() {
        SplittableRandom rnd = new SplittableRandom(6);
        int circuits = 0, runs = 0, accepted = 0, longest = 0;
        while (circuits < 45) {
            PrefixCircuit c = PrefixCircuit.random(1 + circuits % 3, rnd);
            if (c.tokens().size() + c.inputs() > MAX_LEN) continue;
            for (int x = 0; x < 1 << c.inputs(); x++) {
                boolean[] bits = new boolean[c.inputs()];
                for (int i = 0; i < bits.length; i++) bits[i] = (x >> i & 1) != 0;
                List<String> input = c.withInput(bits);
                boolean expected = c.evaluate(bits);
                assertEquals(
                        expected,
                        CVP.run(input).output().accepted(),
                        "circuit " + String.join(" ", c.tokens()) + " on " + java.util.Arrays.toString(bits));
                runs++;
                if (expected) accepted++;
                longest = Math.max(longest, input.size());
            }
            circuits++;
        }
        assertTrue(
                accepted > runs / 5 && accepted < runs * 4 / 5,
                accepted + " of " + runs + " accepted: the test circuits are too one-sided");
        assertTrue(longest > MAX_LEN / 2, "longest input only " + longest);
    }

    /**
     * Corollary 3.1 beyond depth 3 and 64 tokens: models for depth 4, 5 and 6 built for 160
     * positions, on every input of random circuits of exactly that depth whose ⟨C, x⟩ has 65 to
     * 160 tokens (the reference pass is slow at this length, so a few small-input circuits each).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {4, 5, 6})
    void deeperCircuitsPastSixtyFourTokens(int depth) {
        int maxLen = 160;
        Reference deep = new Reference(CvpModel.build(depth, maxLen));
        SplittableRandom rnd = new SplittableRandom(60 + depth);
        int circuits = 0, runs = 0, accepted = 0;
        for (int tries = 0; circuits < 2 && tries < 100_000; tries++) {
            PrefixCircuit c = PrefixCircuit.random(depth, rnd, 3, 2, 3, false);
            int length = c.tokens().size() + c.inputs();
            if (length <= MAX_LEN || length > maxLen || c.depth() != depth) continue;
            for (boolean[] bits : c.assignments()) {
                boolean expected = c.evaluate(bits);
                assertEquals(
                        expected,
                        deep.run(c.withInput(bits)).output().accepted(),
                        "depth " + depth + " circuit " + String.join(" ", c.tokens()) + " on "
                                + java.util.Arrays.toString(bits));
                runs++;
                if (expected) accepted++;
            }
            circuits++;
        }
        assertEquals(2, circuits, "no random circuits of depth " + depth + " and 65..160 tokens");
        assertTrue(runs > 0);
    }

    /** The precision reaches 8192 positions (p = 62); one more and the model cannot be built, with a message saying why. */
    @Test
    void lengthLimitOfThePrecision() {
        assertEquals(62, CvpModel.bitsFor(CvpModel.MAX_SEQ_LEN));
        assertEquals(8192, CvpModel.build(1, CvpModel.MAX_SEQ_LEN).config().maxSeqLen());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CvpModel.build(1, CvpModel.MAX_SEQ_LEN + 1));
        assertTrue(e.getMessage().contains("8192") && e.getMessage().contains("64 bits"), e.getMessage());
    }

    /** Control: with fewer levels than the circuit's depth the model must get some circuit wrong. */
    @Test
    void aModelForDepthOneFailsOnDeeperCircuits() {
        Reference shallow = new Reference(CvpModel.build(1, MAX_LEN));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int tries = 0; tries < 200; tries++) {
            PrefixCircuit c = PrefixCircuit.random(3, rnd);
            if (c.tokens().size() + c.inputs() > MAX_LEN) continue;
            for (int x = 0; x < 1 << c.inputs(); x++) {
                boolean[] bits = new boolean[c.inputs()];
                for (int i = 0; i < bits.length; i++) bits[i] = (x >> i & 1) != 0;
                if (shallow.run(c.withInput(bits)).output().accepted() != c.evaluate(bits)) return;
            }
        }
        fail("a depth-1 CVP model evaluated 200 depth-3 circuits correctly: the levels are not doing the work");
    }
}
