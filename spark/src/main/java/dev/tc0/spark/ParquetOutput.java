package dev.tc0.spark;

import dev.tc0.eval.PlaneFileSource;
import dev.tc0.eval.RowSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A task's outputs as Parquet rows, in the layouts {@link ParquetInput} reads: blocks of output
 * planes ({@code word BIGINT, planes ARRAY<BIGINT>}, up to {@link #BLOCK_WORDS} words of every
 * output plane a row, output 0's words first) or one row per pattern ({@code bits STRING}, one
 * {@code 0}/{@code 1} per output, output 0 first: a line of {@code tc0 eval}'s rows output). The
 * task evaluates its range into a local plane file first and reads it back a block at a time, so
 * memory stays one block whatever the range.
 */
final class ParquetOutput {
    /** Words of each plane in one row of the planes layout. */
    static final int BLOCK_WORDS = 1024;

    static final StructType PLANES = new StructType(new StructField[] {
        DataTypes.createStructField("word", DataTypes.LongType, false),
        DataTypes.createStructField("planes", DataTypes.createArrayType(DataTypes.LongType, false), false)
    });
    static final StructType ROWS =
            new StructType(new StructField[] {DataTypes.createStructField("bits", DataTypes.StringType, false)});

    private ParquetOutput() {}

    /**
     * The Parquet rows of this task's range: evaluated when first asked for, the tally added to
     * {@code acc}; an injected fault strikes after the last row, before the attempt commits.
     */
    static Iterator<Row> rows(
            EvalTask task, TallyAccumulator acc, Iterator<?> data, int outputs, ParquetInput.Layout layout) {
        return new Iterator<>() {
            private PlaneFileSource planes;
            private PatternRange range;
            private long word; // the next word of the range to turn into rows
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                try {
                    if (planes == null) start();
                    while (ready.isEmpty() && 64 * word < range.count()) readBlock();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!ready.isEmpty()) return true;
                task.maybeFail();
                return false;
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.removeFirst();
            }

            private void start() throws IOException {
                range = task.range();
                Path local = EvalTask.localPartFile();
                acc.add(task.run(data, local, EvalTask.Local.PLANES));
                planes = new PlaneFileSource(local, outputs);
                TaskContext t = TaskContext.get();
                if (t != null)
                    t.addTaskCompletionListener(ctx -> {
                        closeQuietly();
                    });
            }

            private void readBlock() throws IOException {
                int n = (int) Math.min(BLOCK_WORDS, (range.count() + 63) / 64 - word);
                long[] block = new long[outputs * n];
                int[] offset = new int[outputs];
                for (int o = 0; o < outputs; o++) offset[o] = o * n;
                int patterns = planes.fill(64 * word, n, block, offset);
                long first = range.first() + 64 * word;
                if (layout == ParquetInput.Layout.PLANES) {
                    ready.add(RowFactory.create(first / 64, block));
                } else {
                    patterns = (int) Math.min(patterns, range.count() - 64 * word);
                    ByteArrayOutputStream text = new ByteArrayOutputStream(patterns * (outputs + 1));
                    RowSink sink = new RowSink(text, outputs);
                    sink.accept(first, patterns, block, n);
                    sink.finish();
                    byte[] b = text.toByteArray();
                    for (int p = 0; p < patterns; p++) {
                        ready.add(RowFactory.create(
                                new String(b, p * (outputs + 1), outputs, StandardCharsets.US_ASCII)));
                    }
                }
                word += n;
            }

            private void closeQuietly() {
                try {
                    planes.close();
                } catch (IOException ignored) {
                }
            }
        };
    }
}
