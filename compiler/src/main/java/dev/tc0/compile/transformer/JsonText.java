package dev.tc0.compile.transformer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/** A small JSON emitter that keeps each matrix row on one line, so model files stay readable. */
final class JsonText {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    JsonText open(String bracket) {
        out.append(bracket);
        depth++;
        newline();
        return this;
    }

    JsonText close(String bracket) {
        depth--;
        newline();
        out.append(bracket);
        return this;
    }

    JsonText next() {
        out.append(',');
        newline();
        return this;
    }

    JsonText field(String name) {
        string(name);
        out.append(": ");
        return this;
    }

    JsonText string(String s) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
        return this;
    }

    JsonText raw(String s) {
        out.append(s);
        return this;
    }

    JsonText strings(List<String> items) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(", ");
            string(items.get(i));
        }
        out.append(']');
        return this;
    }

    JsonText vector(double[] v) {
        out.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) out.append(", ");
            out.append(number(v[i]));
        }
        out.append(']');
        return this;
    }

    JsonText matrix(double[][] m) {
        if (m.length == 0) return raw("[]");
        out.append('[');
        depth++;
        for (int i = 0; i < m.length; i++) {
            newline();
            vector(m[i]);
            if (i + 1 < m.length) out.append(',');
        }
        depth--;
        newline();
        out.append(']');
        return this;
    }

    /** Shortest text that reads back as exactly the same double; integers without a fraction. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
