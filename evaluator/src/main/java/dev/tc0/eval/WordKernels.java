package dev.tc0.eval;

/**
 * The interpreters: the word loops of the evaluator and the one method that drives them over a
 * plan's gates.
 *
 * <p>Every primitive reads and writes one {@code long[]} arena at word offsets; an operand comes
 * with a mask, 0 or -1, XORed into it (free negation). {@code n} is a multiple of 8 words, so a
 * vector implementation needs no tail loop. {@link ScalarKernels} is the reference; the Vector
 * API twin lives in {@code dev.tc0.eval.vector} and is reached through {@link KernelProvider}.
 */
public abstract class WordKernels extends Kernels {
    protected abstract void and2(long[] v, int o, int a, long ma, int b, long mb, int n);

    protected abstract void and3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n);

    protected abstract void and4(
            long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int d, long md, int n);

    protected abstract void xor2(long[] v, int o, int a, long ma, int b, long mb, int n);

    protected abstract void xor3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n);

    protected abstract void xor4(
            long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int d, long md, int n);
    /** At least two of three. */
    protected abstract void maj3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n);

    protected abstract void copy(long[] v, int o, int a, long ma, int n);

    protected abstract void fill(long[] v, int o, long value, int n);

    protected abstract void andInto(long[] v, int o, int a, long ma, int n);

    protected abstract void orInto(long[] v, int o, int a, long ma, int n);

    protected abstract void xorInto(long[] v, int o, int a, long ma, int n);
    /** sum = a ^ b ^ c, carry = maj(a, b, c); the outputs may alias the inputs. */
    protected abstract void fullAdd(long[] v, int a, long ma, int b, long mb, int c, long mc, int s, int cy, int n);
    /** sum = a ^ b, carry = a & b; the outputs may alias the inputs. */
    protected abstract void halfAdd(long[] v, int a, long ma, int b, long mb, int s, int cy, int n);

    @Override
    public final void evalTile(EvalPlan p, long[] v, int words, int scratchBase, int strip) {
        for (int r = 0, runs = p.runOp.length; r < runs; r++) {
            run(p, p.runOp[r], p.runGate[r], p.runGate[r + 1], v, words, scratchBase, strip);
        }
    }

    /** Plan gates {@code from .. to} of level {@code l}, cut at run boundaries. */
    @Override
    public final void evalGates(EvalPlan p, int l, int from, int to, long[] v, int words, int scratchBase, int strip) {
        for (int r = p.levelRun[l - 1]; r < p.levelRun[l]; r++) {
            int s = Math.max(from, p.runGate[r]), e = Math.min(to, p.runGate[r + 1]);
            if (s < e) run(p, p.runOp[r], s, e, v, words, scratchBase, strip);
        }
    }

    /**
     * Evaluates plan gates {@code from .. to} (all of operation {@code op}) on one tile.
     *
     * @param words        tile width in words: slot {@code s} occupies {@code v[s*words ..]}
     * @param scratchBase  arena offset of this task's scratch planes, each {@code strip} words
     * @param strip        words per COUNT strip; divides {@code words}
     */
    final void run(EvalPlan p, PlanOp op, int from, int to, long[] v, int words, int scratchBase, int strip) {
        // One small method per operation: each compiles on its own with its primitive inlined.
        switch (op) {
            case AND2 -> runAnd2(p, from, to, v, words);
            case AND3 -> runAnd3(p, from, to, v, words);
            case AND4 -> runAnd4(p, from, to, v, words);
            case XOR2 -> runXor2(p, from, to, v, words);
            case XOR3 -> runXor3(p, from, to, v, words);
            case XOR4 -> runXor4(p, from, to, v, words);
            case MAJ3 -> runMaj3(p, from, to, v, words);
            case AND_N -> runFold(p, from, to, v, words, true);
            case XOR_N -> runFold(p, from, to, v, words, false);
            case COUNT -> runCount(p, from, to, v, words, scratchBase, strip);
            case LOGIC2 -> runLogic2(p, from, to, v, words);
        }
    }

    private void runAnd2(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1];
            and2(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), words);
        }
    }

    private void runLogic2(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        final boolean[] isXor = p.isXor;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1];
            if (isXor[g]) xor2(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), words);
            else and2(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), words);
        }
    }

    private void runAnd3(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1], c = ref[e + 2];
            and3(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), off(c, words), mask(c), words);
        }
    }

    private void runAnd4(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1], c = ref[e + 2], d = ref[e + 3];
            and4(
                    v,
                    slot[g] * words,
                    off(a, words),
                    mask(a),
                    off(b, words),
                    mask(b),
                    off(c, words),
                    mask(c),
                    off(d, words),
                    mask(d),
                    words);
        }
    }

    private void runXor2(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1];
            xor2(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), words);
        }
    }

    private void runXor3(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1], c = ref[e + 2];
            xor3(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), off(c, words), mask(c), words);
        }
    }

    private void runXor4(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1], c = ref[e + 2], d = ref[e + 3];
            xor4(
                    v,
                    slot[g] * words,
                    off(a, words),
                    mask(a),
                    off(b, words),
                    mask(b),
                    off(c, words),
                    mask(c),
                    off(d, words),
                    mask(d),
                    words);
        }
    }

    private void runMaj3(EvalPlan p, int from, int to, long[] v, int words) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) {
            int e = start[g], a = ref[e], b = ref[e + 1], c = ref[e + 2];
            maj3(v, slot[g] * words, off(a, words), mask(a), off(b, words), mask(b), off(c, words), mask(c), words);
        }
    }

    private void runFold(EvalPlan p, int from, int to, long[] v, int words, boolean and) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; g++) fold(v, slot[g] * words, ref, start[g], start[g + 1], words, and);
    }

    private void runCount(EvalPlan p, int from, int to, long[] v, int words, int scratchBase, int strip) {
        final int[] ref = p.opRef, start = p.gateOpStart, slot = p.gateSlot;
        for (int g = from; g < to; ) {
            // Gates with the same operands and weights (a symmetric function's first layer, the
            // comparisons of an adder) share one sum: run the adders once, compare for each.
            int end = g + 1;
            while (end < to && p.sharesSum[end]) end++;
            CounterProgram prog = p.programs[p.countProgram[g]];
            for (int s0 = 0; s0 < words; s0 += strip) {
                sum(prog, v, ref, start[g], words, s0, scratchBase, strip);
                for (int h = g; h < end; h++) {
                    compare(
                            prog,
                            p.countThreshold[h],
                            v,
                            slot[h] * words + s0,
                            ref,
                            start[h],
                            words,
                            s0,
                            scratchBase,
                            strip);
                }
            }
            g = end;
        }
    }

    private void fold(long[] v, int o, int[] ref, int e0, int e1, int words, boolean and) {
        if (e0 == e1) {
            fill(v, o, and ? -1L : 0L, words);
            return;
        }
        copy(v, o, off(ref[e0], words), mask(ref[e0]), words);
        for (int e = e0 + 1; e < e1; e++) {
            if (and) andInto(v, o, off(ref[e], words), mask(ref[e]), words);
            else xorInto(v, o, off(ref[e], words), mask(ref[e]), words);
        }
    }

    /** One strip of a COUNT gate's adder program: the sum's columns into scratch planes. */
    private void sum(CounterProgram prog, long[] v, int[] ref, int e0, int words, int s0, int scratchBase, int n) {
        int[] code = prog.code;
        for (int pc = 0; pc < code.length; ) {
            if (code[pc] == CounterProgram.FA) {
                int a = code[pc + 1], b = code[pc + 2], c = code[pc + 3];
                fullAdd(
                        v,
                        planeOff(a, ref, e0, words, s0, scratchBase, n),
                        planeMask(a, ref, e0),
                        planeOff(b, ref, e0, words, s0, scratchBase, n),
                        planeMask(b, ref, e0),
                        planeOff(c, ref, e0, words, s0, scratchBase, n),
                        planeMask(c, ref, e0),
                        scratchBase + code[pc + 4] * n,
                        scratchBase + code[pc + 5] * n,
                        n);
                pc += 6;
            } else {
                int a = code[pc + 1], b = code[pc + 2];
                halfAdd(
                        v,
                        planeOff(a, ref, e0, words, s0, scratchBase, n),
                        planeMask(a, ref, e0),
                        planeOff(b, ref, e0, words, s0, scratchBase, n),
                        planeMask(b, ref, e0),
                        scratchBase + code[pc + 3] * n,
                        scratchBase + code[pc + 4] * n,
                        n);
                pc += 5;
            }
        }
    }

    /**
     * One strip of {@code sum >= t} into {@code out}, scanning the sum's columns upwards:
     * ge = bit ? (ge & c) : (ge | c), from ge = ones. While ge is still all ones it is not
     * materialised.
     */
    private void compare(
            CounterProgram prog,
            long t,
            long[] v,
            int out,
            int[] ref,
            int e0,
            int words,
            int s0,
            int scratchBase,
            int n) {
        if (t <= 0) {
            fill(v, out, -1L, n);
            return;
        }
        if (t > prog.maxSum) {
            fill(v, out, 0L, n);
            return;
        }
        boolean ones = true;
        int[] column = prog.column;
        for (int j = 0; j < column.length; j++) {
            boolean bit = (t >>> j & 1) != 0;
            int plane = column[j];
            if (plane == CounterProgram.ZERO) {
                if (bit) {
                    fill(v, out, 0L, n);
                    ones = false;
                }
                continue;
            }
            int po = planeOff(plane, ref, e0, words, s0, scratchBase, n);
            long pm = planeMask(plane, ref, e0);
            if (ones) {
                if (bit) {
                    copy(v, out, po, pm, n);
                    ones = false;
                }
            } else if (bit) {
                andInto(v, out, po, pm, n);
            } else {
                orInto(v, out, po, pm, n);
            }
        }
        if (ones) fill(v, out, -1L, n);
    }

    private static int planeOff(int r, int[] ref, int e0, int words, int s0, int scratchBase, int n) {
        return r >= 0 ? scratchBase + r * n : (ref[e0 + ~r] >>> 1) * words + s0;
    }

    private static long planeMask(int r, int[] ref, int e0) {
        return r >= 0 ? 0L : -(long) (ref[e0 + ~r] & 1);
    }

    static int off(int ref, int words) {
        return (ref >>> 1) * words;
    }

    static long mask(int ref) {
        return -(long) (ref & 1);
    }
}
