package dev.tc0.compile.arith;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.circuit.Literal;
import dev.tc0.compile.gadget.Bits;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * f_p of {@code floor(P · 2^F)} for a nonnegative integer P given by its bits and an integer shift
 * F given as an {@link Affine} expression: the truncation step shared by ⊗ (P the mantissa
 * product), ⊘ (P a quotient scaled up far enough) and ⊕ (P the exact sum, F its grid offset).
 *
 * <p>With λ the position of P's leading one, the result's leading grid bit is j = λ + F
 * ({@code Precision.round}'s e0). Four cases, each a weighted gate over j's literals: j &lt; 0
 * underflows to zero; 0 &lt;= j &lt;= q - 2 keeps E = 0 and mag = floor(P·2^F) (a shift of P by
 * the value of F); q - 1 &lt;= j &lt;= 2 I^max + q - 2 keeps the q - 1 bits of P from λ down and
 * E = j - (q - 2); above, it saturates at F^max. The leading one is one-hot
 * ({@code lead_λ = AND(P_λ, ¬OR(P above))}) so the normal mantissa is an OR of two-input ANDs and
 * λ is binary by ORs, which keeps j's weights small.
 */
final class Normalize {
    private Normalize() {}

    /** The unsigned part of a result: magnitude, E, and whether it is nonzero. */
    record Magnitude(int[] mag, int[] exp, int nonzero) {}

    /** f_p(floor(P·2^F)) for an integer P of a few bits (a mantissa product): flat suffix ORs. */
    static Magnitude of(CircuitBuilder b, Precision prec, int[] p, Affine shift) {
        return of(b, prec, p, shift, false);
    }

    /** f_p(floor(P·2^F)) for an exact sum P, as wide as its grid: blocked suffix ORs ({@link #suffixOr}). */
    static Magnitude ofSum(CircuitBuilder b, Precision prec, int[] p, Affine shift) {
        return of(b, prec, p, shift, true);
    }

    private static Magnitude of(CircuitBuilder b, Precision prec, int[] p, Affine shift, boolean blocked) {
        int q = prec.q(), keep = q - 1, w = p.length;
        int[] above = suffixOr(b, p, blocked); // above[l] = OR(p_l .. p_{w-1}) = [λ >= l]
        // lead_l = AND(p_l, ¬above_{l+1}), kept as its two literals so that the ANDs below absorb it
        int[][] lead = new int[w][];
        long[] position = new long[w];
        for (int l = 0; l < w; l++) {
            lead[l] = new int[] {p[l], CircuitBuilder.not(above[l + 1])};
            position[l] = l;
        }
        Position j = shift.isConstant()
                ? new ConstantShift(b, above, lead, shift.min())
                : new VariableShift(b, lead, position, shift);
        int[][][] y = new int[keep][][], small = new int[keep][][];
        for (int i = 0; i < keep; i++) {
            List<int[]> terms = new ArrayList<>();
            for (int l = 0; l < w; l++) {
                int src = l - (q - 2) + i;
                if (src >= 0 && src < w) terms.add(new int[] {lead[l][0], lead[l][1], p[src]});
            }
            y[i] = terms.toArray(int[][]::new);
            small[i] = shifted(b, p, shift, i, q - 2);
        }
        return finish(b, prec, above[0], j, y, small);
    }

    /**
     * f_p of a real r &gt; 0 given by its leading bit and its mantissa: exactly one of {@code lead}
     * (each an AND of literals) holds when r is nonzero, at position λ = {@code position[l]} + F
     * (j = floor(log2 r)), and {@code y} = floor(r / 2^(j - (q-2))), the q - 1 bits from the leading
     * one down, bit i the OR of the ANDs {@code y[i][..]}. The E = 0 case needs
     * floor(r) = floor(y / 2^(q-2-j)): y shifted right.
     */
    static Magnitude ofLeading(
            CircuitBuilder b, Precision prec, int[][] lead, long[] position, int nz, int[][][] y, Affine shift) {
        int q = prec.q(), keep = q - 1;
        Position j = new VariableShift(b, lead, position, shift);
        int[] yBits = new int[keep];
        for (int i = 0; i < keep; i++) {
            int[] ands = new int[y[i].length];
            for (int t = 0; t < ands.length; t++) ands[t] = b.and(y[i][t]);
            yBits[i] = b.or(ands);
        }
        int[][][] small = new int[keep][][];
        for (int i = 0; i < keep; i++) {
            small[i] = new int[keep - i][];
            for (int s = 0; i + s < keep; s++) small[i][s] = new int[] {j.equalTo(q - 2 - s), yBits[i + s]};
        }
        return finish(b, prec, nz, j, y, small);
    }

    /**
     * The four cases of j. Each mantissa bit is one OR of ANDs: the case's flags join the literals
     * of every term (AND(nz, [j &gt;= q-1], ¬[j &gt;= sat], term)), so the cases cost no extra level.
     */
    private static Magnitude finish(
            CircuitBuilder b, Precision prec, int nz, Position j, int[][][] y, int[][][] smallTerms) {
        int q = prec.q(), keep = q - 1;
        long satPos = 2L * prec.iMax() + q - 1; // j >= satPos means E = j - (q-2) > 2 I^max
        int geZero = j.atLeast(0), geNormal = j.atLeast(keep), geSat = j.atLeast(satPos);
        int[] normal = {nz, geNormal, CircuitBuilder.not(geSat)};
        int[] small = {nz, geZero, CircuitBuilder.not(geNormal)};
        int sat = b.and(nz, geSat);
        int[][][] eNormal = j.bitsMinus(q - 2, q);
        int[] mag = new int[keep], exp = new int[q];
        for (int i = 0; i < keep; i++) {
            List<Integer> ors = new ArrayList<>();
            for (int[] term : y[i]) ors.add(b.and(concat(normal, term)));
            for (int[] term : smallTerms[i]) ors.add(b.and(concat(small, term)));
            ors.add(sat);
            mag[i] = b.or(ors.stream().mapToInt(Integer::intValue).toArray());
        }
        long top = 2L * prec.iMax();
        for (int k = 0; k < q; k++) {
            List<Integer> ors = new ArrayList<>();
            for (int[] term : eNormal[k]) ors.add(b.and(concat(normal, term)));
            ors.add(((top >>> k) & 1) != 0 ? sat : Literal.FALSE);
            exp[k] = b.or(ors.stream().mapToInt(Integer::intValue).toArray());
        }
        return new Magnitude(mag, exp, b.and(nz, geZero));
    }

    /**
     * OR(p_l .. p_{w-1}) for every l, and FALSE at l = w. Flat ORs cost w^2/2 edges, which at
     * p = 16 (a grid of 263 bits) is most of a sum; blocked, blocks of about sqrt(w) bits get one
     * OR each and above[l] is the OR of l's block tail and the later blocks' ORs: about
     * 2 w sqrt(w) edges and one level more, for every w &gt;= 2 (so a sum's depth does not depend on
     * its number of terms).
     */
    static int[] suffixOr(CircuitBuilder b, int[] p, boolean blocked) {
        int w = p.length;
        int[] above = new int[w + 1];
        above[w] = Literal.FALSE;
        if (!blocked) {
            for (int l = 0; l < w; l++) above[l] = b.or(Bits.slice(p, l, w - l));
            return above;
        }
        int s = (int) Math.ceil(Math.sqrt(w)), blocks = Math.ceilDiv(w, s);
        int[] blockOr = new int[blocks];
        for (int t = 0; t < blocks; t++) blockOr[t] = b.or(Bits.slice(p, t * s, Math.min(s, w - t * s)));
        for (int l = 0; l < w; l++) {
            int t = l / s, end = Math.min(w, (t + 1) * s);
            int[] lits = new int[end - l + blocks - t - 1];
            System.arraycopy(p, l, lits, 0, end - l);
            System.arraycopy(blockOr, t + 1, lits, end - l, blocks - t - 1);
            above[l] = b.or(lits);
        }
        return above;
    }

    private static int[] concat(int[] a, int[] c) {
        int[] r = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, r, a.length, c.length);
        return r;
    }

    /** The terms of bit i of floor(P·2^F), for the values f &lt;= maxShift of F: AND([F = f], P_{i-f}). */
    private static int[][] shifted(CircuitBuilder b, int[] p, Affine shift, int i, long maxShift) {
        long lo = shift.min(), hi = Math.min(shift.max(), maxShift);
        List<int[]> terms = new ArrayList<>();
        for (long f = lo; f <= hi; f++) {
            long src = i - f;
            if (src >= 0 && src < p.length) terms.add(new int[] {shift.equalTo(b, f), p[(int) src]});
        }
        return terms.toArray(int[][]::new);
    }

    /** The leading grid bit j = λ + F of floor(P·2^F): comparisons with constants and the bits of j - c. */
    private interface Position {
        int atLeast(long c);

        int equalTo(long c);

        /** Bits of j - c modulo 2^width, each as the OR of the ANDs of its terms. */
        int[][][] bitsMinus(long c, int width);
    }

    /**
     * F constant: [j &gt;= c] is [λ &gt;= c - F], which is the literal above_{c-F} itself, and the
     * bits of j - c are ORs of the one-hot leading position.
     */
    private record ConstantShift(CircuitBuilder b, int[] above, int[][] lead, long f) implements Position {
        public int atLeast(long c) {
            long l = c - f;
            if (l <= 0) return Literal.TRUE;
            return l >= lead.length ? Literal.FALSE : above[(int) l];
        }

        public int equalTo(long c) {
            return b.and(atLeast(c), CircuitBuilder.not(atLeast(c + 1)));
        }

        public int[][][] bitsMinus(long c, int width) {
            int[][][] out = new int[width][][];
            for (int k = 0; k < width; k++) {
                List<int[]> terms = new ArrayList<>();
                for (int l = 0; l < lead.length; l++) {
                    long v = Math.floorMod(l + f - c, 1L << width);
                    if (((v >>> k) & 1) != 0) terms.add(lead[l]);
                }
                out[k] = terms.toArray(int[][]::new);
            }
            return out;
        }
    }

    /**
     * F an expression: λ - min λ in binary (ORs of the one-hot leading position), then
     * j = F + λ as an {@link Affine}.
     */
    private static final class VariableShift implements Position {
        private final CircuitBuilder b;
        private final Affine j;

        VariableShift(CircuitBuilder b, int[][] lead, long[] position, Affine shift) {
            this.b = b;
            long min = java.util.Arrays.stream(position).min().orElse(0),
                    max = java.util.Arrays.stream(position).max().orElse(0);
            int[] lambda = new int[Math.max(1, Bits.bitLength(max - min))];
            for (int k = 0; k < lambda.length; k++) {
                int[] terms = new int[lead.length];
                for (int l = 0; l < lead.length; l++)
                    terms[l] = (((position[l] - min) >>> k) & 1) != 0 ? b.and(lead[l]) : Literal.FALSE;
                lambda[k] = b.or(terms);
            }
            this.j = shift.plusBits(lambda, 1).plus(min);
        }

        public int atLeast(long c) {
            return j.atLeast(b, c);
        }

        public int equalTo(long c) {
            return j.equalTo(b, c);
        }

        public int[][][] bitsMinus(long c, int width) {
            int[] bits = j.plus(-c).bits(b, width);
            int[][][] out = new int[width][][];
            for (int k = 0; k < width; k++) out[k] = new int[][] {{bits[k]}};
            return out;
        }
    }
}
