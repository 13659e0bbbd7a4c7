package dev.tc0.compile.testing;

import java.math.BigInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Input samplers that hit the cases uniform bits rarely reach: equal and nearby operands, ties. */
public final class Samplers {
    private Samplers() {}

    /**
     * The first number uniform; each other one equal to it (a third of the time), differing in one
     * random bit (a third), or uniform.
     */
    public static Function<int[], BigInteger[]> nearby(RandomGenerator rnd) {
        return widths -> {
            BigInteger[] v = new BigInteger[widths.length];
            v[0] = new BigInteger(widths[0], new java.util.Random(rnd.nextLong()));
            for (int g = 1; g < widths.length; g++) {
                int mode = rnd.nextInt(3);
                BigInteger base = v[0].mod(BigInteger.ONE.shiftLeft(widths[g]));
                v[g] = switch (mode) {
                    case 0 -> base;
                    case 1 -> base.flipBit(rnd.nextInt(widths[g]));
                    default -> new BigInteger(widths[g], new java.util.Random(rnd.nextLong()));
                };
            }
            return v;
        };
    }

    /** Every number drawn from {@code 0 .. range-1}, so small sets of keys tie often. */
    public static Function<int[], BigInteger[]> smallRange(RandomGenerator rnd, int range) {
        return widths -> {
            BigInteger[] v = new BigInteger[widths.length];
            for (int g = 0; g < widths.length; g++) v[g] = BigInteger.valueOf(rnd.nextInt(range));
            return v;
        };
    }
}
