package dev.tc0.compile.transformer;

import java.util.List;

/**
 * The result of one forward pass: the residual stream after the embedding (index 0) and after each
 * layer (index l + 1), as {@code states.get(stage).get(position).get(coordinate)}, and the output.
 */
public record Trace<T>(int precisionBits, List<List<List<T>>> states, ModelOutput<T> output) {

    /** The last hidden states, before any final layer norm. */
    public List<List<T>> last() {
        return states.getLast();
    }
}
