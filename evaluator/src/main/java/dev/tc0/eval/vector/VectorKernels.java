package dev.tc0.eval.vector;

import dev.tc0.eval.WordKernels;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@code ScalarKernels}. The species is a constant chosen once from
 * {@code tc0.vector.bits} (128, 256 or 512; default the platform's preferred width) so C2
 * intrinsifies every loop. Operators are literals in each loop: passing a {@code VectorOperators}
 * value into a shared loop defeats the intrinsics (src/docs/performance.md, Kernel costs). Word
 * counts are multiples of 8, so there is no tail loop.
 */
public final class VectorKernels extends WordKernels {
    static final VectorSpecies<Long> S = chooseSpecies();
    static final int L = S.length();

    public static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {}

    /** The species every loop here uses; generated vector code ({@code codegen-vector}) uses it too. */
    public static VectorSpecies<Long> species() {
        return S;
    }

    private static VectorSpecies<Long> chooseSpecies() {
        String bits = System.getProperty("tc0.vector.bits", "");
        return switch (bits) {
            case "128" -> LongVector.SPECIES_128;
            case "256" -> LongVector.SPECIES_256;
            case "512" -> LongVector.SPECIES_512;
            case "" -> LongVector.SPECIES_PREFERRED;
            default -> throw new IllegalArgumentException("tc0.vector.bits must be 128, 256 or 512, not " + bits);
        };
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    private static LongVector ld(long[] v, int at, long m) {
        return LongVector.fromArray(S, v, at).lanewise(VectorOperators.XOR, m);
    }

    @Override
    protected void and2(long[] v, int o, int a, long ma, int b, long mb, int n) {
        for (int i = 0; i < n; i += L) ld(v, a + i, ma).and(ld(v, b + i, mb)).intoArray(v, o + i);
    }

    @Override
    protected void and3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n) {
        for (int i = 0; i < n; i += L)
            ld(v, a + i, ma).and(ld(v, b + i, mb)).and(ld(v, c + i, mc)).intoArray(v, o + i);
    }

    @Override
    protected void and4(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int d, long md, int n) {
        for (int i = 0; i < n; i += L) {
            ld(v, a + i, ma)
                    .and(ld(v, b + i, mb))
                    .and(ld(v, c + i, mc).and(ld(v, d + i, md)))
                    .intoArray(v, o + i);
        }
    }

    @Override
    protected void xor2(long[] v, int o, int a, long ma, int b, long mb, int n) {
        long m = ma ^ mb;
        for (int i = 0; i < n; i += L) {
            LongVector.fromArray(S, v, a + i)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, b + i))
                    .lanewise(VectorOperators.XOR, m)
                    .intoArray(v, o + i);
        }
    }

    @Override
    protected void xor3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n) {
        long m = ma ^ mb ^ mc;
        for (int i = 0; i < n; i += L) {
            LongVector.fromArray(S, v, a + i)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, b + i))
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, c + i))
                    .lanewise(VectorOperators.XOR, m)
                    .intoArray(v, o + i);
        }
    }

    @Override
    protected void xor4(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int d, long md, int n) {
        long m = ma ^ mb ^ mc ^ md;
        for (int i = 0; i < n; i += L) {
            LongVector x =
                    LongVector.fromArray(S, v, a + i).lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, b + i));
            LongVector y =
                    LongVector.fromArray(S, v, c + i).lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, d + i));
            x.lanewise(VectorOperators.XOR, y).lanewise(VectorOperators.XOR, m).intoArray(v, o + i);
        }
    }

    @Override
    protected void maj3(long[] v, int o, int a, long ma, int b, long mb, int c, long mc, int n) {
        for (int i = 0; i < n; i += L) {
            LongVector x = ld(v, a + i, ma), y = ld(v, b + i, mb), z = ld(v, c + i, mc);
            x.and(y).or(z.and(x.or(y))).intoArray(v, o + i);
        }
    }

    @Override
    protected void copy(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i += L) ld(v, a + i, ma).intoArray(v, o + i);
    }

    @Override
    protected void fill(long[] v, int o, long value, int n) {
        LongVector x = LongVector.broadcast(S, value);
        for (int i = 0; i < n; i += L) x.intoArray(v, o + i);
    }

    @Override
    protected void andInto(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i += L)
            LongVector.fromArray(S, v, o + i).and(ld(v, a + i, ma)).intoArray(v, o + i);
    }

    @Override
    protected void orInto(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i += L)
            LongVector.fromArray(S, v, o + i).or(ld(v, a + i, ma)).intoArray(v, o + i);
    }

    @Override
    protected void xorInto(long[] v, int o, int a, long ma, int n) {
        for (int i = 0; i < n; i += L) {
            LongVector.fromArray(S, v, o + i)
                    .lanewise(VectorOperators.XOR, ld(v, a + i, ma))
                    .intoArray(v, o + i);
        }
    }

    @Override
    protected void fullAdd(long[] v, int a, long ma, int b, long mb, int c, long mc, int s, int cy, int n) {
        for (int i = 0; i < n; i += L) {
            LongVector x = ld(v, a + i, ma), y = ld(v, b + i, mb), z = ld(v, c + i, mc);
            LongVector t = x.lanewise(VectorOperators.XOR, y);
            LongVector carry = x.and(y).or(z.and(t));
            t.lanewise(VectorOperators.XOR, z).intoArray(v, s + i);
            carry.intoArray(v, cy + i);
        }
    }

    @Override
    protected void halfAdd(long[] v, int a, long ma, int b, long mb, int s, int cy, int n) {
        for (int i = 0; i < n; i += L) {
            LongVector x = ld(v, a + i, ma), y = ld(v, b + i, mb);
            LongVector carry = x.and(y);
            x.lanewise(VectorOperators.XOR, y).intoArray(v, s + i);
            carry.intoArray(v, cy + i);
        }
    }
}
