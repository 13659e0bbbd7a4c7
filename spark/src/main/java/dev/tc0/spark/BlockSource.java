package dev.tc0.spark;

import dev.tc0.eval.InputSource;
import java.io.IOException;
import java.util.Iterator;

/**
 * One range's patterns from the {@link Block}s that a Parquet input's scan sent to its task, sorted
 * by word: a stream, read in order. Every word of the range must come exactly once: as part of a
 * block of whole words, or as pieces of one word whose patterns together are the word's patterns
 * of the batch (all 64, or the batch's last few). A word missing or given twice is an error naming
 * the input and the pattern, never a silent gap.
 */
final class BlockSource implements InputSource {
    private final String name;
    private final int inputs;
    private final PatternRange range;
    private final long total; // patterns in the whole batch, which decides the last word's patterns
    private final Iterator<Block> blocks;
    private Block peeked;
    private Block current;
    private int pos; // the next word of {@code current}
    private long nextWord;

    BlockSource(String name, int inputs, PatternRange range, long total, Iterator<Block> blocks) {
        this.name = name;
        this.inputs = inputs;
        this.range = range;
        this.total = total;
        this.blocks = blocks;
        this.nextWord = range.first() / PatternRange.WORD;
    }

    @Override
    public int numInputs() {
        return inputs;
    }

    @Override
    public long count() {
        return range.count();
    }

    @Override
    public boolean randomAccess() {
        return false;
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) throws IOException {
        int n = (int) Math.max(0, Math.min(64L * words, range.count() - first));
        int need = (n + 63) >>> 6;
        for (int w = 0; w < need; ) {
            if (current == null || pos == current.words()) {
                current = nextWhole();
                pos = 0;
            }
            int k = Math.min(need - w, current.words() - pos);
            long[] planes = current.planes();
            for (int i = 0; i < inputs; i++) {
                if (offset[i] >= 0) System.arraycopy(planes, i * current.words() + pos, dst, offset[i] + w, k);
            }
            w += k;
            pos += k;
        }
        for (int i = 0; i < inputs; i++) {
            if (offset[i] < 0) continue;
            for (int w = need; w < words; w++) dst[offset[i] + w] = 0;
            if (need > 0) dst[offset[i] + need - 1] &= InputSource.lowBits(n - 64 * (need - 1));
        }
        return n;
    }

    /** The block holding {@code nextWord}, its pieces joined, checked against the words before it. */
    private Block nextWhole() throws IOException {
        Block b = take();
        if (b == null) throw new IOException(name + ": no data for patterns from " + 64 * nextWord + " on");
        if (b.word() != nextWord) {
            throw new IOException(name + ": "
                    + (b.word() < nextWord
                            ? "pattern " + 64 * b.word() + " is given twice (blocks overlap)"
                            : "patterns " + 64 * nextWord + " to " + (64 * b.word() - 1) + " are missing"));
        }
        if (b.inputs() != inputs) {
            throw new IOException(name + ": the block at pattern " + 64 * b.word() + " has " + b.inputs()
                    + " input planes, the circuit " + inputs);
        }
        if (!b.whole()) b = joinPieces(b);
        nextWord += b.words();
        return b;
    }

    /** ORs together the pieces of one word; together they must give exactly that word's patterns. */
    private Block joinPieces(Block b) throws IOException {
        long[] planes = b.planes().clone();
        long mask = b.mask();
        for (Block p; (p = peek()) != null && p.word() == b.word(); ) {
            take();
            long twice = mask & p.mask();
            if (twice != 0) {
                throw new IOException(
                        name + ": pattern " + (64 * b.word() + Long.numberOfTrailingZeros(twice)) + " is given twice");
            }
            mask |= p.mask();
            for (int i = 0; i < inputs; i++) planes[i] |= p.planes()[i];
        }
        long want = InputSource.lowBits((int) Math.min(64, total - 64 * b.word()));
        if (mask != want) {
            throw new IOException(
                    name + ": pattern " + (64 * b.word() + Long.numberOfTrailingZeros(want & ~mask)) + " is missing");
        }
        return new Block(b.word(), 1, planes, Block.WHOLE);
    }

    private Block peek() {
        if (peeked == null && blocks.hasNext()) peeked = blocks.next();
        return peeked;
    }

    private Block take() {
        Block b = peek();
        peeked = null;
        return b;
    }
}
