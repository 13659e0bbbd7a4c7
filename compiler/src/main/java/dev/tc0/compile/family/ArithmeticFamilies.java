package dev.tc0.compile.family;

import static dev.tc0.compile.family.CircuitFamily.Regime.SEQUENTIAL;
import static dev.tc0.compile.family.CircuitFamily.Regime.TC0;

import dev.tc0.circuit.CircuitBuilder;
import dev.tc0.compile.gadget.Addition;
import dev.tc0.compile.gadget.Bits;
import dev.tc0.compile.gadget.IteratedAddition;
import dev.tc0.compile.gadget.Multiplication;
import java.math.BigInteger;
import java.util.List;

/**
 * Addition, iterated addition and multiplication of n-bit numbers, with unit or polynomial
 * weights in constant depth, and the same functions by ripple-carry chains. Inputs are the
 * operands one after the other, little-endian; outputs the full result.
 */
final class ArithmeticFamilies {
    private ArithmeticFamilies() {}

    static List<CircuitFamily> all() {
        return List.of(
                new Family(
                        "add",
                        "sum of two n-bit numbers by carry-lookahead with unit weights, depth 5",
                        TC0,
                        1,
                        n -> 2 * n,
                        (b, n, x) -> Addition.carryLookahead(b, first(x, n), second(x, n), n + 1),
                        ArithmeticFamilies::add),
                new Family(
                        "ripple-add",
                        "sum of two n-bit numbers by a ripple-carry chain",
                        SEQUENTIAL,
                        1,
                        n -> 2 * n,
                        (b, n, x) -> Sequential.rippleAdd(b, first(x, n), second(x, n), n + 1),
                        ArithmeticFamilies::add),
                new Family(
                        "iterated-add",
                        "sum of n numbers of n bits: block-save to two numbers (depth 2), then carry-lookahead (depth 5)",
                        TC0,
                        1,
                        n -> n * n,
                        (b, n, x) ->
                                IteratedAddition.sum(b, BitCodec.groups(x, n, n), IteratedAddition.Method.BLOCK_SAVE),
                        ArithmeticFamilies::iteratedAdd),
                new Family(
                        "iterated-add-ripple",
                        "sum of n numbers of n bits by a chain of ripple-carry adders",
                        SEQUENTIAL,
                        1,
                        n -> n * n,
                        (b, n, x) -> rippleSum(b, BitCodec.groups(x, n, n)),
                        ArithmeticFamilies::iteratedAdd),
                new Family(
                        "multiply",
                        "product of two n-bit numbers: partial products, block-save, carry-lookahead, depth 8",
                        TC0,
                        1,
                        n -> 2 * n,
                        (b, n, x) -> Multiplication.multiply(
                                b, first(x, n), second(x, n), IteratedAddition.Method.BLOCK_SAVE),
                        ArithmeticFamilies::multiply),
                new Family(
                        "multiply-ripple",
                        "product of two n-bit numbers by shift-and-add with ripple-carry adders",
                        SEQUENTIAL,
                        1,
                        n -> 2 * n,
                        (b, n, x) -> shiftAndAdd(b, first(x, n), second(x, n)),
                        ArithmeticFamilies::multiply));
    }

    // ---- circuits ----

    private static int[] first(int[] x, int n) {
        return java.util.Arrays.copyOfRange(x, 0, n);
    }

    private static int[] second(int[] x, int n) {
        return java.util.Arrays.copyOfRange(x, n, 2 * n);
    }

    private static int[] rippleSum(CircuitBuilder b, int[][] numbers) {
        int width = Bits.sumWidth(numbers);
        int[] acc = new int[0];
        for (int[] x : numbers) acc = Sequential.rippleAdd(b, acc, x, width);
        return Bits.zeroExtend(acc, width);
    }

    private static int[] shiftAndAdd(CircuitBuilder b, int[] x, int[] y) {
        int width = x.length + y.length;
        int[] acc = new int[0];
        for (int j = 0; j < y.length; j++) {
            int[] row = new int[x.length];
            for (int i = 0; i < x.length; i++) row[i] = b.and(x[i], y[j]);
            acc = Sequential.rippleAdd(b, acc, Bits.shiftLeft(row, j), width);
        }
        return Bits.zeroExtend(acc, width);
    }

    // ---- references ----

    private static boolean[] add(int n, boolean[] x) {
        return BitCodec.bits(BitCodec.readBig(x, 0, n).add(BitCodec.readBig(x, n, n)), n + 1);
    }

    private static boolean[] iteratedAdd(int n, boolean[] x) {
        BigInteger sum = BigInteger.ZERO;
        for (int r = 0; r < n; r++) sum = sum.add(BitCodec.readBig(x, r * n, n));
        BigInteger max =
                BigInteger.valueOf(n).multiply(BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE));
        return BitCodec.bits(sum, max.bitLength());
    }

    private static boolean[] multiply(int n, boolean[] x) {
        return BitCodec.bits(BitCodec.readBig(x, 0, n).multiply(BitCodec.readBig(x, n, n)), 2 * n);
    }
}
