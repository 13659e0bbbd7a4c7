package dev.tc0.eval;

/** The reference kernels: plain loops (C2 auto-vectorizes the simple ones). */
public final class ScalarKernels extends WordKernels {
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    protected void and2(long[] v, int o, int a, long ma, int b, long mb, int n) {
        for (int i = 0; i < n; i++) v[o + i] = (v[a + i] ^ ma) & (v[b + i] ^ mb);
    }

    @Override
    protected void and3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n) {
        for (int i = 0; i < n; i++) v[o + i] = (v[a + i] ^ ma) & (v[b + i] ^ mb) & (v[c + i] ^ mc);
    }

    @Override
    protected void and4(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int d, long md, int n) {
        for (int i = 0; i < n; i++) v[o + i] = (v[a + i] ^ ma) & (v[b + i] ^ mb) & (v[c + i] ^ mc) & (v[d + i] ^ md);
    }

    @Override
    protected void xor2(long[] v, int o, int a, long ma, int b, long mb, int n) {
        long m = ma ^ mb;
        for (int i = 0; i < n; i++) v[o + i] = v[a + i] ^ v[b + i] ^ m;
    }

    @Override
    protected void xor3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n) {
        long m = ma ^ mb ^ mc;
        for (int i = 0; i < n; i++) v[o + i] = v[a + i] ^ v[b + i] ^ v[c + i] ^ m;
    }

    @Override
    protected void xor4(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int d, long md, int n) {
        long m = ma ^ mb ^ mc ^ md;
        for (int i = 0; i < n; i++) v[o + i] = v[a + i] ^ v[b + i] ^ v[c + i] ^ v[d + i] ^ m;
    }

    @Override
    protected void maj3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n) {
        for (int i = 0; i < n; i++) {
            long x = v[a + i] ^ ma, y = v[b + i] ^ mb, z = v[c + i] ^ mc;
            v[o + i] = (x & y) | (z & (x | y));
        }
    }

    @Override
    protected void copy(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i++) v[o + i] = v[a + i] ^ ma;
    }

    @Override
    protected void fill(long[] v, int o, long value, int n) {
        for (int i = 0; i < n; i++) v[o + i] = value;
    }

    @Override
    protected void andInto(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i++) v[o + i] &= v[a + i] ^ ma;
    }

    @Override
    protected void orInto(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i++) v[o + i] |= v[a + i] ^ ma;
    }

    @Override
    protected void xorInto(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i++) v[o + i] ^= v[a + i] ^ ma;
    }

    @Override
    protected void fullAdd(long[] v, int a, long ma, int b, long mb, int c, long mc, int s, int cy, int n) {
        for (int i = 0; i < n; i++) {
            long x = v[a + i] ^ ma, y = v[b + i] ^ mb, z = v[c + i] ^ mc;
            long t = x ^ y;
            v[s + i] = t ^ z;
            v[cy + i] = (x & y) | (z & t);
        }
    }

    @Override
    protected void halfAdd(long[] v, int a, long ma, int b, long mb, int s, int cy, int n) {
        for (int i = 0; i < n; i++) {
            long x = v[a + i] ^ ma, y = v[b + i] ^ mb;
            v[s + i] = x ^ y;
            v[cy + i] = x & y;
        }
    }
}
