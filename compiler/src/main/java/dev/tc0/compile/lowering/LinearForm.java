package dev.tc0.compile.lowering;

import dev.tc0.compile.number.PFloat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear form of an exact grid sum: per domain, the grid integers (in units 2^low) of each
 * minterm; a constant part, when nonzero, is the last group, over the constant domain.
 */
record LinearForm(int low, List<Domain> domains, List<BigInteger[]> grid) {

    /**
     * The exact sum of the terms on the grid of the lowest bit any of them can hold (value-range
     * analysis narrows the grid); terms over one domain add up pointwise. Null when every term is
     * zero.
     */
    static LinearForm of(List<Scalar> terms, Domain constantDomain) {
        int low = Integer.MAX_VALUE;
        for (Scalar t : terms) {
            for (PFloat v : t.values()) {
                if (!v.isZero())
                    low = Math.min(low, v.exponent() + Integer.numberOfTrailingZeros(Math.abs(v.mantissa())));
            }
        }
        if (low == Integer.MAX_VALUE) return null;
        Map<Integer, Integer> index = new LinkedHashMap<>();
        List<Domain> domains = new ArrayList<>();
        List<BigInteger[]> grid = new ArrayList<>();
        BigInteger constant = BigInteger.ZERO;
        for (Scalar t : terms) {
            Domain d = t.domain();
            if (d.size() == 1) {
                constant = constant.add(grid(t.values()[0], low));
                continue;
            }
            Integer at = index.get(d.id());
            if (at == null) {
                at = domains.size();
                index.put(d.id(), at);
                domains.add(d);
                BigInteger[] z = new BigInteger[d.size()];
                Arrays.fill(z, BigInteger.ZERO);
                grid.add(z);
            }
            BigInteger[] z = grid.get(at);
            for (int k = 0; k < z.length; k++) z[k] = z[k].add(grid(t.values()[k], low));
        }
        if (constant.signum() != 0 || domains.isEmpty()) {
            domains.add(constantDomain);
            grid.add(new BigInteger[] {constant});
        }
        return new LinearForm(low, domains, grid);
    }

    /**
     * v in units 2^low: m·2^(e - low). The shift is negative only by trailing zeros of m (low is
     * at most e plus those), so the division is exact; shifts below 32 stay in a long (|m| &lt;
     * 2^31), without BigInteger's shifting (a twentieth of cvp's compile time).
     */
    private static BigInteger grid(PFloat v, int low) {
        long m = v.mantissa();
        int shift = v.exponent() - low;
        if (shift < 0) return BigInteger.valueOf(m >> -shift);
        if (shift < 32) return BigInteger.valueOf(m << shift);
        return BigInteger.valueOf(m).shiftLeft(shift);
    }

    /** One domain, plus perhaps a constant: the sum is pointwise on that domain, no gates. */
    boolean isPointwise() {
        return domains.size() == 1 || (domains.size() == 2 && domains.get(1).size() == 1);
    }

    /** For a pointwise form: the exact grid sum on each minterm of its domain. */
    BigInteger[] pointwiseSums() {
        BigInteger c = domains.size() == 2 ? grid.get(1)[0] : BigInteger.ZERO;
        BigInteger[] z = grid.getFirst();
        BigInteger[] s = new BigInteger[z.length];
        for (int k = 0; k < z.length; k++) s[k] = z[k].add(c);
        return s;
    }
}
