package dev.tc0.eval;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Bit-sliced accumulation for THRESHOLD and WEIGHTED gates: a fixed sequence of full and half
 * adders that reduces the operand planes, each placed in the columns of its (positive) weight's
 * set bits, to one plane per column of the binary sum. The sequence depends only on the weights,
 * so THRESHOLD gates of one fan-in share a program.
 *
 * <p>Planes are added online, keeping at most two pending planes per column: a third triggers a
 * full adder whose carry moves up a column. This uses about one full adder per operand bit
 * (5 logic operations per word) and only O(columns) scratch planes, unlike a ripple counter's
 * O(k log k) operations. For THRESHOLD the counter has ceil(log2(k+1)) columns.
 *
 * <p>Encoding: a plane reference {@code r >= 0} is scratch plane {@code r}; {@code r < 0} is gate
 * operand {@code ~r}. {@link #code} holds instructions {@code FA a b c sum carry} and
 * {@code HA a b sum carry}.
 */
public final class CounterProgram {
    public static final int FA = 0, HA = 1;

    final int[] code;
    /** Plane holding each column of the sum, or {@link #ZERO} for a column that is always 0. */
    final int[] column;

    final int scratch;
    final long maxSum;

    public static final int ZERO = Integer.MIN_VALUE;

    /** The instructions (a copy). */
    public int[] code() {
        return code.clone();
    }

    /** The plane of each column of the sum, lowest first (a copy). */
    public int[] columns() {
        return column.clone();
    }

    /** Scratch planes the program uses. */
    public int scratch() {
        return scratch;
    }

    /** The largest sum: every operand true. */
    public long maxSum() {
        return maxSum;
    }

    private CounterProgram(int[] code, int[] column, int scratch, long maxSum) {
        this.code = code;
        this.column = column;
        this.scratch = scratch;
        this.maxSum = maxSum;
    }

    /** A program summing operand {@code i} with weight {@code weights[i] >= 0}. */
    static CounterProgram of(long[] weights) {
        return new Builder(weights).build();
    }

    /** All weights 1: a population counter of {@code k} planes. */
    static CounterProgram count(int k) {
        long[] w = new long[k];
        java.util.Arrays.fill(w, 1);
        return of(w);
    }

    private static final class Builder {
        final long[] weights;
        final IntArrayList code = new IntArrayList();
        final int[][] pending = new int[65][2];
        final int[] pendingCount = new int[65];
        final IntArrayList free = new IntArrayList();
        int scratch;

        Builder(long[] weights) {
            this.weights = weights;
        }

        CounterProgram build() {
            long maxSum = 0;
            for (int i = 0; i < weights.length; i++) {
                long w = weights[i];
                if (w < 0) throw new IllegalArgumentException("counter weights must not be negative");
                maxSum = Math.addExact(maxSum, w);
                for (int j = 0; j < 63; j++) if ((w >>> j & 1) != 0) add(j, ~i);
            }
            // Resolve columns from the bottom: two pending planes become sum + carry.
            int columns = 64 - Long.numberOfLeadingZeros(maxSum);
            for (int j = 0; j < 64; j++) {
                if (pendingCount[j] == 2) {
                    int a = pending[j][0], b = pending[j][1];
                    release(a);
                    release(b);
                    int s = alloc(), cy = alloc();
                    code.add(HA);
                    code.add(a);
                    code.add(b);
                    code.add(s);
                    code.add(cy);
                    pending[j][0] = s;
                    pendingCount[j] = 1;
                    add(j + 1, cy);
                }
            }
            int[] column = new int[Math.max(columns, 1)];
            for (int j = 0; j < column.length; j++) column[j] = pendingCount[j] == 1 ? pending[j][0] : ZERO;
            for (int j = column.length; j < 65; j++) {
                if (pendingCount[j] != 0) throw new AssertionError("carry beyond the sum's width");
            }
            return new CounterProgram(code.toIntArray(), column, scratch, maxSum);
        }

        private void add(int j, int plane) {
            while (true) {
                if (pendingCount[j] < 2) {
                    pending[j][pendingCount[j]++] = plane;
                    return;
                }
                int a = pending[j][0], b = pending[j][1];
                release(a);
                release(b);
                release(plane);
                int s = alloc(), cy = alloc();
                code.add(FA);
                code.add(a);
                code.add(b);
                code.add(plane);
                code.add(s);
                code.add(cy);
                pending[j][0] = s;
                pendingCount[j] = 1;
                j++;
                plane = cy;
            }
        }

        private void release(int ref) {
            if (ref >= 0) free.add(ref);
        }

        private int alloc() {
            return free.isEmpty() ? scratch++ : free.removeInt(free.size() - 1);
        }
    }
}
