package dev.tc0.eval.codegen;

import dev.tc0.eval.CounterProgram;
import dev.tc0.eval.EvalPlan;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.lang.classfile.CodeBuilder;

/**
 * Emits one chunk as a static method {@code (long[] v, int i)}: the chunk's gates as straight-line
 * {@code long} code over word {@code i} of the tile. A slot's value lives in a local of its own
 * from its first read (loaded from the arena once) or its write on; values a later chunk reads are
 * stored back ({@link Chunks#stored}). Arena offsets are constants ({@code slot * words + i}), so
 * the generated code is specific to one tile width.
 *
 * <p>No loop inside: C2 spent about half a second on each 2 KB chunk with its word loop (loop
 * optimisations over hundreds of array accesses), against milliseconds for straight-line code;
 * the caller's loop over words costs one static call per chunk and word.
 *
 * <p>Word {@code i} of a gate needs only word {@code i} of its operands, so running a chunk per
 * word keeps the plan's order per word, and slot reuse within a chunk stays correct.
 */
final class ChunkEmitter {
    /** Locals: the arena, the word index; then the longs. */
    private static final int V = 0, I = 1, FIRST_LONG = 2;

    private final EvalPlan plan;
    private final Chunks chunks;
    private final int words;

    // Per method: slot -> local holding its current value; counter scratch plane -> local.
    private final Int2IntOpenHashMap slotLocal = new Int2IntOpenHashMap();
    private final Int2IntOpenHashMap scratchLocal = new Int2IntOpenHashMap();
    private int nextLocal;
    private int x, y, z, t, ge;
    private CodeBuilder cb;

    ChunkEmitter(Chunks chunks, int words) {
        this.plan = chunks.plan;
        this.chunks = chunks;
        this.words = words;
        slotLocal.defaultReturnValue(-1);
        scratchLocal.defaultReturnValue(-1);
    }

    /** The body of chunk {@code c}'s method. */
    void emit(CodeBuilder code, int c) {
        cb = code;
        slotLocal.clear();
        scratchLocal.clear();
        nextLocal = FIRST_LONG;
        x = newLong();
        y = newLong();
        z = newLong();
        t = newLong();
        ge = newLong();
        for (int g = chunks.start[c]; g < chunks.start[c + 1]; g++) gate(g, g > chunks.start[c]);
        cb.return_();
        cb = null;
    }

    private void gate(int g, boolean afterFirst) {
        int e0 = plan.operandStart(g), e1 = plan.operandStart(g + 1);
        switch (chunks.op[g]) {
            case AND2, AND3, AND4, AND_N -> and(e0, e1);
            case XOR2, XOR3, XOR4, XOR_N -> xor(e0, e1);
            case LOGIC2 -> {
                if (plan.isXor(g)) xor(e0, e1);
                else and(e0, e1);
            }
            case MAJ3 -> maj3(e0);
            case COUNT -> count(g, e0, afterFirst && plan.sharesSum(g));
        }
        int slot = plan.gateSlot(g);
        int local = localOf(slot);
        cb.lstore(local);
        slotLocal.put(slot, local);
        if (chunks.stored[g]) {
            cb.aload(V).iload(I).loadConstant(slot * words).iadd().lload(local).lastore();
        }
    }

    private void and(int e0, int e1) {
        if (e0 == e1) {
            cb.loadConstant(-1L);
            return;
        }
        operand(plan.operandRef(e0));
        for (int e = e0 + 1; e < e1; e++) {
            operand(plan.operandRef(e));
            cb.land();
        }
    }

    /** Negations of XOR operands fold into one complement at the end. */
    private void xor(int e0, int e1) {
        if (e0 == e1) {
            cb.loadConstant(0L);
            return;
        }
        int negations = 0;
        for (int e = e0; e < e1; e++) {
            int ref = plan.operandRef(e);
            negations ^= ref & 1;
            value(ref >>> 1);
            if (e > e0) cb.lxor();
        }
        if (negations != 0) cb.loadConstant(-1L).lxor();
    }

    private void maj3(int e0) {
        operand(plan.operandRef(e0));
        cb.lstore(x);
        operand(plan.operandRef(e0 + 1));
        cb.lstore(y);
        operand(plan.operandRef(e0 + 2));
        cb.lstore(z);
        // (x & y) | (z & (x | y))
        cb.lload(x).lload(y).land().lload(z).lload(x).lload(y).lor().land().lor();
    }

