package dev.tc0.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Pattern counts written as {@code 1048576}, {@code 2^20}, {@code 1M}, {@code 64k}, {@code 1e6}. */
final class CountConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String s) {
        try {
            return parse(s);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + s + "' is not a count (examples: 1000000, 2^20, 1M, 64k, 1e6)");
        }
    }

    static long parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        long v;
        if (t.startsWith("2^")) {
            int e = Integer.parseInt(t.substring(2));
            if (e < 0 || e > 62) throw new NumberFormatException(t);
            v = 1L << e;
        } else if (t.matches("[0-9]+(\\.[0-9]+)?e[0-9]+")) {
            v = new java.math.BigDecimal(t).longValueExact();
        } else {
            long mult = 1;
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            switch (last) {
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                default -> { }
            }
            if (mult != 1) t = t.substring(0, t.length() - 1);
            v = Math.multiplyExact(Long.parseLong(t), mult);
        }
        if (v < 0) throw new NumberFormatException(s);
        return v;
    }
}
