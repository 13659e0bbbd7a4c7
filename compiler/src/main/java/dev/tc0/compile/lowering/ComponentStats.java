package dev.tc0.compile.lowering;

/**
 * What one component of the lowering added: gates and their operand edges (after structural
 * hashing; gates an output does not need are counted here but dropped by {@code build()}) and the
 * largest level (depth from the inputs) of any gate it built or reused.
 *
 * @param layer the layer, or -1 for the embedding and the output
 * @param name e.g. {@code scores}, {@code normaliser}, {@code division}
 */
public record ComponentStats(int layer, String name, long gates, long edges, int depthReached) {

    public String label() {
        return layer < 0 ? name : "layer " + layer + " " + name;
    }
}
