package dev.tc0.spark;

import dev.tc0.eval.ExhaustiveSource;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.PlaneFileSource;
import dev.tc0.eval.RandomSource;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a job's patterns come from, small enough to ship to every task: each task opens the whole
 * source and reads only its range, so nothing is read or generated twice.
 */
public sealed interface InputSpec extends Serializable {
    int inputs();

    /** Number of patterns. */
    long count();

    /** The whole batch as tc0's own source; tasks wrap it in a {@link RangeSource}. */
    InputSource open() throws IOException;

    /** Words per input are hashes of (seed, input, word), so any range is generated on its own. */
    record Random(int inputs, long count, long seed) implements InputSpec {
        public Random {
            if (count < 0) throw new IllegalArgumentException("negative pattern count " + count);
        }

        @Override public InputSource open() { return new RandomSource(inputs, count, seed); }
    }

    /** All 2^k patterns in counting order. */
    record Exhaustive(int inputs) implements InputSpec {
        public Exhaustive {
            if (inputs < 0 || inputs > ExhaustiveSource.MAX_INPUTS) {
                throw new IllegalArgumentException("exhaustive evaluation supports 0.." + ExhaustiveSource.MAX_INPUTS
                        + " inputs, not " + inputs);
            }
        }

        @Override public long count() { return 1L << inputs; }

        @Override public InputSource open() { return new ExhaustiveSource(inputs); }
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

        @Override public InputSource open() throws IOException { return new PlaneFileSource(Path.of(path), inputs); }
    }
}
