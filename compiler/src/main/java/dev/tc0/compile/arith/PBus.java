package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A p-precision float as wires (the paper's bus), in sign-magnitude form with an offset exponent:
 * the value is {@code (-1)^sign · mag · 2^(E + I^min)}, so its grid integer g_p is
 * {@code (-1)^sign · mag · 2^E}. {@code mag} holds the q - 1 magnitude bits of the mantissa and
 * {@code exp} the q bits of E = e - I^min in [0, 2 I^max], both little-endian and unsigned.
 *
 * <p>Every bus that this package builds carries the canonical code of its value (the code f_p
 * gives: E = 0, or the top magnitude bit set; zero is sign 0, mag 0, E 0), so equal values have
 * equal wires and order by value is order by (sign, E, mag). Buses made from circuit inputs
 * ({@link #fromCode}) rely on the caller for that. {@code range} over-approximates the values.
 *
 * @param prec the precision
 * @param sign 1 for negative values
 * @param mag the mantissa magnitude, q - 1 literals
 * @param exp E, q literals
 * @param range the values the bus can take
 */
public record PBus(Precision prec, int sign, int[] mag, int[] exp, PRange range) {

    /** The largest precision the gadgets support: their weighted gates stay below 2^45 up to here. */
    public static final int MAX_P = 32;

    public PBus {
        if (prec.p() > MAX_P)
            throw new IllegalArgumentException("buses support p up to " + MAX_P + ", got p = " + prec.p());
        if (mag.length != prec.q() - 1 || exp.length != prec.q()) {
            throw new IllegalArgumentException("a " + prec.p() + "-precision bus has " + (prec.q() - 1)
                    + " magnitude and " + prec.q() + " exponent bits");
        }
        mag = mag.clone();
        exp = exp.clone();
    }

    @Override
    public int[] mag() {
        return mag.clone();
    }

    @Override
    public int[] exp() {
        return exp.clone();
    }

    int mag(int i) {
        return mag[i];
    }

    int exp(int i) {
        return exp[i];
    }

    /** The code f_p gives for x's value (PFloat records may hold non-canonical codes). */
    public static PFloat canonical(Precision prec, PFloat x) {
        return prec.isCanonical(x) ? x : prec.f(prec.g(x));
    }

    /** The constant x: every wire a constant literal. */
    public static PBus constant(Precision prec, PFloat x) {
        PFloat c = canonical(prec, x);
        int q = prec.q();
        int e = c.exponent() - prec.iMin();
        return new PBus(
                prec,
                c.signum() < 0 ? Literal.TRUE : Literal.FALSE,
                constantBits(Math.abs(c.mantissa()), q - 1),
                constantBits(e, q),
                PRange.of(prec, List.of(c)));
    }

    /** The canonical zero. */
    public static PBus zero(Precision prec) {
        return constant(prec, prec.zero());
    }

    /**
     * A scalar in one-hot form (exactly one literal true, {@code values[i]} its value): each wire
     * is the OR of the literals whose value has that bit. Depth 1, at most 2q - 1 ORs; the range is
     * exact.
     */
    public static PBus fromOneHot(CircuitBuilder b, Precision prec, int[] lits, PFloat[] values) {
        if (lits.length != values.length || lits.length == 0)
            throw new IllegalArgumentException(values.length + " values for " + lits.length + " literals");
        int q = prec.q();
        List<PFloat> canonical = new ArrayList<>();
        for (PFloat v : values) canonical.add(canonical(prec, v));
        int sign = b.or(select(lits, canonical, v -> v.signum() < 0));
        int[] mag = new int[q - 1], exp = new int[q];
        for (int i = 0; i < q - 1; i++) {
            int bit = i;
            mag[i] = b.or(select(lits, canonical, v -> ((Math.abs(v.mantissa()) >>> bit) & 1) != 0));
        }
        for (int k = 0; k < q; k++) {
            int bit = k;
            exp[k] = b.or(select(lits, canonical, v -> (((v.exponent() - prec.iMin()) >>> bit) & 1) != 0));
        }
        return new PBus(prec, sign, mag, exp, PRange.of(prec, canonical));
    }

    /**
     * The bus of a p-bit code as {@link PFloat#bits()} orders it (little-endian: the exponent's two's
     * complement in bits 0 .. q-1, the mantissa's in q .. p-1), which must be canonical and inside
     * {@code range}. mag = |m| by conditional negation (m XOR (sign AND some lower bit)), E = e +
     * I^max by {@link Affine#bits}. Depth 4.
     */
    public static PBus fromCode(CircuitBuilder b, Precision prec, int[] code, PRange range) {
        int q = prec.q();
        if (code.length != prec.p()) throw new IllegalArgumentException(code.length + " code bits for p = " + prec.p());
        int[] m = Arrays.copyOfRange(code, q, 2 * q), e = Arrays.copyOfRange(code, 0, q);
        int sign = m[q - 1];
        // e + I^max = Σ_{b<q-1} 2^b e_b + 2^(q-1)·¬e_{q-1} - 1
        int[] eLow = Arrays.copyOf(e, q - 1);
        Affine biased = Affine.ofBits(eLow, 1)
                .plusBits(new int[] {CircuitBuilder.not(e[q - 1])}, 1L << (q - 1))
                .plus(-1);
        return new PBus(prec, sign, twosComplementFlip(b, m, sign, q - 1), biased.bits(b, q), range);
    }

    /**
     * The p-bit code as {@link PFloat#bits()} orders it, little-endian. The mantissa field is
     * (sign ? -mag : mag) in two's complement, the exponent field E - I^max. Depth 4.
     */
    public int[] toCode(CircuitBuilder b) {
        int q = prec.q();
        int[] code = new int[2 * q];
        int[] e = Affine.ofBits(exp, 1).plus(prec.iMin()).bits(b, q);
        int[] m = twosComplementFlip(b, mag, sign, q - 1);
        System.arraycopy(e, 0, code, 0, q);
        System.arraycopy(m, 0, code, q, q - 1);
        code[2 * q - 1] = sign; // the canonical zero has sign 0, and -mag has its top bit set iff mag != 0
        return code;
    }

    /**
     * Lemma 1 over the p bits: for each candidate value, the AND of the wire literals that match its
     * code (one gate of 2q - 1 literals). The caller guarantees that the bus takes only these
     * values, so exactly one literal is true; a single candidate is the constant true.
     */
    public int[] toOneHot(CircuitBuilder b, List<PFloat> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate values");
        int[] out = new int[candidates.size()];
        if (candidates.size() == 1) {
            out[0] = Literal.TRUE;
            return out;
        }
        int q = prec.q();
        for (int c = 0; c < out.length; c++) {
            PFloat v = canonical(prec, candidates.get(c));
            long m = Math.abs(v.mantissa()), e = v.exponent() - prec.iMin();
            int[] lits = new int[2 * q];
            lits[0] = v.signum() < 0 ? sign : CircuitBuilder.not(sign);
            for (int i = 0; i < q - 1; i++) lits[1 + i] = ((m >>> i) & 1) != 0 ? mag[i] : CircuitBuilder.not(mag[i]);
            for (int k = 0; k < q; k++) lits[q + k] = ((e >>> k) & 1) != 0 ? exp[k] : CircuitBuilder.not(exp[k]);
            out[c] = b.and(lits);
        }
        return out;
    }

    /** Literal true when the value is nonzero: some magnitude bit is set. */
    int nonzero(CircuitBuilder b) {
        return b.or(mag);
    }

    /**
     * {@code bits} with the value negated in two's complement where {@code negate} holds:
     * bit i of -x is x_i XOR (some lower bit of x is set), so bit i becomes
     * x_i XOR (negate AND OR(x_0 .. x_{i-1})).
     */
    private static int[] twosComplementFlip(CircuitBuilder b, int[] x, int negate, int width) {
        int[] out = new int[width];
        for (int i = 0; i < width; i++) {
            int flip = b.and(negate, b.or(Arrays.copyOf(x, i)));
            out[i] = Gates.xor(b, x[i], flip);
        }
        return out;
    }

    private static int[] constantBits(long v, int width) {
        int[] r = new int[width];
        for (int i = 0; i < width; i++) r[i] = ((v >>> i) & 1) != 0 ? Literal.TRUE : Literal.FALSE;
        return r;
    }

    private static int[] select(int[] lits, List<PFloat> values, java.util.function.Predicate<PFloat> has) {
        int n = 0;
        int[] r = new int[lits.length];
        for (int i = 0; i < lits.length; i++) if (has.test(values.get(i))) r[n++] = lits[i];
        return Arrays.copyOf(r, n);
    }
}
