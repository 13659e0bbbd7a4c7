package dev.tc0.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Counts written as {@code 1048576}, {@code 2^20}, {@code 1e6}, or with a suffix: decimal
 * {@code k}, {@code M}, {@code G} (10^3, 10^6, 10^9, as in the help's defaults such as 20M) or binary
 * {@code Ki}, {@code Mi}, {@code Gi} (2^10, 2^20, 2^30). Suffixes are case-insensitive.
 */
final class CountConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String s) {
        try {
            return parse(s);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException(
                    "'" + s + "' is not a count (examples: 1000000, 1M = 10^6, 1Mi = 2^20, 2^20, 64k, 1e6)");
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
            boolean binary = t.endsWith("i");
            String body = binary ? t.substring(0, t.length() - 1) : t;
            char last = body.isEmpty() ? ' ' : body.charAt(body.length() - 1);
            switch (last) {
                case 'k' -> mult = binary ? 1L << 10 : 1_000L;
                case 'm' -> mult = binary ? 1L << 20 : 1_000_000L;
                case 'g' -> mult = binary ? 1L << 30 : 1_000_000_000L;
                default -> {}
            }
            if (mult == 1 && binary) throw new NumberFormatException(s);
            if (mult != 1) t = body.substring(0, body.length() - 1);
            v = Math.multiplyExact(Long.parseLong(t), mult);
        }
        if (v < 0) throw new NumberFormatException(s);
        return v;
    }
}
