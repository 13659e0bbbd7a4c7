package dev.tc0.compile.gadget;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums of m unsigned little-endian numbers (src/docs/paper.md, Iterated addition), each returning
 * bits {@code 0 .. width-1} of the sum; {@link Bits#sumWidth} is the width that never overflows.
 * Numbers may have different widths and constant bits (shifted partial products): constants fold.
 * Below, k is the widest operand (or the width, if smaller).
 */
public final class IteratedAddition {
    private IteratedAddition() {}

    /** The constructions, to pick one by name where a caller (a family, a study) needs a choice. */
    public enum Method {
        /** {@link #direct}: depth 2, exponential weights, width at most 62. */
        DIRECT,
        /** {@link #columns} then carry-lookahead: unit weights, depth 2r + 5 with r rounds. */
        COLUMNS,
        /**
         * {@link #blockSave} then {@link Addition#carryLookahead}: poly weights, depth 7 once the
         * width exceeds two blocks (less when A and B barely overlap).
         */
        BLOCK_SAVE,
        /** {@link #blockSave} then {@link Addition#weighted}: depth 4 (at most), width at most 62. */
        BLOCK_SAVE_WEIGHTED;

        public int[] sum(CircuitBuilder b, int[][] numbers, int width) {
            return switch (this) {
                case DIRECT -> direct(b, numbers, width);
                case COLUMNS -> columns(b, numbers, width);
                case BLOCK_SAVE -> blockSaveThen(b, numbers, width, Weights.UNIT);
                case BLOCK_SAVE_WEIGHTED -> blockSaveThen(b, numbers, width, Weights.LARGE);
            };
        }
    }

    /** The full sum, {@link Bits#sumWidth} bits, by the given method. */
    public static int[] sum(CircuitBuilder b, int[][] numbers, Method method) {
        return method.sum(b, numbers, Bits.sumWidth(numbers));
    }

    /**
     * Sum of two's-complement numbers (each its own width, at least 1 bit) as {@code width} bits of
     * two's complement. Uses {@code x = x' - 2^(k-1)}, where {@code x'} is x with its sign bit
     * negated (free) read as unsigned: the sum is {@code sum x'_r - C}, and {@code -C mod 2^width}
     * joins as one constant summand that the builder folds into thresholds. Depth and size are
     * those of the unsigned method on m numbers plus a constant. {@code width = max k + ceil(log2 m)}
     * never overflows.
     */
    public static int[] signedSum(CircuitBuilder b, int[][] numbers, int width, Method method) {
        int[][] shifted = new int[numbers.length + 1][];
        long offset = 0;
        for (int r = 0; r < numbers.length; r++) {
            int k = numbers[r].length;
            shifted[r] = numbers[r].clone();
            shifted[r][k - 1] = Literal.not(shifted[r][k - 1]);
            offset = Math.addExact(offset, 1L << (k - 1));
        }
        shifted[numbers.length] = Bits.constant(-offset, width);
        return method.sum(b, shifted, width);
    }

    /** The width {@code max k + ceil(log2 m)} that holds any sum of m two's-complement numbers. */
    public static int signedSumWidth(int[][] numbers) {
        return Bits.maxWidth(numbers) + Bits.ceilLog2(Math.max(1, numbers.length));
    }

    /**
     * Iterated addition (a) of src/docs/paper.md: {@link SumBits} over all bits, bit j weighted
     * {@code 2^j}. Depth 2. Size at most {@code sum_i (T_i + 1)} with {@code T_i <= 2m - 1} for
     * {@code i < k} and {@code T_i <= m 2^(k-i)} above, so about {@code 2mk + 2m + log m} (less,
     * since the builder shares {@code g_{i,2t} = g_{i+1,t}} for {@code i >= k}). Fan-in at most mk;
     * weights below {@code 2^k}.
     */
    public static int[] direct(CircuitBuilder b, int[][] numbers, int width) {
        return SumBits.ofNumbers(b, numbers, width);
    }

    /**
     * Iterated addition (b) of src/docs/paper.md, one round: column j's count {@code c_j} in binary
     * by {@link Counting#popcount}, then {@code R_l = sum_j bit_l(c_j) 2^(j+l)} (wiring only). m
     * numbers become {@code L = ceil(log2(m+1))}. Depth 2, at most {@code k(m + L)} gates, unit
     * weights.
     */
    public static int[][] columnRound(CircuitBuilder b, int[][] numbers, int width) {
        int k = Math.min(Bits.maxWidth(numbers), width);
        List<int[]> counts = new ArrayList<>();
        int rows = 0;
        for (int j = 0; j < k; j++) {
            int[] column = column(numbers, j);
            int[] c = Counting.popcount(b, column);
            counts.add(c);
            rows = Math.max(rows, c.length);
        }
        int[][] out = new int[rows][Math.min(width, k + rows)]; // new int[] is all Literal.FALSE
        for (int j = 0; j < k; j++) {
            int[] c = counts.get(j);
            for (int l = 0; l < c.length; l++) if (j + l < out[l].length) out[l][j + l] = c[l];
        }
        return out;
    }

    /**
     * Iterated addition (b) then (d) of src/docs/paper.md: column rounds until at most two numbers
     * remain, then {@link Addition#carryLookahead}. Unit weights throughout. Depth {@code 2r + 5}
     * where r, the number of rounds of {@code m -> ceil(log2(m+1))} down to 2, is 1 for m = 3, 2
     * for m <= 7, 3 for m <= 127, 4 up to 2^127: constant for every practical m, though it grows
     * like log* m.
     */
    public static int[] columns(CircuitBuilder b, int[][] numbers, int width) {
        int[][] cur = numbers;
        while (cur.length > 2) cur = columnRound(b, cur, width);
        return finish(b, cur, width, Weights.UNIT);
    }

    /**
     * Iterated addition (c) of src/docs/paper.md: m numbers to two in depth 2. Blocks of
     * {@code s = max(1, ceil(log2 m))} positions; block t's sum
     * {@code sigma_t = sum_r sum_{u<s} 2^u x_{r,ts+u} < 2^(2s)} is written in 2s bits by
     * {@link SumBits} (weights below {@code 2^s < 2m}: polynomial); its low half goes to A at block
     * t and its high half to B at block t + 1. Halves never overlap, so A and B are wiring. Size at
     * most {@code ceil(k/s) (2ms + 2m + 2s)}, fan-in at most ms.
     */
    public static int[][] blockSave(CircuitBuilder b, int[][] numbers, int width) {
        int m = numbers.length;
        int s = Math.max(1, Bits.ceilLog2(m));
        int k = Math.min(Bits.maxWidth(numbers), width);
        int blocks = (k + s - 1) / s;
        int[] a = new int[width], c = new int[width]; // all Literal.FALSE
        for (int t = 0; t < blocks; t++) {
            long[] w = new long[m * s];
            int[] lits = new int[m * s];
            int e = 0;
            for (int[] x : numbers) {
                for (int u = 0; u < s; u++) {
                    w[e] = 1L << u;
                    lits[e++] = t * s + u < x.length ? x[t * s + u] : Literal.FALSE;
                }
            }
            int[] sigma = SumBits.of(b, w, lits, 2 * s);
            for (int u = 0; u < s; u++) {
                if (t * s + u < width) a[t * s + u] = sigma[u];
                if ((t + 1) * s + u < width) c[(t + 1) * s + u] = sigma[s + u];
            }
        }
        return new int[][] {a, c};
    }

    private static int[] blockSaveThen(CircuitBuilder b, int[][] numbers, int width, Weights adder) {
        return finish(b, numbers.length > 2 ? blockSave(b, numbers, width) : numbers, width, adder);
    }

    /** At most two numbers left: add them (or pad the one). */
    private static int[] finish(CircuitBuilder b, int[][] numbers, int width, Weights adder) {
        return switch (numbers.length) {
            case 0 -> new int[width];
            case 1 -> Bits.zeroExtend(numbers[0], width);
            case 2 -> Addition.add(b, numbers[0], numbers[1], width, adder);
            default -> throw new IllegalArgumentException(numbers.length + " numbers left to finish");
        };
    }

    /** Bit j of every number that has one, constant-false bits dropped (they count nothing). */
    private static int[] column(int[][] numbers, int j) {
        int n = 0;
        int[] col = new int[numbers.length];
        for (int[] x : numbers) if (j < x.length && x[j] != Literal.FALSE) col[n++] = x[j];
        return java.util.Arrays.copyOf(col, n);
    }
}
