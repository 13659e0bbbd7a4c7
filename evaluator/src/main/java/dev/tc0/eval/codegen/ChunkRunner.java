package dev.tc0.eval.codegen;

/**
 * A generated class: runs its chunks {@code from .. to} (numbered within the class, {@code from <
 * to}) in order, each over words {@code i0 .. i0 + n} of one tile's arena {@code v}.
 */
public interface ChunkRunner {
    void run(int from, int to, long[] v, int i0, int n);
}
