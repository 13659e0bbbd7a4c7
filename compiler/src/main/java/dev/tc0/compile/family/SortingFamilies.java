package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.SEQUENTIAL;
import static dev.tc0.compile.family.CircuitFamily.Regime.TC0;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Bits;
import dev.tc0.compile.gadget.Sorting;
import dev.tc0.compile.gadget.Weights;
import java.util.Arrays;
import java.util.List;

/**
 * Sorting n keys of {@code ceil(log2(n+1))} bits (so keys repeat often), ascending: all-pairs
 * ranking in constant depth, and odd-even transposition sort, n rounds of compare-exchange.
 */
final class SortingFamilies {
    private SortingFamilies() {}

    static int keyWidth(int n) {
        return Bits.bitLength(n);
    }

    static List<CircuitFamily> all() {
        return List.of(
                new Family(
                        "sort",
                        "n keys of log n bits in ascending order: all-pairs comparators, rank thresholds, selection; depth 4",
                        TC0,
                        1,
                        n -> n * keyWidth(n),
                        (b, n, x) ->
                                BitCodec.concat(Sorting.sort(b, BitCodec.groups(x, n, keyWidth(n)), Weights.LARGE)),
                        SortingFamilies::sorted),
                new Family(
                        "sort-network",
                        "n keys of log n bits in ascending order by odd-even transposition: n rounds of compare-exchange",
                        SEQUENTIAL,
                        1,
                        n -> n * keyWidth(n),
                        (b, n, x) -> BitCodec.concat(transpositionSort(b, BitCodec.groups(x, n, keyWidth(n)))),
                        SortingFamilies::sorted));
    }

    private static int[][] transpositionSort(CircuitBuilder b, int[][] keys) {
        int[][] a = keys.clone();
        for (int round = 0; round < a.length; round++) {
            for (int i = round % 2; i + 1 < a.length; i += 2) {
                int[][] pair = Sequential.compareExchange(b, a[i], a[i + 1]);
                a[i] = pair[0];
                a[i + 1] = pair[1];
            }
        }
        return a;
    }

    private static boolean[] sorted(int n, boolean[] x) {
        int w = keyWidth(n);
        long[] keys = new long[n];
        for (int j = 0; j < n; j++) keys[j] = BitCodec.read(x, j * w, w);
        Arrays.sort(keys);
        boolean[] out = new boolean[n * w];
        for (int j = 0; j < n; j++) BitCodec.write(keys[j], out, j * w, w);
        return out;
    }
}
