package dev.tc0.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.tc0.eval.InputSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Patterns from Parquet (a file, or a directory of files as Spark writes them, at any Hadoop path),
 * in one of two layouts, told apart by their columns:
 *
 * <ul>
 *   <li>{@link Layout#PLANES}: {@code word BIGINT} (or INT) and {@code planes ARRAY<BIGINT>} (or
 *       BINARY, 8-byte little-endian words): a row holds words {@code word .. word + n - 1} of every
 *       input plane, input 0's n words first, so the array has inputs x n words. The rows cover
 *       words 0 to W - 1 once each, in any order and any sizes; every bit is a pattern, as in a
 *       plane file: 64 W patterns.
 *   <li>{@link Layout#ROWS}: {@code bits STRING} ({@code 0}/{@code 1} per input, input 0 first,
 *       spaces and tabs ignored, as a rows text line) or {@code bits ARRAY<BOOLEAN>}: one row per
 *       pattern. Pattern order is the files' order by path, then the rows' order in each file
 *       (Spark's {@code _metadata.row_index}), so the index of a row is its file's offset plus its
 *       row index: no scan order and no {@code monotonically_increasing_id} is trusted.
 * </ul>
 *
 * A scan task cuts what it reads into {@link Block}s on word boundaries (a one-row-per-pattern scan
 * packs its rows into pieces of words), and one sort-shuffle by word ({@link WordPartitioner})
 * brings each range's blocks, in word order, to the task that evaluates the range, whatever the
 * files' row groups and Spark's splits: no row group need be word-aligned.
 */
public final class ParquetInput implements InputSpec {
    private static final long serialVersionUID = 1L;

    enum Layout {
        PLANES,
        ROWS
    }

    private final String path;
    private final int inputs;
    private final long count;
    private final Layout layout;
    private final boolean packed; // planes as BINARY, bits as STRING
    private final String[] files; // ROWS: the files in pattern order, as _metadata.file_path names them
    private final long[] offsets; // ROWS: the index of each file's first row

    private ParquetInput(
            String path, int inputs, long count, Layout layout, boolean packed, String[] files, long[] offsets) {
        this.path = path;
        this.inputs = inputs;
        this.count = count;
        this.layout = layout;
        this.packed = packed;
        this.files = files;
        this.offsets = offsets;
    }

    /**
     * Reads the schema and counts the patterns (on the driver: a planes input is checked by one
     * aggregate over its word and array lengths, a rows input counted per file). Every mistake is an
     * IOException of one line naming the path and the column.
     */
    public static ParquetInput of(SparkSession spark, String path, int inputs) throws IOException {
        Dataset<Row> df = read(spark, path);
        StructType s = df.schema();
        if (has(s, "planes")) {
            DataType planes = s.apply("planes").dataType();
            boolean binary = planes.equals(DataTypes.BinaryType);
            if (!binary
                    && !planes.equals(DataTypes.createArrayType(DataTypes.LongType, true))
                    && !planes.equals(DataTypes.createArrayType(DataTypes.LongType, false)))
                throw wrongType(path, "planes", planes, "ARRAY<BIGINT> or BINARY");
            if (!has(s, "word")) throw new IOException(path + ": a 'planes' column needs a 'word' column (BIGINT)");
            DataType word = s.apply("word").dataType();
            if (!(word instanceof LongType) && !(word instanceof IntegerType))
                throw wrongType(path, "word", word, "BIGINT or INT");
            if (inputs == 0) throw new IOException(path + ": a planes input needs a circuit with inputs");
            return new ParquetInput(
                    path, inputs, planesCount(df, path, inputs, binary), Layout.PLANES, binary, null, null);
        }
        if (has(s, "bits")) {
            DataType bits = s.apply("bits").dataType();
            boolean string = bits.equals(DataTypes.StringType);
            if (!string && !(bits instanceof ArrayType a && a.elementType().equals(DataTypes.BooleanType)))
                throw wrongType(path, "bits", bits, "STRING or ARRAY<BOOLEAN>");
            List<Row> perFile;
            try {
                perFile = df.select(col("_metadata.file_path").as("file"))
                        .groupBy("file")
                        .count()
                        .collectAsList();
            } catch (Exception e) {
                throw new IOException(path + ": counting its rows failed: " + SparkEval.rootLine(e));
            }
            List<Row> sorted = new ArrayList<>(perFile);
            sorted.sort(Comparator.comparing(r -> r.getString(0)));
            String[] files = new String[sorted.size()];
            long[] offsets = new long[sorted.size()];
            long total = 0;
            for (int f = 0; f < files.length; f++) {
                files[f] = sorted.get(f).getString(0);
                offsets[f] = total;
                total = Math.addExact(total, sorted.get(f).getLong(1));
            }
            return new ParquetInput(path, inputs, total, Layout.ROWS, string, files, offsets);
        }
        throw new IOException(path + ": no column 'planes' (with 'word') or 'bits'; its columns are "
                + Arrays.stream(s.fields())
                        .map(f -> f.name() + " " + f.dataType().sql())
                        .toList());
    }

    private static Dataset<Row> read(SparkSession spark, String path) throws IOException {
        // asked first: Spark logs a missing path's stack trace before it throws
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p))
            throw new IOException(path + ": no such file or directory");
        try {
            return spark.read().parquet(path);
        } catch (Exception e) { // AnalysisException is checked but undeclared
            throw new IOException(path + ": not Parquet that Spark can read: " + SparkEval.rootLine(e));
        }
    }

    private static boolean has(StructType s, String name) {
        return Arrays.asList(s.fieldNames()).contains(name);
    }

    private static IOException wrongType(String path, String column, DataType got, String want) {
        return new IOException(path + ": column '" + column + "' is " + got.sql() + ", not " + want);
    }

    /** 64 x the words the blocks hold, after checking that they tile words 0 .. W - 1. */
    private static long planesCount(Dataset<Row> df, String path, int inputs, boolean binary) throws IOException {
        long unit = binary ? 8L * inputs : inputs; // array elements (or bytes) per word of all planes
        Column len = binary ? length(col("planes")) : size(col("planes"));
        Column bad = col("word")
                .isNull()
                .or(col("planes").isNull())
                .or(len.leq(0))
                .or(len.mod(lit(unit)).notEqual(0));
        Column words = len.divide(lit(unit)).cast("long");
        Row r;
        try {
            r = df.agg(
                            org.apache.spark.sql.functions.count(lit(1)),
                            sum(when(bad, 1).otherwise(0)),
                            min(when(bad, col("word"))),
                            min(col("word")),
                            max(col("word").cast("long").plus(words)),
                            sum(when(bad, 0).otherwise(words)))
                    .first();
        } catch (Exception e) {
            throw new IOException(path + ": reading its blocks failed: " + SparkEval.rootLine(e));
        }
        if (r.getLong(0) == 0) return 0;
        if (r.getLong(1) > 0) {
            throw new IOException(path + ": " + r.getLong(1) + " row(s) whose word or planes is null or whose planes "
                    + "are not whole words of the circuit's " + inputs + " input planes (" + unit
                    + (binary ? " bytes" : " elements") + " a word), the first at word " + r.get(2));
        }
        long lo = ((Number) r.get(3)).longValue(), hi = r.getLong(4), total = r.getLong(5);
        if (lo != 0) throw new IOException(path + ": the blocks start at word " + lo + ", not 0");
        if (hi != total) {
            throw new IOException(path + ": the blocks hold " + total + " words but reach word " + hi
                    + ": some overlap or some are missing");
        }
        if (total > Long.MAX_VALUE / 64) throw new IOException(path + ": more than 2^63 patterns");
        return 64 * total;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public long count() {
        return count;
    }

    Layout layout() {
        return layout;
    }

    @Override
    public InputSource open() {
        throw new UnsupportedOperationException(path + ": a Parquet input is read by Spark tasks, by ranges");
    }

    @Override
    public InputSource open(PatternRange range) {
        return open();
    }

    /** The blocks of each range, sorted by word, in the range's partition. */
    @Override
    public JavaRDD<Block> partitions(JavaSparkContext sc, List<PatternRange> ranges) throws IOException {
        Dataset<Row> df = read(SparkSession.active(), path);
        WordPartitioner byRange = new WordPartitioner(ranges);
        long[] firstWords = byRange.firstWords();
        var pieces = layout == Layout.PLANES
                ? df.select("word", "planes").javaRDD().flatMapToPair(row -> blocks(row, firstWords))
                : df.select(col("_metadata.file_path"), col("_metadata.row_index"), col("bits"))
                        .javaRDD()
                        .mapPartitionsToPair(this::pack);
        return pieces.repartitionAndSortWithinPartitions(byRange).values();
    }

    @Override
    public InputSource open(PatternRange range, Iterator<?> data) {
        @SuppressWarnings("unchecked")
        Iterator<Block> blocks = (Iterator<Block>) data;
        return new BlockSource(path, inputs, range, count, blocks);
    }

    /** A planes row as blocks, cut where ranges start so each block belongs to one range. */
    private Iterator<Tuple2<Long, Block>> blocks(Row row, long[] firstWords) {
        long word = ((Number) row.get(0)).longValue();
        long[] planes = packed ? littleEndian((byte[]) row.get(1)) : longs(row.getList(1), word);
        Block b = new Block(word, planes.length / inputs, planes, Block.WHOLE);
        List<Tuple2<Long, Block>> out = new ArrayList<>(1);
        int k = WordPartitioner.rangeOf(firstWords, word);
        for (int from = 0; from < b.words(); k++) {
            long end = k + 1 < firstWords.length ? firstWords[k + 1] : Long.MAX_VALUE;
            int n = (int) Math.min(b.words() - from, end - (word + from));
            if (n <= 0) continue;
            Block piece = b.slice(from, n);
            out.add(new Tuple2<>(piece.word(), piece));
            from += n;
        }
        return out.iterator();
    }

    private long[] longs(List<Long> list, long word) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Long v = list.get(i);
            if (v == null)
                throw new UncheckedIOException(new IOException(path + ": the planes of word " + word + " hold a null"));
            out[i] = v;
        }
        return out;
    }

    private static long[] littleEndian(byte[] bytes) {
        long[] out = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /**
     * Packs a scan task's rows (one per pattern) into pieces of words: consecutive rows of one word
     * make one piece, so the shuffle carries the planes' bits, not the rows.
     */
    private Iterator<Tuple2<Long, Block>> pack(Iterator<Row> rows) {
        Map<String, Long> fileOffsets = new HashMap<>();
        for (int f = 0; f < files.length; f++) fileOffsets.put(files[f], offsets[f]);
        return new Iterator<>() {
            private long word = -1;
            private long[] planes;
            private long mask;
            private Tuple2<Long, Block> ready;

            @Override
            public boolean hasNext() {
                while (ready == null && rows.hasNext()) add(rows.next());
                if (ready == null && word >= 0) {
                    ready = piece();
                    word = -1;
                }
                return ready != null;
            }

            @Override
            public Tuple2<Long, Block> next() {
                if (!hasNext()) throw new NoSuchElementException();
                Tuple2<Long, Block> t = ready;
                ready = null;
                return t;
            }

            private void add(Row r) {
                String file = r.getString(0);
                long row = r.getLong(1);
                Long offset = fileOffsets.get(file);
                if (offset == null) throw failure(file + " was not there when the job counted the rows");
                long index = offset + row;
                if (word != index >>> 6) {
                    if (word >= 0) ready = piece();
                    word = index >>> 6;
                    planes = new long[inputs];
                    mask = 0;
                }
                long bit = 1L << (index & 63);
                setBits(r, file, row, bit);
                mask |= bit;
            }

            private void setBits(Row r, String file, long row, long bit) {
                String where = file + ", row " + row;
                if (r.isNullAt(2)) throw failure(where + ": bits is null");
                int i = 0;
                if (packed) {
                    String s = r.getString(2);
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        if (ch == ' ' || ch == '\t') continue;
                        if (ch != '0' && ch != '1') {
                            throw failure(where + ": unexpected character '" + ch + "' at column " + (k + 1)
                                    + " of bits (0 and 1 only)");
                        }
                        if (i < inputs && ch == '1') planes[i] |= bit;
                        i++;
                    }
                } else {
                    List<Boolean> list = r.getList(2);
                    for (Boolean b : list) {
                        if (b == null) throw failure(where + ": bits holds a null at " + i);
                        if (i < inputs && b) planes[i] |= bit;
                        i++;
                    }
                }
                if (i != inputs) throw failure(where + ": expected " + inputs + " bits, got " + i);
            }

            private Tuple2<Long, Block> piece() {
                return new Tuple2<>(word, new Block(word, 1, planes, mask));
            }
        };
    }

    private UncheckedIOException failure(String what) {
        return new UncheckedIOException(new IOException(path + ": " + what));
    }
}
