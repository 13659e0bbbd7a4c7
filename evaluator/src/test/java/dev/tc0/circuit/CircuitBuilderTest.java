package dev.tc0.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CircuitBuilderTest {

    /** Direct semantics of a gate over concrete literal values, independent of the builder. */
    static boolean direct(GateKind kind, boolean[] x, long[] w, long t) {
        switch (kind) {
            case AND: {
                boolean r = true;
                for (boolean b : x) r &= b;
                return r;
            }
            case OR: {
                boolean r = false;
                for (boolean b : x) r |= b;
                return r;
            }
            case XOR: {
                boolean r = false;
                for (boolean b : x) r ^= b;
                return r;
            }
            case THRESHOLD: {
                long c = 0;
                for (boolean b : x) if (b) c++;
                return c >= t;
            }
            default: {
                long s = 0;
                for (int i = 0; i < x.length; i++) if (x[i]) s += w[i];
                return s >= t;
            }
        }
    }

    @Test
    void normalisedGatesKeepTheirMeaningExhaustively() {
        // One gate per case over 4 inputs, with constants, negations and repeats among the
        // operands; the built circuit must agree with the direct semantics on all 16 patterns.
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 3000; trial++) {
            GateKind kind = GateKind.values()[r.nextInt(5)];
            int k = 1 + r.nextInt(7);
            CircuitBuilder b = new CircuitBuilder();
            int[] in = b.inputs("x", 4);
            int[] lits = new int[k];
            long[] w = new long[k];
            for (int i = 0; i < k; i++) {
                int roll = r.nextInt(10);
                lits[i] = roll == 0 ? Literal.FALSE : roll == 1 ? Literal.TRUE : in[r.nextInt(4)] ^ r.nextInt(2);
                w[i] = r.nextLong(-9, 10);
            }
            long t = kind == GateKind.WEIGHTED ? r.nextLong(-30, 31) : r.nextInt(k + 2);
            b.output("y", b.gate(kind, lits, w, t));
            Circuit c = b.build();
            for (int m = 0; m < 16; m++) {
                boolean[] x = new boolean[4];
                for (int i = 0; i < 4; i++) x[i] = (m >>> i & 1) != 0;
                boolean[] ops = new boolean[k];
                for (int i = 0; i < k; i++) {
                    int node = Literal.node(lits[i]);
                    ops[i] = (node == 0 ? false : x[node - 1]) ^ Literal.isNegated(lits[i]);
                }
                int tr = trial, mm = m;
                assertEquals(
                        direct(kind, ops, w, t),
                        c.evaluate(x)[0],
                        () -> "trial " + tr + " pattern " + mm + ": " + kind + " t=" + t);
            }
        }
    }

    @Test
    void weightedLaddersMatchTheDirectSumOnWideFanIns() {
        // Several thresholds over one operand list, fan-ins past the index-sort cut (32), with
        // constants, negations, repeats and (for some trials) uniform weights, which go through
        // the threshold and AND/OR normalisers; the scratch buffers are reused across all of it.
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            CircuitBuilder b = new CircuitBuilder();
            int[] in = b.inputs("x", 12);
            int k = 1 + r.nextInt(70);
            boolean uniform = r.nextInt(3) == 0;
            int[] lits = new int[k];
            long[] w = new long[k];
            for (int i = 0; i < k; i++) {
                int roll = r.nextInt(12);
                lits[i] = roll == 0 ? Literal.FALSE : roll == 1 ? Literal.TRUE : in[r.nextInt(12)] ^ r.nextInt(2);
                w[i] = uniform ? 3 : r.nextLong(-20, 21);
            }
            long[] ts = new long[1 + r.nextInt(8)];
            for (int j = 0; j < ts.length; j++) ts[j] = r.nextLong(-200, 201);
            int[] g = b.weighted(w, lits, ts);
            for (int j = 0; j < ts.length; j++) b.output("y" + j, g[j]);
            Circuit c = b.build();
            for (int pattern = 0; pattern < 64; pattern++) {
                boolean[] x = new boolean[12];
                for (int i = 0; i < 12; i++) x[i] = r.nextBoolean();
                boolean[] ops = new boolean[k];
                for (int i = 0; i < k; i++) {
                    int node = Literal.node(lits[i]);
                    ops[i] = (node == 0 ? false : x[node - 1]) ^ Literal.isNegated(lits[i]);
                }
                boolean[] got = c.evaluate(x);
                for (int j = 0; j < ts.length; j++) {
                    int tr = trial, jj = j;
                    assertEquals(
                            direct(GateKind.WEIGHTED, ops, w, ts[j]),
                            got[j],
                            () -> "trial " + tr + " threshold " + ts[jj]);
                }
            }
        }
    }

    @Test
    void aLadderBuildsWhatSingleCallsBuild() {
        // The batch is the single call repeated: the same literals and no extra gates.
        CircuitBuilder b = new CircuitBuilder();
        int[] in = b.inputs("x", 40);
        long[] w = new long[40];
        for (int i = 0; i < 40; i++) w[i] = 1 + i % 5;
        int[] ladder = b.weighted(w, in, new long[] {3, 10, 30, 60, 10});
        int gates = b.numGates();
        for (int j = 0; j < ladder.length; j++)
            assertEquals(ladder[j], b.weighted(w, in, new long[] {3, 10, 30, 60, 10}[j]));
        assertEquals(ladder[1], ladder[4], "a repeated threshold is the same gate");
        assertEquals(gates, b.numGates());
        assertEquals(4, gates);
    }

    @Test
    void structuralHashingBuildsIdenticalGatesOnce() {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y"), z = b.input("z");
        int g1 = b.and(x, y, z);
        assertEquals(g1, b.and(z, x, y), "operand order does not matter");
        assertEquals(g1, b.and(x, y, y, z), "repeats collapse");
        assertEquals(b.xor(x, y), b.xor(y, x));
        assertEquals(Literal.not(b.xor(x, y)), b.xor(Literal.not(x), y), "negations move out of XOR");
        assertEquals(b.threshold(2, x, y, z), b.majority(z, y, x));
        assertEquals(
                b.threshold(2, x, y, z),
                b.weighted(new long[] {5, 5, 5}, new int[] {x, y, z}, 10),
                "uniform weights become a threshold gate");
        assertEquals(3, b.numGates(), "AND, XOR and one threshold gate");
    }

    @Test
    void constantsFold() {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y");
        assertEquals(Literal.FALSE, b.and(x, Literal.FALSE));
        assertEquals(x, b.and(x, Literal.TRUE));
        assertEquals(Literal.FALSE, b.and(x, Literal.not(x)));
        assertEquals(Literal.TRUE, b.or(x, Literal.not(x)));
        assertEquals(Literal.not(x), b.xor(x, Literal.TRUE));
        assertEquals(Literal.FALSE, b.xor(y, y));
        assertEquals(Literal.TRUE, b.threshold(0, x, y));
        assertEquals(Literal.FALSE, b.threshold(3, x, y));
        assertEquals(b.and(x, y), b.threshold(2, x, y));
        assertEquals(b.or(x, y), b.threshold(1, x, y));
        assertEquals(Literal.TRUE, b.weighted(new long[] {-3, 2}, new int[] {x, y}, -3));
        assertEquals(0, b.numGates() - 2, "only the AND and OR above were built");
    }

    @Test
    void badGatesAreRejectedWithTheGateNamedAndNothingBuilt() {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y");
        b.and(x, y);
        int before = b.numGates();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.or(x, 2 * 50));
        assertTrue(e.getMessage().contains("OR gate #1") && e.getMessage().contains("node 50"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.threshold(4, x, y));
        assertTrue(e.getMessage().contains("threshold 4 outside [0, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.threshold(-1, x, y));
        assertTrue(e.getMessage().contains("THRESHOLD"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.majority());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> b.weighted(new long[] {Long.MAX_VALUE, Long.MAX_VALUE}, new int[] {x, y}, 1));
        assertTrue(e.getMessage().contains("WEIGHTED gate #1") && e.getMessage().contains("overflow"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.weighted(new long[] {1}, new int[] {x, y}, 1));
        assertTrue(e.getMessage().contains("1 weights for 2 operands"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.output("bad", 999));
        assertEquals(before, b.numGates(), "no half-built gate remains");
        assertThrows(IllegalStateException.class, () -> b.input("late"));
    }

    @Test
    void buildPrunesGatesNoOutputNeeds() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 4);
        int used = b.and(x[0], x[1]);
        b.or(x[2], x[3]); // dead
        int top = b.xor(used, x[2]);
        b.output("f", Literal.not(top));
        Circuit c = b.build();
        assertEquals(2, c.numGates());
        assertEquals(2, c.depth());
        assertEquals("f", c.outputName(0));
        assertEquals("x[3]", c.inputName(3));
        for (int m = 0; m < 16; m++) {
            boolean[] v = {(m & 1) != 0, (m & 2) != 0, (m & 4) != 0, (m & 8) != 0};
            assertEquals(!((v[0] && v[1]) ^ v[2]), c.evaluate(v)[0]);
        }
    }

    @Test
    void statsDescribeTheCircuit() {
        CircuitBuilder b = new CircuitBuilder();
        int[] x = b.inputs("x", 5);
        int m = b.majority(x);
        int w = b.weighted(new long[] {1000, -3, 7}, new int[] {x[0], x[1], m}, 5);
        int a = b.and(m, w, x[4]);
        b.output("a", a);
        b.output("m", m);
        CircuitStats s = CircuitStats.of(b.build());
        assertEquals(3, s.gates());
        assertEquals(1, s.gatesPerKind().get(GateKind.THRESHOLD));
        assertEquals(1, s.gatesPerKind().get(GateKind.WEIGHTED));
        assertEquals(1, s.gatesPerKind().get(GateKind.AND));
        assertEquals(5 + 3 + 3, s.edges());
        assertEquals(3, s.depth());
        assertEquals(
                java.util.List.of(1, 1, 1),
                java.util.Arrays.stream(s.levelWidths()).boxed().toList());
        assertEquals(5, s.maxFanIn());
        assertEquals(10, s.maxWeightBits());
        assertTrue(s.maxLive() >= 2 && s.maxLive() <= 7, "live " + s.maxLive());
    }

    @Test
    void circuitOfValidatesRawArrays() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Circuit.of(
                        1,
                        new byte[] {0},
                        new int[] {0, 2},
                        new int[] {2, 6},
                        null,
                        new long[1],
                        new int[] {6},
                        new String[] {"x"},
                        new String[] {"y"}),
                "operand naming the gate itself");
        Circuit ok = Circuit.of(
                2,
                new byte[] {0},
                new int[] {0, 2},
                new int[] {2, 5},
                null,
                new long[1],
                new int[] {6},
                new String[] {"a", "b"},
                new String[] {"y"});
        assertEquals(true, ok.evaluate(new boolean[] {true, false})[0]);
        assertEquals(false, ok.evaluate(new boolean[] {true, true})[0]);
    }

    @Test
    void foldConstantsKeepsTheFunctionOfRawCircuits() {
        SplittableRandom r = new SplittableRandom(19);
        for (int round = 0; round < 200; round++) {
            Circuit raw = rawCircuit(r, 1 + r.nextInt(5), 1 + r.nextInt(12));
            Circuit folded = CircuitBuilder.foldConstants(raw);
            assertFalse(folded.hasConstantOperands());
            assertEquals(raw.inputNames(), folded.inputNames());
            assertEquals(raw.outputNames(), folded.outputNames());
            for (int x = 0; x < 1 << raw.numInputs(); x++) {
                boolean[] in = new boolean[raw.numInputs()];
                for (int i = 0; i < in.length; i++) in[i] = (x >>> i & 1) != 0;
                assertArrayEquals(raw.evaluate(in), folded.evaluate(in), "round " + round + ", input " + x);
            }
        }
        Circuit built = builtCircuit();
        assertFalse(built.hasConstantOperands());
        assertSame(built, CircuitBuilder.foldConstants(built));
    }

    /**
     * A circuit of raw arrays, as {@link Circuit#of} accepts them: every gate reads the constant
     * node with some chance, thresholds lie anywhere in [-2, k + 3], fan-ins may be 0 or 1, weights
     * are signed.
     */
    private static Circuit rawCircuit(SplittableRandom r, int inputs, int gates) {
        byte[] kind = new byte[gates];
        int[] start = new int[gates + 1];
        long[] threshold = new long[gates];
        java.util.List<Integer> ops = new java.util.ArrayList<>();
        java.util.List<Long> ws = new java.util.ArrayList<>();
        boolean constant = false;
        for (int g = 0; g < gates; g++) {
            GateKind k = GateKind.values()[r.nextInt(GateKind.values().length)];
            kind[g] = (byte) k.ordinal();
            int fanIn = r.nextInt(5);
            for (int i = 0; i < fanIn; i++) {
                int node = r.nextInt(4) == 0 ? 0 : r.nextInt(1 + inputs + g);
                constant |= node == 0;
                ops.add(node << 1 | r.nextInt(2));
                ws.add((long) r.nextInt(-5, 6));
            }
            start[g + 1] = ops.size();
            threshold[g] = k.hasThreshold() ? r.nextInt(-2, fanIn + 4) : 0;
        }
        if (!constant) { // make sure at least one gate reads the constant
            kind = java.util.Arrays.copyOf(kind, gates + 1);
            start = java.util.Arrays.copyOf(start, gates + 2);
            threshold = java.util.Arrays.copyOf(threshold, gates + 1);
            ops.add(1); // AND(true, input 1)
            ops.add(2);
            ws.add(1L);
            ws.add(1L);
            start[gates + 1] = ops.size();
            gates++;
        }
        int[] outputs = new int[3];
        for (int o = 0; o < outputs.length; o++) outputs[o] = r.nextInt(2 * (1 + inputs + gates));
        Circuit c = raw(inputs, kind, start, ops, ws, threshold, outputs);
        assertTrue(c.hasConstantOperands());
        return c;
    }

    private static Circuit builtCircuit() {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y");
        b.output("y", b.and(x, b.or(y, CircuitBuilder.constant(true)), b.xor(x, y)));
        return b.build();
    }

    /**
     * Embedding interns gates that are already in normal form as they are: whatever the input
     * literals (ordered, shuffled, negated, constant, repeated), the host must end up with exactly
     * the gates and outputs that copying the circuit gate by gate through {@link CircuitBuilder#gate}
     * gives, and the embedded outputs must compute the circuit's function.
     */
    @Test
    void embedBuildsWhatAGateByGateCopyBuilds() {
        SplittableRandom r = new SplittableRandom(23);
        for (int round = 0; round < 600; round++) {
            int inputs = 2 + r.nextInt(5);
            // built by a builder (already normal), raw arrays (anything Circuit.of accepts), and
            // raw arrays on the edge of normal form (sorted operands, equal weights, any threshold)
            Circuit sub = switch (round % 12 / 4) {
                case 0 -> randomBuiltCircuit(r, inputs, 5 + r.nextInt(30));
                case 1 -> rawCircuit(r, inputs, 5 + r.nextInt(30));
                default -> sortedRawCircuit(r, inputs, 5 + r.nextInt(30));
            };
            int hostInputs = inputs + 1 + r.nextInt(4);
            CircuitBuilder fast = new CircuitBuilder(), slow = new CircuitBuilder();
            int[] hostIn = new int[hostInputs];
            for (int i = 0; i < hostInputs; i++) {
                hostIn[i] = fast.input("h" + i);
                slow.input("h" + i);
            }
            int[] lits = new int[inputs];
            int mode = r.nextInt(8); // in order half the time: the gates that stay in normal form
            for (int i = 0; i < inputs; i++) {
                lits[i] = switch (mode) {
                    case 1 -> hostIn[r.nextInt(hostInputs)]; // any order, repeats
                    case 2 -> hostIn[r.nextInt(hostInputs)] ^ r.nextInt(2); // negations too
                    case 3 -> r.nextInt(6) == 0 ? r.nextInt(2) : hostIn[r.nextInt(hostInputs)]; // constants
                    default -> hostIn[hostInputs - inputs + i]; // in order
                };
            }
            int[] outFast = fast.embed(sub, lits);
            int[] outSlow = copyGateByGate(slow, sub, lits);
            String where = "round " + round + ", mode " + mode;
            assertArrayEquals(outSlow, outFast, where);
            for (int o = 0; o < outFast.length; o++) {
                fast.output("o" + o, outFast[o]);
                slow.output("o" + o, outSlow[o]);
            }
            Circuit a = fast.build(), b = slow.build();
            assertSameGates(b, a, where);
            for (int x = 0; x < 1 << hostInputs; x++) {
                boolean[] host = new boolean[hostInputs];
                for (int i = 0; i < hostInputs; i++) host[i] = (x >>> i & 1) != 0;
                boolean[] in = new boolean[inputs];
                for (int i = 0; i < inputs; i++) {
                    int lit = lits[i], node = lit >>> 1;
                    in[i] = (node == 0 ? false : host[node - 1]) ^ (lit & 1) != 0;
                }
                assertArrayEquals(sub.evaluate(in), a.evaluate(host), where + ", input " + x);
            }
        }
    }

    /** Every gate kind over earlier nodes of either polarity, constants included, through the builder. */
    private static Circuit randomBuiltCircuit(SplittableRandom r, int inputs, int gates) {
        CircuitBuilder b = new CircuitBuilder();
        java.util.List<Integer> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < inputs; i++) nodes.add(b.input("x" + i));
        for (int g = 0; g < gates; g++) {
            GateKind kind = GateKind.values()[r.nextInt(GateKind.values().length)];
            int k = 2 + r.nextInt(6);
            int[] ops = new int[k];
            long[] w = new long[k];
            for (int i = 0; i < k; i++) {
                ops[i] = r.nextInt(10) == 0 ? r.nextInt(2) : nodes.get(r.nextInt(nodes.size())) ^ r.nextInt(2);
                w[i] = r.nextInt(3) == 0 ? 3 : r.nextInt(-6, 7);
            }
            long t = kind == GateKind.WEIGHTED ? r.nextInt(-8, 12) : r.nextInt(k + 2);
            int lit = b.gate(kind, ops, w, t);
            if (lit >>> 1 != 0) nodes.add(lit);
        }
        for (int o = 0; o < 4; o++) b.output("y" + o, nodes.get(r.nextInt(nodes.size())));
        return b.build();
    }

    /**
     * Raw gates whose operands are distinct nodes in increasing order, mostly positive, with
     * weights of one magnitude or not and thresholds at and past both ends of their range: the cases the
     * builder's normal form turns into other kinds or constants.
     */
    private static Circuit sortedRawCircuit(SplittableRandom r, int inputs, int gates) {
        byte[] kind = new byte[gates];
        int[] start = new int[gates + 1];
        long[] threshold = new long[gates];
        java.util.List<Integer> ops = new java.util.ArrayList<>();
        java.util.List<Long> ws = new java.util.ArrayList<>();
        for (int g = 0; g < gates; g++) {
            GateKind k = GateKind.values()[r.nextInt(GateKind.values().length)];
            kind[g] = (byte) k.ordinal();
            int[] nodes = r.ints(1, 1 + inputs + g)
                    .distinct()
                    .limit(1 + r.nextInt(Math.min(5, inputs + g)))
                    .sorted()
                    .toArray();
            long magnitude = 1 + r.nextInt(3);
            boolean uniform = r.nextBoolean();
            long pos = 0, neg = 0;
            for (int node : nodes) {
                ops.add(node << 1 | (r.nextInt(4) == 0 ? 1 : 0));
                long w = uniform ? (r.nextBoolean() ? magnitude : -magnitude) : r.nextInt(-4, 5);
                ws.add(w);
                if (w > 0) pos += w;
                else neg += w;
            }
            start[g + 1] = ops.size();
            threshold[g] = switch (k) {
                case THRESHOLD -> r.nextInt(-2, nodes.length + 4);
                case WEIGHTED -> r.nextLong(neg - 1, pos + 2); // both constant ends and just inside
                default -> 0;
            };
        }
        int[] outputs = new int[gates];
        for (int o = 0; o < gates; o++) outputs[o] = (1 + inputs + o) << 1;
        return raw(inputs, kind, start, ops, ws, threshold, outputs);
    }

    /** {@link Circuit#of} over boxed operand and weight lists, inputs x0.. and outputs y0.. */
    private static Circuit raw(
            int inputs,
            byte[] kind,
            int[] start,
            java.util.List<Integer> ops,
            java.util.List<Long> ws,
            long[] threshold,
            int[] outputs) {
        String[] in = new String[inputs], out = new String[outputs.length];
        for (int i = 0; i < inputs; i++) in[i] = "x" + i;
        for (int o = 0; o < out.length; o++) out[o] = "y" + o;
        return Circuit.of(
                inputs,
                kind,
                start,
                ops.stream().mapToInt(Integer::intValue).toArray(),
                ws.stream().mapToLong(Long::longValue).toArray(),
                threshold,
                outputs,
                in,
                out);
    }

    /**
     * What embed is specified to do: each gate of c through {@link CircuitBuilder#gate}, operands
     * renamed; a threshold outside [0, k + 1] as the nearer end, an empty threshold gate the constant.
     */
    private static int[] copyGateByGate(CircuitBuilder b, Circuit c, int[] inputLits) {
        int[] map = new int[c.numNodes()];
        for (int i = 0; i < inputLits.length; i++) map[1 + i] = inputLits[i];
        for (int g = 0; g < c.numGates(); g++) {
            int k = c.fanIn(g);
            int[] ops = new int[k];
            long[] w = new long[k];
            for (int i = 0; i < k; i++) {
                int lit = c.operand(g, i);
                ops[i] = map[lit >>> 1] ^ (lit & 1);
                w[i] = c.weight(g, i);
            }
            long t = c.threshold(g);
            if (c.kind(g) == GateKind.THRESHOLD) t = Math.clamp(t, 0, k + 1L);
            map[c.gateNode(g)] =
                    c.kind(g).hasThreshold() && k == 0 ? CircuitBuilder.constant(0 >= t) : b.gate(c.kind(g), ops, w, t);
        }
        int[] outs = new int[c.numOutputs()];
        for (int o = 0; o < outs.length; o++) outs[o] = map[c.output(o) >>> 1] ^ (c.output(o) & 1);
        return outs;
    }

    private static void assertSameGates(Circuit expected, Circuit actual, String where) {
        assertEquals(expected.numGates(), actual.numGates(), where);
        for (int g = 0; g < expected.numGates(); g++) {
            assertEquals(expected.kind(g), actual.kind(g), where + ", gate " + g);
            assertEquals(expected.threshold(g), actual.threshold(g), where + ", gate " + g);
            assertEquals(expected.fanIn(g), actual.fanIn(g), where + ", gate " + g);
            for (int i = 0; i < expected.fanIn(g); i++) {
                assertEquals(expected.operand(g, i), actual.operand(g, i), where + ", gate " + g);
                assertEquals(expected.weight(g, i), actual.weight(g, i), where + ", gate " + g);
            }
        }
        for (int o = 0; o < expected.numOutputs(); o++) assertEquals(expected.output(o), actual.output(o), where);
    }
}
