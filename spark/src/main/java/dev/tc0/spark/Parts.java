package dev.tc0.spark;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Joins a committed directory of parts (part {@code i} holds range {@code i}'s outputs) into one
 * file, byte for byte what {@code tc0 eval --out} writes for the whole batch: plane parts into one
 * plane file in ABC's layout, rows parts one after the other. Each part is read once, in order,
 * and checked for its size; the file appears under its name only when complete.
 */
public final class Parts {
    private Parts() {}

    /** Plane parts: part {@code i} holds range {@code i}'s words of every output plane, in turn. */
    public static void joinPlanes(
            String dir, Configuration conf, List<PatternRange> ranges, int outputs, java.nio.file.Path file)
            throws IOException {
        FileStatus[] parts = committed(dir, conf, ranges.size());
        FileSystem fs = parts.length == 0 ? null : parts[0].getPath().getFileSystem(conf);
        long total = ranges.stream().mapToLong(PatternRange::count).sum();
        long planeWords = (total + 63) >>> 6;
        // one AtomicOutput: complete or not at all, devices written through, errors name the user's path
        try (AtomicOutput out = AtomicOutput.open(file)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < parts.length; i++) {
                PatternRange r = ranges.get(i);
                long words = (r.count() + 63) >>> 6;
                checkSize(parts[i], outputs * words * 8, outputs + " planes of " + words + " words");
                try (FSDataInputStream in = fs.open(parts[i].getPath())) {
                    for (int o = 0; o < outputs; o++) {
                        long pos = (o * planeWords + r.first() / 64) * 8;
                        for (long left = words * 8; left > 0; ) {
                            buf.clear().limit((int) Math.min(buf.capacity(), left));
                            in.readFully(buf.array(), 0, buf.limit());
                            out.write(buf, pos);
                            pos += buf.limit();
                            left -= buf.limit();
                        }
                    }
                }
            }
            out.commit();
        }
    }

    /** Rows parts: part {@code i} holds range {@code i}'s rows, one line of {@code outputs} bits each. */
    public static void joinRows(
            String dir, Configuration conf, List<PatternRange> ranges, int outputs, java.nio.file.Path file)
            throws IOException {
        FileStatus[] parts = committed(dir, conf, ranges.size());
        try (AtomicOutput out = AtomicOutput.open(file)) {
            for (int i = 0; i < parts.length; i++) {
                long rows = ranges.get(i).count();
                checkSize(parts[i], rows * (outputs + 1), rows + " rows of " + outputs + " bits");
                try (InputStream in = parts[i].getPath().getFileSystem(conf).open(parts[i].getPath())) {
                    in.transferTo(out.stream());
                }
            }
            out.stream().flush();
            out.commit();
        }
    }

    /** The committed parts, in range order; one per range or the job's output is not whole. */
    private static FileStatus[] committed(String dir, Configuration conf, int ranges) throws IOException {
        Path d = new Path(dir);
        FileStatus[] parts =
                d.getFileSystem(conf).listStatus(d, p -> p.getName().startsWith("part-"));
        Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        if (parts.length != ranges)
            throw new IOException(dir + ": " + parts.length + " part files for " + ranges + " ranges");
        return parts;
    }

    private static void checkSize(FileStatus part, long want, String what) throws IOException {
        if (part.getLen() != want) {
            throw new IOException(part.getPath() + ": " + part.getLen() + " bytes, expected " + want + " for " + what);
        }
    }
}
