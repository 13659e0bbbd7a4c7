package dev.tc0.compile.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A threshold circuit in the paper's prefix form (src/docs/paper.md, The prefix serialization), for
 * the Lemma 3 tests: a serializer to tokens, a parser back, a direct evaluator and a random
 * generator. Nodes 0..a-1 are the inputs (X); a gate is (direction, k, argument node numbers); the
 * last node is the output.
 */
public record PrefixCircuit(int inputs, List<Gate> gates) {

    public record Gate(boolean atLeast, int k, List<Integer> args) {}

    int nodes() {
        return inputs + gates.size();
    }

    /** X^a, then per gate: direction, 1^k 0^(m-k), and &amp;1^j per argument j. */
    public List<String> tokens() {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < inputs; i++) t.add("X");
        for (Gate g : gates) {
            t.add(g.atLeast ? ">=" : "<=");
            for (int i = 0; i < g.args.size(); i++) t.add(i < g.k ? "1" : "0");
            for (int arg : g.args) {
                t.add("&");
                for (int i = 0; i < arg; i++) t.add("1");
            }
        }
        return t;
    }

    /** The transformer's input ⟨C, x⟩. */
    public List<String> withInput(boolean[] x) {
        List<String> t = tokens();
        for (boolean bit : x) t.add(bit ? "1" : "0");
        return t;
    }

    /** Parses the tokens of a circuit (without input bits). */
    static PrefixCircuit parse(List<String> t) {
        int i = 0, inputs = 0;
        while (i < t.size() && t.get(i).equals("X")) {
            inputs++;
            i++;
        }
        List<Gate> gates = new ArrayList<>();
        while (i < t.size()) {
            String dir = t.get(i++);
            if (!dir.equals(">=") && !dir.equals("<="))
                throw new IllegalArgumentException("expected a gate at token " + (i - 1) + ": " + dir);
            int k = 0, m = 0;
            while (i < t.size() && (t.get(i).equals("1") || t.get(i).equals("0"))) {
                if (t.get(i++).equals("1")) {
                    if (k != m) throw new IllegalArgumentException("threshold field must be 1^k 0^(m-k)");
                    k++;
                }
                m++;
            }
            List<Integer> args = new ArrayList<>();
            while (i < t.size() && t.get(i).equals("&")) {
                i++;
                int j = 0;
                while (i < t.size() && t.get(i).equals("1")) {
                    j++;
                    i++;
                }
                args.add(j);
            }
            if (args.size() != m)
                throw new IllegalArgumentException(
                        "gate " + gates.size() + " has " + m + " field symbols but " + args.size() + " arguments");
            gates.add(new Gate(dir.equals(">="), k, args));
        }
        return new PrefixCircuit(inputs, gates);
    }

    public boolean evaluate(boolean[] x) {
        boolean[] v = new boolean[nodes()];
        System.arraycopy(x, 0, v, 0, inputs);
        for (int g = 0; g < gates.size(); g++) {
            Gate gate = gates.get(g);
            int ones = 0;
            for (int arg : gate.args) if (v[arg]) ones++;
            v[inputs + g] = gate.atLeast ? ones >= gate.k : ones <= gate.k;
        }
        return v[nodes() - 1];
    }

    public int depth() {
        int[] d = new int[nodes()];
        for (int g = 0; g < gates.size(); g++) {
            int m = 0;
            for (int arg : gates.get(g).args) m = Math.max(m, d[arg]);
            d[inputs + g] = m + 1;
        }
        return d[nodes() - 1];
    }

    /**
     * A random circuit whose output has depth exactly {@code depth}: levels of 1-2 gates, each gate
     * with 0-3 arguments, at least one from the level below (so depth is exact), threshold uniform.
     */
    static PrefixCircuit random(int depth, SplittableRandom rnd) {
        return random(depth, rnd, 3, 2, 3, false);
    }

    /**
     * A random circuit whose output has depth exactly {@code depth}: 1..maxInputs inputs, levels
     * of 1..maxGates gates (the last level too when {@code wideTop}, its last gate the output),
     * each with 1..maxArgs arguments, at least one from the level below, threshold uniform.
     */
    public static PrefixCircuit random(
            int depth, SplittableRandom rnd, int maxInputs, int maxGates, int maxArgs, boolean wideTop) {
        int inputs = rnd.nextInt(1, maxInputs + 1);
        List<Gate> gates = new ArrayList<>();
        List<Integer> previousLevel = new ArrayList<>();
        for (int i = 0; i < inputs; i++) previousLevel.add(i);
        for (int level = 1; level <= depth; level++) {
            List<Integer> thisLevel = new ArrayList<>();
            int available = inputs + gates.size(); // nodes of lower levels only, so the depth stays exact
            int count = level == depth && !wideTop ? 1 : rnd.nextInt(1, maxGates + 1);
            for (int c = 0; c < count; c++) {
                int m = rnd.nextInt(1, maxArgs + 1);
                List<Integer> args = new ArrayList<>();
                args.add(previousLevel.get(rnd.nextInt(previousLevel.size())));
                for (int a = 1; a < m; a++) args.add(rnd.nextInt(available));
                gates.add(new Gate(rnd.nextBoolean(), rnd.nextInt(0, m + 1), args));
                thisLevel.add(inputs + gates.size() - 1);
            }
            previousLevel = thisLevel;
        }
        return new PrefixCircuit(inputs, gates);
    }

    /**
     * Up to perDepth random circuits of each depth 1..maxDepth whose prefix form plus input bits
     * has exactly n tokens, from at most 2,000,000 draws. Each draw takes its size limits at random
     * up to the given ones (then {@link #random}, the last level wide), so that short and long
     * encodings both come up.
     */
    public static List<PrefixCircuit> ofLength(
            int n, int maxDepth, int perDepth, SplittableRandom rnd, int maxInputs, int maxGates, int maxArgs) {
        List<PrefixCircuit> out = new ArrayList<>();
        int[] count = new int[maxDepth + 1];
        for (int tries = 0; tries < 2_000_000 && out.size() < maxDepth * perDepth; tries++) {
            int d = 1 + tries % maxDepth;
            if (count[d] >= perDepth) continue;
            PrefixCircuit c = random(
                    d,
                    rnd,
                    rnd.nextInt(1, maxInputs + 1),
                    rnd.nextInt(1, maxGates + 1),
                    rnd.nextInt(1, maxArgs + 1),
                    true);
            if (c.tokens().size() + c.inputs() != n) continue;
            if (c.depth() != d) throw new AssertionError("a random circuit of depth " + d + " has depth " + c.depth());
            count[d]++;
            out.add(c);
        }
        return out;
    }

    /** Every assignment of the inputs, input i as bit i of the index. */
    public List<boolean[]> assignments() {
        List<boolean[]> out = new ArrayList<>();
        for (int x = 0; x < 1 << inputs; x++) {
            boolean[] bits = new boolean[inputs];
            for (int i = 0; i < inputs; i++) bits[i] = (x >> i & 1) != 0;
            out.add(bits);
        }
        return out;
    }
}
