package dev.tc0.compile.transformer;

import java.util.List;

/**
 * Sees every intermediate value of a forward pass, in the order of transformer.md. Meant for
 * checking a compiled circuit stage by stage: compare its wires with these values bit for bit.
 * All methods default to doing nothing.
 *
 * @param <T> the scalar type
 */
public interface ForwardObserver<T> {
    /** The projections of position i in layer l (after any layer norm). */
    default void projections(int layer, int i, List<T> query, List<T> key, List<T> value) {}

    /** Head h at query position i: scores σ_ij, similarities s_ij, normaliser Z_i, weights α_ij, output a_i. */
    default void head(
            int layer,
            int head,
            int i,
            List<T> scores,
            List<T> similarities,
            T normaliser,
            List<T> weights,
            List<T> output) {}

    /** The attention block's output o_i (residual included) and the MLP's ReLU outputs at position i. */
    default void block(int layer, int i, List<T> attentionOutput, List<T> hidden) {}
}
