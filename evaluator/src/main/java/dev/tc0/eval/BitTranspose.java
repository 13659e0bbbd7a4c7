package dev.tc0.eval;

/** Transposition of a 64x64 bit matrix held as 64 words, in place (Hacker's Delight 7-3). */
public final class BitTranspose {
    private BitTranspose() {}

    /**
     * After the call, bit {@code c} of word {@code r} holds what bit {@code r} of word {@code c}
     * held before: rows become columns.
     */
    public static void transpose64(long[] m, int off) {
        // Swap ever smaller off-diagonal blocks: 32x32, 16x16, ..., 1x1.
        long mask = 0x00000000FFFFFFFFL;
        for (int j = 32; j != 0; j >>>= 1, mask ^= mask << j) {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                long t = ((m[off + k] >>> j) ^ m[off + k + j]) & mask;
                m[off + k + j] ^= t;
                m[off + k] ^= t << j;
            }
        }
    }
}
