package dev.tc0.compile.gadget;

/**
 * Which weights a construction may use. The paper's TC0 counts unweighted threshold gates, where a
 * weight w costs w repeated edges, so exponential weights are "free" only in a weighted model.
 * Gadgets that have both forms take this choice.
 */
public enum Weights {
    /** Weights up to 2^k for k-bit operands: fewest gates and levels; needs k below about 60. */
    LARGE,
    /** Weights in {-1, 0, 1}: the paper's majority/threshold gates, a few more levels. */
    UNIT
}