    /**
     * The counter program's adders inline, then {@code sum >= threshold} column by column. Its
     * scratch planes are locals; a gate that shares the previous gate's sum only compares.
     */
    private void count(int g, int e0, boolean reuseSum) {
        CounterProgram prog = plan.counter(g);
        if (!reuseSum) {
            int[] code = prog.code();
            for (int pc = 0; pc < code.length; ) {
                if (code[pc] == CounterProgram.FA) {
                    plane(code[pc + 1], e0);
                    cb.lstore(x);
                    plane(code[pc + 2], e0);
                    cb.lstore(y);
                    plane(code[pc + 3], e0);
                    cb.lstore(z);
                    cb.lload(x).lload(y).lxor().lstore(t);
                    cb.lload(t).lload(z).lxor().lstore(scratch(code[pc + 4]));
                    cb.lload(x).lload(y).land().lload(z).lload(t).land().lor().lstore(scratch(code[pc + 5]));
                    pc += 6;
                } else {
                    plane(code[pc + 1], e0);
                    cb.lstore(x);
                    plane(code[pc + 2], e0);
                    cb.lstore(y);
                    cb.lload(x).lload(y).lxor().lstore(scratch(code[pc + 3]));
                    cb.lload(x).lload(y).land().lstore(scratch(code[pc + 4]));
                    pc += 5;
                }
            }
        }
        compare(prog, plan.countThreshold(g), e0);
    }

    private enum Ge {
        ONES,
        ZEROS,
        LOCAL
    }

    /**
     * Scans the sum's columns upwards: ge = bit ? (ge & c) : (ge | c), from ge = ones. While ge
     * is a constant nothing is emitted for it; the interpreter's compare does the same per strip.
     */
    private void compare(CounterProgram prog, long threshold, int e0) {
        if (threshold <= 0 || threshold > prog.maxSum()) {
            cb.loadConstant(threshold <= 0 ? -1L : 0L);
            return;
        }
        Ge state = Ge.ONES;
        int[] column = prog.columns();
        for (int j = 0; j < column.length; j++) {
            boolean bit = (threshold >>> j & 1) != 0;
            if (column[j] == CounterProgram.ZERO) {
                if (bit) state = Ge.ZEROS;
                continue;
            }
            if (bit ? state == Ge.ZEROS : state == Ge.ONES) continue; // 0 & c and ones | c
            boolean copy = state != Ge.LOCAL; // ones & c and 0 | c are c
            if (!copy) cb.lload(ge);
            plane(column[j], e0);
            if (!copy) {
                if (bit) cb.land();
                else cb.lor();
            }
            cb.lstore(ge);
            state = Ge.LOCAL;
        }
        switch (state) {
            case ONES -> cb.loadConstant(-1L);
            case ZEROS -> cb.loadConstant(0L);
            case LOCAL -> cb.lload(ge);
        }
    }

    /** Pushes a counter plane: scratch plane r >= 0, or the gate's operand ~r with its negation. */
    private void plane(int r, int e0) {
        if (r >= 0) cb.lload(scratch(r));
        else operand(plan.operandRef(e0 + ~r));
    }

    private void operand(int ref) {
        value(ref >>> 1);
        if ((ref & 1) != 0) cb.loadConstant(-1L).lxor();
    }

    /** Pushes the current value of a slot: its local, or a first read from the arena kept in one. */
    private void value(int slot) {
        int local = slotLocal.get(slot);
        if (local >= 0) {
            cb.lload(local);
            return;
        }
        local = localOf(slot);
        cb.aload(V).iload(I).loadConstant(slot * words).iadd().laload().dup2().lstore(local);
        slotLocal.put(slot, local);
    }

    /** The local of a slot in this method: one per slot, as the plan reuses slots in order. */
    private int localOf(int slot) {
        int local = slotLocal.get(slot);
        return local >= 0 ? local : newLong();
    }

    private int scratch(int r) {
        int local = scratchLocal.get(r);
        if (local < 0) {
            local = newLong();
            scratchLocal.put(r, local);
        }
        return local;
    }

    private int newLong() {
        int l = nextLocal;
        nextLocal += 2;
        return l;
    }
}
