package dev.tc0.eval;

import java.io.IOException;

/**
 * Supplies input patterns as planes, one tile at a time. Pattern {@code p} of a plane is bit
 * {@code p % 64} of word {@code p / 64}.
 */
public interface InputSource extends AutoCloseable {
    int numInputs();

    /** Number of patterns, or -1 for a stream whose length is known only at its end. */
    long count();

    /** True when {@link #fill} may be called for any tile, in any order, from several threads. */
    boolean randomAccess();

    /**
     * Writes the planes of patterns {@code first .. first + 64 * words - 1} ({@code first} is a
     * multiple of 64): input {@code i} goes to {@code dst[offset[i] .. offset[i] + words)}, or
     * nowhere when {@code offset[i] < 0}. Bits past the last pattern are zero.
     *
     * @return the number of patterns written; fewer than {@code 64 * words} only at the end
     */
    int fill(long first, int words, long[] dst, int[] offset) throws IOException;

    @Override
    default void close() throws IOException {}

    /** Mask of the low {@code n} bits, for partial words. */
    static long lowBits(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }
}
