package dev.tc0.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table built row by row, and the number formats the report uses. */
final class Markdown {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Markdown(String... header) {
        this.header = List.of(header);
    }

    Markdown row(Object... cells) {
        if (cells.length != header.size())
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(String.valueOf(c));
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) b.append("---|");
        b.append('\n');
        for (List<String> r : rows) b.append("| ").append(String.join(" | ", r)).append(" |\n");
        return b.toString();
    }

    /** A time in the unit that keeps 3-4 significant digits readable. */
    static String time(double nanos) {
        if (Double.isNaN(nanos)) return "–";
        if (nanos < 1e3) return fmt("%.1f ns", nanos);
        if (nanos < 1e6) return fmt("%.1f us", nanos / 1e3);
        if (nanos < 1e9) return fmt("%.2f ms", nanos / 1e6);
        return fmt("%.2f s", nanos / 1e9);
    }

    /** Engineering notation for rates: 1.23e11. */
    static String rate(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "–" : fmt("%.2e", x);
    }

    static String num(double x, int decimals) {
        return Double.isNaN(x) ? "–" : fmt("%." + decimals + "f", x);
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
