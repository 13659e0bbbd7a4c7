package dev.tc0.compile.advice;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.ThresholdDecomposition;
import dev.tc0.circuit.io.CircuitFormatException;
import dev.tc0.circuit.io.PrefixWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One output of a circuit as a threshold circuit in the paper's prefix form, one token per symbol
 * (X, &lt;=, &gt;=, 0, 1, &amp;): the advice string of Corollary 3.2. Every input of the circuit
 * is kept (an X each, in the circuit's order) so that the bits after the advice are the circuit's
 * input bits; only the gates the output needs are serialised.
 *
 * <p>The conversion is {@link PrefixWriter}'s, after {@link NegationAbsorption}: AND, OR and
 * THRESHOLD gates become one threshold gate each (a gate whose operands are all negated becomes
 * its {@code <=} dual), a negated gate output is that gate's dual at the same depth, a negated
 * input in a gate whose inputs have both signs costs one {@code <= 0} gate, XOR of m operands is
 * parity in depth two (its negation one more gate), WEIGHTED gates are first turned into THRESHOLD
 * gates with repeated edges. So the threshold depth can exceed the circuit's own depth;
 * {@link #depth} is the one the transformer must follow.
 *
 * @param inputs number of X tokens (the circuit's inputs)
 * @param tokens the advice tokens
 * @param gates  number of threshold gates
 * @param depth  the output gate's depth (longest path from an input, in gates)
 */
public record ThresholdForm(int inputs, List<String> tokens, int gates, int depth) {
    public static final List<String> VOCAB = List.of("X", "<=", ">=", "0", "1", "&");

    public ThresholdForm {
        tokens = List.copyOf(tokens);
    }

    /** Output {@code o} of {@code c}; IllegalArgumentException when its weights are too large to repeat as edges. */
    public static ThresholdForm of(Circuit c, int o) {
        CircuitBuilder b = new CircuitBuilder();
        int[] in = new int[c.numInputs()];
        for (int i = 0; i < in.length; i++) in[i] = b.input(c.inputName(i));
        int[] outs = b.embed(c, in);
        b.output(c.outputName(o), outs[o]);
        Circuit cone;
        try {
            cone = NegationAbsorption.of(ThresholdDecomposition.weightedToThreshold(b.build()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "output " + c.outputName(o) + ": cannot write the prefix format: " + e.getMessage(), e);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            PrefixWriter.write(cone, text, c.outputName(o));
        } catch (CircuitFormatException e) {
            throw new IllegalArgumentException("output " + c.outputName(o) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tokens = tokens(text.toString(StandardCharsets.US_ASCII));
        return parse(withGate(tokens));
    }

    /** Splits prefix text into tokens: "X", "&gt;=", "&lt;=", and one token per 0, 1 and &amp;. */
    static List<String> tokens(String text) {
        List<String> t = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.equals("X") || word.equals(">=") || word.equals("<=")) {
                t.add(word);
                continue;
            }
            for (char ch : word.toCharArray()) t.add(String.valueOf(ch));
        }
        return t;
    }

    /**
     * The instruction-following transformer needs a gate: an output that is an input itself (the
     * writer then emits no gate) becomes a one-argument {@code >= 1} gate on it.
     */
    private static List<String> withGate(List<String> tokens) {
        if (tokens.stream().anyMatch(s -> s.equals(">=") || s.equals("<="))) return tokens;
        List<String> t = new ArrayList<>(tokens);
        t.addAll(List.of(">=", "1", "&"));
        for (int i = 0; i < tokens.size() - 1; i++) t.add("1");
        return t;
    }

    /** Reads tokens back, checking the grammar X^a (dir 1^k 0^(m-k) (&amp; 1^j)^m)+ with pointers to earlier nodes. */
    public static ThresholdForm parse(List<String> t) {
        int i = 0, inputs = 0;
        while (i < t.size() && t.get(i).equals("X")) {
            inputs++;
            i++;
        }
        List<Integer> depth = new ArrayList<>();
        for (int x = 0; x < inputs; x++) depth.add(0);
        int gates = 0;
        while (i < t.size()) {
            String dir = t.get(i);
            if (!dir.equals(">=") && !dir.equals("<="))
                throw new IllegalArgumentException("token " + i + ": expected a gate, got '" + dir + "'");
            i++;
            int m = 0;
            while (i < t.size() && (t.get(i).equals("1") || t.get(i).equals("0"))) {
                m++;
                i++;
            }
            int d = 0;
            for (int a = 0; a < m; a++) {
                if (i >= t.size() || !t.get(i).equals("&"))
                    throw new IllegalArgumentException("token " + i + ": gate " + gates + " needs " + m + " arguments");
                i++;
                int j = 0;
                while (i < t.size() && t.get(i).equals("1")) {
                    j++;
                    i++;
                }
                if (j >= depth.size())
                    throw new IllegalArgumentException("token " + i + ": pointer " + j + " to a node not yet defined");
                d = Math.max(d, depth.get(j));
            }
            depth.add(d + 1);
            gates++;
        }
        if (gates == 0) throw new IllegalArgumentException("no gate");
        return new ThresholdForm(inputs, t, gates, depth.getLast());
    }

    /** The transformer's input ⟨C, x⟩: the advice, then the input bits. */
    public List<String> withInput(boolean[] x) {
        List<String> t = new ArrayList<>(tokens);
        for (boolean bit : x) t.add(bit ? "1" : "0");
        return t;
    }

    /** The sequence length of ⟨C, x⟩. */
    public int length() {
        return tokens.size() + inputs;
    }
}
