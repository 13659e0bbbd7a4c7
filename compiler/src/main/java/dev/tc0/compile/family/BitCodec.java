package dev.tc0.compile.family;

import java.math.BigInteger;

/** Numbers in and out of boolean bit vectors (little-endian), for the references. */
final class BitCodec {
    private BitCodec() {}

    static long read(boolean[] bits, int offset, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) if (bits[offset + i]) v |= 1L << i;
        return v;
    }

    static BigInteger readBig(boolean[] bits, int offset, int width) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < width; i++) if (bits[offset + i]) v = v.setBit(i);
        return v;
    }

    static void write(long value, boolean[] out, int offset, int width) {
        for (int i = 0; i < width; i++) out[offset + i] = i < 64 && ((value >>> i) & 1) != 0;
    }

    static boolean[] bits(BigInteger value, int width) {
        boolean[] out = new boolean[width];
        for (int i = 0; i < width; i++) out[i] = value.testBit(i);
        return out;
    }

    static boolean[] bits(long value, int width) {
        boolean[] out = new boolean[width];
        write(value, out, 0, width);
        return out;
    }

    /** Splits {@code count} consecutive numbers of {@code width} bits into literal groups. */
    static int[][] groups(int[] lits, int count, int width) {
        int[][] g = new int[count][width];
        for (int r = 0; r < count; r++) System.arraycopy(lits, r * width, g[r], 0, width);
        return g;
    }

    /** Concatenates literal groups. */
    static int[] concat(int[][] groups) {
        int total = 0;
        for (int[] g : groups) total += g.length;
        int[] r = new int[total];
        int e = 0;
        for (int[] g : groups) {
            System.arraycopy(g, 0, r, e, g.length);
            e += g.length;
        }
        return r;
    }

    static int count(boolean[] bits) {
        int c = 0;
        for (boolean b : bits) if (b) c++;
        return c;
    }
}
