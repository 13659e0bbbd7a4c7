package dev.tc0.eval.codegen;

import dev.tc0.eval.CounterProgram;
import dev.tc0.eval.EvalPlan;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.lang.classfile.CodeBuilder;

/**
 * Emits one chunk as a static method {@code (long[] v, int i)}: the chunk's gates as straight-line
 * code over the words of the tile from {@code i} that one call covers ({@link WordCode}: one
 * {@code long}, or one {@code LongVector}). A slot's value lives in a local of its own
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
    /** Locals: the arena, the word index ({@link WordCode#V}, {@link WordCode#I}); then the values. */
    private static final int FIRST_VALUE = 2;

    private final EvalPlan plan;
    private final Chunks chunks;
    private final int words;
    private final WordCode w;

    // Per method: slot -> local holding its current value; counter scratch plane -> local.
    private final Int2IntOpenHashMap slotLocal = new Int2IntOpenHashMap();
    private final Int2IntOpenHashMap scratchLocal = new Int2IntOpenHashMap();
    private int nextLocal;
    private int x, y, z, t, ge;
    private CodeBuilder cb;

    ChunkEmitter(Chunks chunks, int words, WordCode code) {
        this.plan = chunks.plan;
        this.chunks = chunks;
        this.words = words;
        this.w = code;
        slotLocal.defaultReturnValue(-1);
        scratchLocal.defaultReturnValue(-1);
    }

    /** The body of chunk {@code c}'s method. */
    void emit(CodeBuilder code, int c) {
        cb = code;
        slotLocal.clear();
        scratchLocal.clear();
        nextLocal = FIRST_VALUE;
        x = newLocal();
        y = newLocal();
        z = newLocal();
        t = newLocal();
        ge = newLocal();
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
        w.put(cb, local);
        slotLocal.put(slot, local);
        if (chunks.stored[g]) w.store(cb, local, slot * words);
    }

    private void and(int e0, int e1) {
        if (e0 == e1) {
            w.constant(cb, true);
            return;
        }
        operand(plan.operandRef(e0));
        for (int e = e0 + 1; e < e1; e++) {
            operand(plan.operandRef(e));
            w.and(cb);
        }
    }

    /** Negations of XOR operands fold into one complement at the end. */
    private void xor(int e0, int e1) {
        if (e0 == e1) {
            w.constant(cb, false);
            return;
        }
        int negations = 0;
        for (int e = e0; e < e1; e++) {
            int ref = plan.operandRef(e);
            negations ^= ref & 1;
            value(ref >>> 1);
            if (e > e0) w.xor(cb);
        }
        if (negations != 0) w.not(cb);
    }

    private void maj3(int e0) {
        operand(plan.operandRef(e0));
        w.put(cb, x);
        operand(plan.operandRef(e0 + 1));
        w.put(cb, y);
        operand(plan.operandRef(e0 + 2));
        w.put(cb, z);
        // (x & y) | (z & (x | y))
        w.get(cb, x);
        w.get(cb, y);
        w.and(cb);
        w.get(cb, z);
        w.get(cb, x);
        w.get(cb, y);
        w.or(cb);
        w.and(cb);
        w.or(cb);
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
                    w.put(cb, x);
                    plane(code[pc + 2], e0);
                    w.put(cb, y);
                    plane(code[pc + 3], e0);
                    w.put(cb, z);
                    // t = x ^ y; sum = t ^ z; carry = (x & y) | (z & t)
                    binary(x, y, Op.XOR, t);
                    binary(t, z, Op.XOR, scratch(code[pc + 4]));
                    w.get(cb, x);
                    w.get(cb, y);
                    w.and(cb);
                    w.get(cb, z);
                    w.get(cb, t);
                    w.and(cb);
                    w.or(cb);
                    w.put(cb, scratch(code[pc + 5]));
                    pc += 6;
                } else {
                    plane(code[pc + 1], e0);
                    w.put(cb, x);
                    plane(code[pc + 2], e0);
                    w.put(cb, y);
                    binary(x, y, Op.XOR, scratch(code[pc + 3]));
                    binary(x, y, Op.AND, scratch(code[pc + 4]));
                    pc += 5;
                }
            }
        }
        compare(prog, plan.countThreshold(g), e0);
    }

    private enum Op {
        AND,
        XOR
    }

    /** {@code to = a op b}, all locals. */
    private void binary(int a, int b, Op op, int to) {
        w.get(cb, a);
        w.get(cb, b);
        if (op == Op.AND) w.and(cb);
        else w.xor(cb);
        w.put(cb, to);
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
            w.constant(cb, threshold <= 0);
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
            if (!copy) w.get(cb, ge);
            plane(column[j], e0);
            if (!copy) {
                if (bit) w.and(cb);
                else w.or(cb);
            }
            w.put(cb, ge);
            state = Ge.LOCAL;
        }
        switch (state) {
            case ONES -> w.constant(cb, true);
            case ZEROS -> w.constant(cb, false);
            case LOCAL -> w.get(cb, ge);
        }
    }

    /** Pushes a counter plane: scratch plane r >= 0, or the gate's operand ~r with its negation. */
    private void plane(int r, int e0) {
        if (r >= 0) w.get(cb, scratch(r));
        else operand(plan.operandRef(e0 + ~r));
    }

    private void operand(int ref) {
        value(ref >>> 1);
        if ((ref & 1) != 0) w.not(cb);
    }

    /** Pushes the current value of a slot: its local, or a first read from the arena kept in one. */
    private void value(int slot) {
        int local = slotLocal.get(slot);
        if (local >= 0) {
            w.get(cb, local);
            return;
        }
        local = localOf(slot);
        w.load(cb, slot * words);
        w.dup(cb);
        w.put(cb, local);
        slotLocal.put(slot, local);
    }

    /** The local of a slot in this method: one per slot, as the plan reuses slots in order. */
    private int localOf(int slot) {
        int local = slotLocal.get(slot);
        return local >= 0 ? local : newLocal();
    }

    private int scratch(int r) {
        int local = scratchLocal.get(r);
        if (local < 0) {
            local = newLocal();
            scratchLocal.put(r, local);
        }
        return local;
    }

    private int newLocal() {
        int l = nextLocal;
        nextLocal += w.localSize();
        return l;
    }
}
