package dev.tc0.eval.codegen;

/** A generated class: runs its chunk {@code chunk} (numbered within the class) over one tile. */
public interface ChunkRunner {
    void run(int chunk, long[] v);
}
