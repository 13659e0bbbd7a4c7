package dev.tc0.compile.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The inputs a check runs: every one of a inputs when 2^a is at most 2^{@link #EXHAUSTIVE_BITS}, else edge cases and random ones. */
public final class CheckInputs {
    /** Check every input of circuits with at most 2^16 of them. */
    public static final int EXHAUSTIVE_BITS = 16;

    private CheckInputs() {}

    public static boolean exhaustive(int inputs) {
        return inputs <= EXHAUSTIVE_BITS;
    }

    /**
     * Every assignment (input i is bit i of the index) when {@code exhaustive(inputs)}; otherwise
     * all zeros, all ones, every one-hot and every one-cold, then {@code samples} uniform random ones.
     */
    public static List<boolean[]> of(int inputs, long samples, long seed) {
        List<boolean[]> out = new ArrayList<>();
        if (exhaustive(inputs)) {
            for (int x = 0; x < 1 << inputs; x++) {
                boolean[] bits = new boolean[inputs];
                for (int i = 0; i < inputs; i++) bits[i] = (x >> i & 1) != 0;
                out.add(bits);
            }
            return out;
        }
        out.add(new boolean[inputs]);
        boolean[] ones = new boolean[inputs];
        java.util.Arrays.fill(ones, true);
        out.add(ones);
        for (int i = 0; i < inputs; i++) {
            boolean[] hot = new boolean[inputs], cold = ones.clone();
            hot[i] = true;
            cold[i] = false;
            out.add(hot);
            out.add(cold);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (long k = 0; k < samples; k++) {
            boolean[] bits = new boolean[inputs];
            for (int i = 0; i < inputs; i++) bits[i] = rnd.nextBoolean();
            out.add(bits);
        }
        return out;
    }

    static String bits(boolean[] x) {
        StringBuilder b = new StringBuilder(x.length);
        for (boolean v : x) b.append(v ? '1' : '0');
        return b.toString();
    }
}
