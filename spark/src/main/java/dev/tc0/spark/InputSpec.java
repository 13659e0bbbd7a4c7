package dev.tc0.spark;

import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.PlaneFileSource;
import dev.tc0.eval.RandomSource;
import dev.tc0.eval.RowSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Where a job's patterns come from, small enough to ship to every task: each task opens the whole
 * source and reads only its range, so nothing is read or generated twice.
 */
public sealed interface InputSpec extends Serializable
        permits InputSpec.Random, InputSpec.Exhaustive, InputSpec.Planes, InputSpec.Rows, ParquetInput {
    int inputs();

    /** Number of patterns. */
    long count();

    /** The whole batch as tc0's own source. */
    InputSource open() throws IOException;

    /** The patterns of {@code range} alone, renumbered from 0: what a task evaluates. */
    default InputSource open(PatternRange range) throws IOException {
        return RangeSource.of(open(), range);
    }

    /**
     * What the task of range {@code ranges.get(p)} starts from, in partition {@code p}: by default
     * the range itself, the task reading its patterns from the source; a Parquet input sends each
     * task its range's words instead.
     */
    default JavaRDD<?> partitions(JavaSparkContext sc, List<PatternRange> ranges) throws IOException {
        return sc.parallelize(ranges, ranges.size());
    }

    /** The patterns of {@code range} from its partition's {@code data} (see {@link #partitions}). */
    default InputSource open(PatternRange range, Iterator<?> data) throws IOException {
        return open(range);
    }

    /** Words per input are hashes of (seed, input, word), so any range is generated on its own. */
    record Random(int inputs, long count, long seed) implements InputSpec {
        public Random {
            if (count < 0) throw new IllegalArgumentException("negative pattern count " + count);
        }

        @Override
        public InputSource open() {
            return new RandomSource(inputs, count, seed);
        }
    }

    /** All 2^k patterns in counting order. */
    record Exhaustive(int inputs) implements InputSpec {
        public Exhaustive {
            if (inputs < 0 || inputs > ExhaustiveSource.MAX_INPUTS) {
                throw new IllegalArgumentException(
                        "exhaustive evaluation supports 0.." + ExhaustiveSource.MAX_INPUTS + " inputs, not " + inputs);
            }
        }

        @Override
        public long count() {
            return 1L << inputs;
        }

        @Override
        public InputSource open() {
            return new ExhaustiveSource(inputs);
        }
    }

    /**
     * An ABC {@code &lnetsim} plane file at a path every executor can read (a shared or
     * replicated file system); tasks read their range's words by positional reads.
     */
    record Planes(String path, int inputs, long count) implements InputSpec {
        /** Checks the file's size against the circuit on the driver, so a bad file fails before any task. */
        public static Planes of(Path file, int inputs) throws IOException {
            if (inputs == 0) throw new IOException(file + ": a plane file needs a circuit with inputs");
            long size = Files.size(file);
            if (size % (8L * inputs) != 0) {
                throw new IOException(file + ": " + size + " bytes is not a multiple of " + (8L * inputs) + " ("
                        + inputs + " input planes of 8-byte words); is it a planes file for this circuit?");
            }
            return new Planes(file.toAbsolutePath().toString(), inputs, size / (8L * inputs) * 64);
        }

        @Override
        public InputSource open() throws IOException {
            return new PlaneFileSource(Path.of(path), inputs);
        }
    }

    /**
     * A rows text file (tc0's rows format) at a path every executor can read. Rows are not
     * random-access, so the driver scans the file twice, once to count the rows and once to find the
     * byte where each of {@code partitions} ranges starts; a task then reads from its byte on.
     */
    record Rows(String path, int inputs, long count, long[] starts, long[] offsets) implements InputSpec {
        public static Rows of(Path file, int inputs, int partitions) throws IOException {
            long count = RowIndex.count(file);
            long[] starts = PatternRange.split(count, partitions).stream()
                    .mapToLong(PatternRange::first)
                    .filter(f -> f < count)
                    .toArray();
            return new Rows(file.toAbsolutePath().toString(), inputs, count, starts, RowIndex.offsets(file, starts));
        }

        @Override
        public InputSource open() throws IOException {
            return new RowSource(new BufferedInputStream(Files.newInputStream(Path.of(path)), 1 << 16), path, inputs);
        }

        @Override
        public InputSource open(PatternRange range) throws IOException {
            if (range.count() == 0)
                return RangeSource.prefix(new RowSource(InputStream.nullInputStream(), path, inputs), 0);
            int k = Arrays.binarySearch(starts, range.first());
            if (k < 0)
                throw new IllegalArgumentException(
                        path + ": no row offset for a range starting at row " + range.first());
            SeekableByteChannel ch = Files.newByteChannel(Path.of(path)).position(offsets[k]);
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
            // errors name the file and the task's first row; line numbers count from there
            String name = path + " (from row " + (range.first() + 1) + ", byte " + offsets[k] + ")";
            return RangeSource.prefix(new RowSource(in, name, inputs), range.count());
        }
    }
}
