package dev.tc0.compile.transformer;

import java.util.List;

/**
 * A model's answer. For classifiers: {@code accepted} and the one score; for argmax: the label
 * index per position and all logits; for value: the scalar per position.
 *
 * @param scores per position the unembedding outputs (one position for classifiers)
 */
public record ModelOutput<T>(OutputMode mode, boolean accepted, int[] labels, List<List<T>> scores) {

    /** Per position the single score (value mode) or, for classifiers, the one decision score. */
    public List<T> values() {
        return scores.stream().map(List::getFirst).toList();
    }
}
