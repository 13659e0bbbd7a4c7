package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.BEYOND;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Bits;
import java.util.random.RandomGenerator;

/**
 * The word problem of S5 (NC1-complete, Barrington): the composition of n permutations of five
 * points.
 *
 * <p>Input: n maps, each the images of points 0..4 in 3 bits (15 bits). A code of 5, 6 or 7 is
 * allowed: every map acts on the points 0..7 and fixes 5, 6 and 7, so any input has a meaning and
 * valid permutations compose as in S5. The product applies map 0 first. Output: the images of
 * 0..4 under the product (15 bits), then whether the product is the identity.
 *
 * <p>Circuit: a balanced tree of compositions; {@code (g . f)(x)_b = OR_y AND(f(x) = y, g(y)_b)}
 * over y in 0..7 is one AND of four literals per term and one OR: two levels per composition.
 * Depth {@code 2 ceil(log2 n) + 1} (the identity test is one AND over 15 literals); about 135
 * gates per composition.
 */
final class S5Family {
    private S5Family() {}

    private static final int POINTS = 5, CODE = 3, MAP_BITS = POINTS * CODE;

    static final CircuitFamily FAMILY = new Family(
            "s5",
            "word problem of S5: compose n permutations of 5 points (3-bit images) by a balanced tree, output the product and whether it is the identity; depth 2 ceil(log2 n) + 1",
            BEYOND,
            1,
            n -> n * MAP_BITS,
            S5Family::build,
            S5Family::reference,
            S5Family::permutations);

    // ---- circuit ----

    private static int[] build(CircuitBuilder b, int n, int[] x) {
        int[][][] maps = new int[n][][];
        for (int i = 0; i < n; i++)
            maps[i] = BitCodec.groups(java.util.Arrays.copyOfRange(x, i * MAP_BITS, (i + 1) * MAP_BITS), POINTS, CODE);
        int[][] product = product(b, maps, 0, n);
        int[] identity = new int[MAP_BITS];
        for (int p = 0; p < POINTS; p++) {
            for (int k = 0; k < CODE; k++)
                identity[p * CODE + k] = ((p >>> k) & 1) == 1 ? product[p][k] : CircuitBuilder.not(product[p][k]);
        }
        int[] out = java.util.Arrays.copyOf(BitCodec.concat(product), MAP_BITS + 1);
        out[MAP_BITS] = b.and(identity);
        return out;
    }

    /** The product of maps {@code from .. to-1}, the first applied first. */
    private static int[][] product(CircuitBuilder b, int[][][] maps, int from, int to) {
        if (to - from == 1) return maps[from];
        int mid = (from + to) >>> 1;
        return compose(b, product(b, maps, from, mid), product(b, maps, mid, to));
    }

    /** {@code g . f}: f first. */
    private static int[][] compose(CircuitBuilder b, int[][] f, int[][] g) {
        int[][] h = new int[POINTS][CODE];
        for (int p = 0; p < POINTS; p++) {
            for (int k = 0; k < CODE; k++) {
                int[] terms = new int[1 << CODE];
                for (int y = 0; y < 1 << CODE; y++) {
                    int gy = y < POINTS ? g[y][k] : CircuitBuilder.constant(((y >>> k) & 1) == 1);
                    int[] lits = new int[CODE + 1];
                    for (int j = 0; j < CODE; j++)
                        lits[j] = ((y >>> j) & 1) == 1 ? f[p][j] : CircuitBuilder.not(f[p][j]);
                    lits[CODE] = gy;
                    terms[y] = b.and(lits);
                }
                h[p][k] = b.or(terms);
            }
        }
        return h;
    }

    static int depth(int n) {
        return 2 * Bits.ceilLog2(n) + 1;
    }

    // ---- reference ----

    private static boolean[] reference(int n, boolean[] x) {
        int[] product = {0, 1, 2, 3, 4, 5, 6, 7};
        for (int i = 0; i < n; i++) {
            int[] f = map(x, i);
            for (int p = 0; p < 8; p++) product[p] = f[product[p]];
        }
        boolean[] out = new boolean[MAP_BITS + 1];
        boolean identity = true;
        for (int p = 0; p < POINTS; p++) {
            BitCodec.write(product[p], out, p * CODE, CODE);
            identity &= product[p] == p;
        }
        out[MAP_BITS] = identity;
        return out;
    }

    /** Map i on all eight points. */
    private static int[] map(boolean[] x, int i) {
        int[] f = {0, 1, 2, 3, 4, 5, 6, 7};
        for (int p = 0; p < POINTS; p++) f[p] = (int) BitCodec.read(x, i * MAP_BITS + p * CODE, CODE);
        return f;
    }

    /**
     * Valid permutations; half the time the last one undoes the others, so the identity output is
     * exercised; one time in eight uniform bits, so invalid codes are too.
     */
    private static boolean[] permutations(int n, RandomGenerator rnd) {
        boolean[] x = new boolean[n * MAP_BITS];
        if (rnd.nextInt(8) == 0) {
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextBoolean();
            return x;
        }
        int[] product = {0, 1, 2, 3, 4};
        boolean closeUp = rnd.nextBoolean();
        for (int i = 0; i < n; i++) {
            int[] f = new int[POINTS];
            if (closeUp && i == n - 1) {
                for (int p = 0; p < POINTS; p++) f[product[p]] = p; // the inverse of the product so far
            } else {
                for (int p = 0; p < POINTS; p++) f[p] = p;
                for (int p = POINTS - 1; p > 0; p--) {
                    int q = rnd.nextInt(p + 1);
                    int t = f[p];
                    f[p] = f[q];
                    f[q] = t;
                }
            }
            for (int p = 0; p < POINTS; p++) {
                BitCodec.write(f[p], x, i * MAP_BITS + p * CODE, CODE);
                product[p] = f[product[p]];
            }
        }
        return x;
    }
}
