package dev.tc0.compile.lowering;

import dev.tc0.compile.transformer.ModelConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The token sequences a compiled circuit is built for: the first tokens fixed (a prompt, an advice
 * string), every other position drawn from an alphabet. A fixed position has no circuit inputs and
 * its embedding is a constant, so every value set that depends on it shrinks; a smaller free
 * alphabet shrinks them too (the advice transformer's inputs are bits, "0" and "1").
 *
 * <p>A model with BOS has it at position 0 whatever the prefix says: a prefix that does not start
 * with BOS is placed after it, and BOS is never free. {@link #ALL} (no prefix, every token) is the
 * plain compile.
 *
 * @param prefix     token ids of the fixed first positions (after BOS when the model has one and the prefix does not start with it)
 * @param freeTokens token ids allowed at the other positions, or null for the whole vocabulary
 */
public record InputSpace(List<Integer> prefix, List<Integer> freeTokens) {
    public static final InputSpace ALL = new InputSpace(List.of(), null);

    public InputSpace {
        prefix = List.copyOf(prefix);
        freeTokens = freeTokens == null ? null : List.copyOf(freeTokens);
    }

    public static InputSpace prefix(List<Integer> prefix) {
        return new InputSpace(prefix, null);
    }

    /** The fixed tokens of a sequence of this model, BOS included, checked against its vocabulary. */
    public int[] fixedTokens(ModelConfig c) {
        int bos = bosId(c);
        List<Integer> fixed = new ArrayList<>();
        if (bos >= 0 && (prefix.isEmpty() || prefix.getFirst() != bos)) fixed.add(bos);
        fixed.addAll(prefix);
        for (int i = 0; i < fixed.size(); i++) {
            int t = fixed.get(i);
            if (t < 0 || t >= c.vocab().size())
                throw new IllegalArgumentException(
                        "prefix token " + i + ": id " + t + " is outside the vocabulary of " + c.name());
            if (i > 0 && t == bos)
                throw new IllegalArgumentException(
                        "prefix token " + i + ": '" + c.bos() + "' (BOS) may only come first");
        }
        return fixed.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Per position of a length-n sequence, the token ids it may hold (one for a fixed position), in vocabulary order. */
    public int[][] allowed(ModelConfig c, int n) {
        int[] fixed = fixedTokens(c);
        if (fixed.length > n) {
            throw new IllegalArgumentException("the prefix has " + fixed.length + " tokens"
                    + (bosId(c) >= 0 ? " (BOS included)" : "") + ", more than n = " + n);
        }
        int bos = bosId(c);
        int[] free = (freeTokens == null
                        ? java.util.stream.IntStream.range(0, c.vocab().size())
                                .boxed()
                                .toList()
                        : freeTokens)
                .stream()
                        .mapToInt(Integer::intValue)
                        .filter(t -> t != bos)
                        .sorted()
                        .distinct()
                        .toArray();
        for (int t : free)
            if (t < 0 || t >= c.vocab().size())
                throw new IllegalArgumentException("free token id " + t + " is outside the vocabulary of " + c.name());
        if (free.length == 0 && fixed.length < n)
            throw new IllegalArgumentException("no token is allowed at the free positions");
        int[][] allowed = new int[n][];
        for (int i = 0; i < n; i++) allowed[i] = i < fixed.length ? new int[] {fixed[i]} : free;
        return allowed;
    }

    /** Number of fixed positions (BOS included): those have no circuit inputs. */
    public int fixedLength(ModelConfig c) {
        return fixedTokens(c).length;
    }

    /** Checks that a sequence of length n lies in this space; throws IllegalArgumentException naming the position otherwise. */
    public void check(ModelConfig c, int[] tokens) {
        int[][] allowed = allowed(c, tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            if (Arrays.binarySearch(allowed[i], tokens[i])
                    < 0) { // allowed[i] is sorted (one token on a fixed position)
                String token = tokens[i] >= 0 && tokens[i] < c.vocab().size()
                        ? "'" + c.vocab().get(tokens[i]) + "'"
                        : "id " + tokens[i];
                throw new IllegalArgumentException(
                        "position " + i + " holds " + token + ", but the circuit was compiled for "
                                + (i < fixedLength(c)
                                        ? "the fixed token '" + c.vocab().get(allowed[i][0]) + "'"
                                        : "tokens " + names(c, allowed[i])));
            }
        }
    }

    private static List<String> names(ModelConfig c, int[] ids) {
        return Arrays.stream(ids).mapToObj(c.vocab()::get).toList();
    }

    private static int bosId(ModelConfig c) {
        return c.bos() == null ? -1 : c.vocab().indexOf(c.bos());
    }
}
