package dev.tc0.compile.transformer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes a model file through Jackson's generator, laid out so that model files stay readable:
 * objects one field per line with two-space indentation, arrays on one line, except matrices,
 * which put each row on a line of its own. Numbers are written so that they read back as exactly
 * the same double, integers without a fraction.
 */
final class JsonText {
    /** How a container is laid out: one entry per line, all on one line, or a matrix's rows one per line. */
    private enum Layout {
        BLOCK,
        INLINE,
        ROWS
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter out = new StringWriter();
    private final ModelLayout layout = new ModelLayout();
    private final JsonGenerator g;

    JsonText() {
        try {
            g = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setPrettyPrinter(layout);
    }

    /** Starts an object laid out one field per line. */
    JsonText beginObject() {
        return run(() -> g.writeStartObject());
    }

    /** Starts an object on one line, such as {@code {"bits": 12}}. */
    JsonText beginInlineObject() {
        layout.next = Layout.INLINE;
        return beginObject();
    }

    JsonText endObject() {
        return run(() -> g.writeEndObject());
    }

    JsonText field(String name) {
        return run(() -> g.writeFieldName(name));
    }

    JsonText string(String s) {
        return run(() -> g.writeString(s));
    }

    /** A string, or null. */
    JsonText nullableString(String s) {
        return s == null ? run(() -> g.writeNull()) : string(s);
    }

    JsonText number(long v) {
        return run(() -> g.writeNumber(v));
    }

    /** Shortest text that reads back as exactly the same double; integers without a fraction. */
    JsonText number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return number((long) v);
        return run(() -> g.writeNumber(v));
    }

    JsonText bool(boolean b) {
        return run(() -> g.writeBoolean(b));
    }

    JsonText strings(List<String> items) {
        return array(Layout.INLINE, items.size(), i -> g.writeString(items.get(i)));
    }

    JsonText booleans(List<Boolean> items) {
        return array(Layout.INLINE, items.size(), i -> g.writeBoolean(items.get(i)));
    }

    /** A list of integer lists, all on one line. */
    JsonText intLists(List<List<Integer>> items) {
        return array(Layout.INLINE, items.size(), i -> {
            List<Integer> row = items.get(i);
            array(Layout.INLINE, row.size(), j -> g.writeNumber(row.get(j)));
        });
    }

    JsonText ints(List<Integer> items) {
        return array(Layout.INLINE, items.size(), i -> g.writeNumber(items.get(i)));
    }

    /** Starts an array laid out one item per line, such as a list of rules. */
    JsonText beginArray() {
        layout.next = Layout.ROWS;
        return run(() -> g.writeStartArray());
    }

    JsonText endArray() {
        return run(() -> g.writeEndArray());
    }

    JsonText vector(double[] v) {
        return array(Layout.INLINE, v.length, i -> number(v[i]));
    }

    /** One row per line. */
    JsonText matrix(double[][] m) {
        return array(Layout.ROWS, m.length, i -> vector(m[i]));
    }

    @Override
    public String toString() {
        run(g::flush);
        return out.toString();
    }

    private interface Write {
        void run() throws IOException;
    }

    private interface WriteItem {
        void run(int i) throws IOException;
    }

    /** Writing to a StringWriter does not fail; the generator still declares IOException. */
    private JsonText run(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private JsonText array(Layout how, int size, WriteItem item) {
        return run(() -> {
            layout.next = how;
            g.writeStartArray();
            for (int i = 0; i < size; i++) item.run(i);
            g.writeEndArray();
        });
    }

    /**
     * Jackson asks a pretty printer for everything between tokens; this one keeps a stack of the
     * open containers' layouts. The writer names the layout of the next container just before
     * starting it (objects default to one field per line, arrays to one line).
     */
    private static final class ModelLayout implements PrettyPrinter {
        private final Deque<Layout> open = new ArrayDeque<>();
        private Layout next;
        private int depth;

        private Layout take(Layout otherwise) {
            Layout l = next == null ? otherwise : next;
            next = null;
            return l;
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(depth));
        }

        private void start(JsonGenerator g, char bracket, Layout l) throws IOException {
            g.writeRaw(bracket);
            open.push(l);
            if (l != Layout.INLINE) depth++;
        }

        private void end(JsonGenerator g, char bracket, int entries) throws IOException {
            Layout l = open.pop();
            if (l != Layout.INLINE) {
                depth--;
                // a matrix with no rows is [], an object always ends on a line of its own
                if (entries > 0 || l == Layout.BLOCK) newline(g);
            }
            g.writeRaw(bracket);
        }

        private void separator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (open.peek() == Layout.INLINE) g.writeRaw(' ');
            else newline(g);
        }

        private void first(JsonGenerator g) throws IOException {
            if (open.peek() != Layout.INLINE) newline(g);
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            start(g, '{', take(Layout.BLOCK));
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            end(g, '}', entries);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separator(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            start(g, '[', take(Layout.INLINE));
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            end(g, ']', values);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separator(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            first(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            first(g);
        }
    }
}
