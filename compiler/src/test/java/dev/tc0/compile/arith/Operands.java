package dev.tc0.compile.arith;

import dev.tc0.compile.number.PFloat;
import dev.tc0.compile.number.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Operand sources for the bus tests: every canonical value, random ones in a range, edge values. */
final class Operands {
    private Operands() {}

    /** Every canonical value of the precision. */
    static List<PFloat> all(Precision prec) {
        return PRange.full(prec).values(prec);
    }

    /** A uniformly random canonical value of the range: a random E, sign and mantissa. */
    static PFloat random(Precision prec, PRange range, SplittableRandom rnd) {
        if (!range.nonzero() || range.zero() && rnd.nextInt(8) == 0) return prec.zero();
        int q = prec.q();
        int e = rnd.nextInt(range.eLo(), range.eHi() + 1);
        int lo = e == 0 ? 1 : 1 << (q - 2);
        int m = rnd.nextInt(lo, prec.iMax() + 1);
        boolean neg = range.negative() && (!range.positive() || rnd.nextBoolean());
        return new PFloat(prec.p(), neg ? -m : m, e + prec.iMin());
    }

    /** Zero, ±F^max, ±the smallest nonzero value, ±1, ±the smallest value with E > 0, and their neighbours. */
    static List<PFloat> edges(Precision prec) {
        int q = prec.q(), iMin = prec.iMin(), iMax = prec.iMax(), p = prec.p();
        List<PFloat> out = new ArrayList<>();
        PFloat[] positive = {
            prec.max(),
            new PFloat(p, iMax - 1, iMax),
            new PFloat(p, 1 << (q - 2), iMax),
            new PFloat(p, 1, iMin),
            new PFloat(p, iMax, iMin),
            new PFloat(p, 1 << (q - 2), iMin + 1),
            prec.one(),
            new PFloat(p, 1 << (q - 2), 0),
            new PFloat(p, iMax, -1),
        };
        out.add(prec.zero());
        for (PFloat x : positive) {
            PFloat c = PBus.canonical(prec, x);
            out.add(c);
            out.add(c.negate());
        }
        return out;
    }

    /** Random values of the full range mixed with edge values (a quarter of the time). */
    static PFloat mixed(Precision prec, SplittableRandom rnd) {
        if (rnd.nextInt(4) == 0) {
            List<PFloat> e = edges(prec);
            return e.get(rnd.nextInt(e.size()));
        }
        return random(prec, PRange.full(prec), rnd);
    }
}
