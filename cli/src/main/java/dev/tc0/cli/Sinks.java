package dev.tc0.cli;

import dev.tc0.eval.OutputSink;
import dev.tc0.eval.RowSink;
import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Small sinks the command line composes: several at once, rows into a file, a progress bar. */
final class Sinks {
    private Sinks() {}

    /** Hands every tile to each sink in turn; in any order when every sink takes any order. */
    static OutputSink tee(List<OutputSink> sinks) {
        if (sinks.isEmpty()) return OutputSink.discard();
        if (sinks.size() == 1) return sinks.getFirst();
        boolean anyOrder = sinks.stream().allMatch(OutputSink::anyOrder);
        return new OutputSink() {
            @Override
            public void accept(long first, int count, long[] planes, int words) throws IOException {
                for (OutputSink s : sinks) s.accept(first, count, planes, words);
            }

            @Override
            public boolean anyOrder() {
                return anyOrder;
            }

            @Override
            public void finish() throws IOException {
                for (OutputSink s : sinks) s.finish();
            }

            @Override
            public void close() throws IOException {
                IOException first = null;
                for (OutputSink s : sinks) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        if (first == null) first = e;
                    }
                }
                if (first != null) throw first;
            }
        };
    }

    /** Text rows into a file, one {@link AtomicOutput}: in place after {@code finish}, absent otherwise. */
    static final class RowFileSink implements OutputSink {
        private final AtomicOutput file;
        private final RowSink rows;

        RowFileSink(Path file, int outputs) throws IOException {
            this.file = AtomicOutput.open(file);
            this.rows = new RowSink(this.file.stream(), outputs);
        }

        @Override
        public void accept(long first, int count, long[] planes, int words) throws IOException {
            rows.accept(first, count, planes, words);
        }

        @Override
        public void finish() throws IOException {
            rows.finish();
            file.commit();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /**
     * Draws a progress bar on stderr once a run has taken a second, redrawn at most 5 times a
     * second with a carriage return; erased at the end. Only used when stderr is a terminal.
     */
    static final class ProgressSink implements OutputSink {
        private final OutputSink inner;
        private final PrintWriter err;
        private final long total;
        private final long start = System.nanoTime();
        /** Patterns handed over so far: tiles may come in any order, from several threads. */
        private final AtomicLong done = new AtomicLong();

        private long lastDraw;
        private boolean drawn;

        ProgressSink(OutputSink inner, PrintWriter err, long total) {
            this.inner = inner;
            this.err = err;
            this.total = total;
        }

        @Override
        public void accept(long first, int count, long[] planes, int words) throws IOException {
            inner.accept(first, count, planes, words);
            long sofar = done.addAndGet(count);
            long now = System.nanoTime();
            synchronized (this) {
                if (now - start > 1_000_000_000L && now - lastDraw > 200_000_000L) {
                    lastDraw = now;
                    draw(sofar, now - start);
                }
            }
        }

        @Override
        public boolean anyOrder() {
            return inner.anyOrder();
        }

        private void draw(long done, long nanos) {
            StringBuilder b = new StringBuilder("\r");
            if (total > 0) {
                int width = 30, fill = (int) Math.min(width, width * (double) done / total);
                b.append('[')
                        .append("#".repeat(fill))
                        .append(" ".repeat(width - fill))
                        .append("] ")
                        .append(String.format(java.util.Locale.ROOT, "%5.1f%% ", 100.0 * done / total));
            }
            b.append(done).append(" inputs, ").append(String.format(java.util.Locale.ROOT, "%.1f s", nanos * 1e-9));
            if (total > 0 && done > 0) {
                double eta = nanos * 1e-9 * (total - done) / done;
                b.append(String.format(java.util.Locale.ROOT, ", %.0f s left", eta));
            }
            err.print(b);
            err.flush();
            drawn = true;
        }

        @Override
        public void finish() throws IOException {
            erase();
            inner.finish();
        }

        @Override
        public void close() throws IOException {
            erase();
            inner.close();
        }

        private void erase() {
            if (drawn) {
                err.print("\r" + " ".repeat(78) + "\r");
                err.flush();
                drawn = false;
            }
        }

        /** True when a progress bar may be drawn: stderr is a terminal (the launcher tells us). */
        static boolean wanted() {
            String p = System.getProperty("tc0.progress");
            if ("false".equals(p)) return false;
            java.io.Console c = System.console();
            return c != null && c.isTerminal();
        }
    }
}
