package dev.tc0.spark;

import java.io.Serializable;

/**
 * Words {@code word .. word + words - 1} of every input plane, plane by plane ({@code planes[i *
 * words + w]} is word {@code word + w} of input {@code i}): what a Parquet input is cut into on its
 * way to the task whose range holds those words. {@code mask} marks the patterns of the words that
 * this block gives: all of them ({@link #WHOLE}) for a block of whole words, or some bits of one
 * word for the rows of a one-row-per-pattern input that one scan task read; the task ORs the
 * pieces of a word together.
 */
record Block(long word, int words, long[] planes, long mask) implements Serializable {
    static final long WHOLE = -1L;

    Block {
        if (words < 1 || (mask != WHOLE && words != 1) || planes.length % words != 0) {
            throw new IllegalArgumentException("a block of " + words + " words, mask " + Long.toHexString(mask) + ", "
                    + planes.length + " plane words");
        }
    }

    boolean whole() {
        return mask == WHOLE;
    }

    int inputs() {
        return planes.length / words;
    }

    /** Words {@code from .. from + n - 1} of this block (counted from its first word) as a block. */
    Block slice(int from, int n) {
        if (from == 0 && n == words) return this;
        int inputs = inputs();
        long[] p = new long[inputs * n];
        for (int i = 0; i < inputs; i++) System.arraycopy(planes, i * words + from, p, i * n, n);
        return new Block(word + from, n, p, mask);
    }
}
