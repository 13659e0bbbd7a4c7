package dev.tc0.spark;

import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Joins a committed directory of plane parts (part {@code i} holds range {@code i}'s words of every
 * output plane) into one plane file in ABC's layout, byte for byte what {@code tc0 eval --out}
 * writes for the whole batch. Each part is read once, in order; the file appears under its name
 * only when complete.
 */
public final class PlaneParts {
    private PlaneParts() {}

    public static void merge(
            String dir, Configuration conf, List<PatternRange> ranges, int outputs, java.nio.file.Path file)
            throws IOException {
        Path d = new Path(dir);
        FileSystem fs = d.getFileSystem(conf);
        FileStatus[] parts = fs.listStatus(d, p -> p.getName().startsWith("part-"));
        Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        if (parts.length != ranges.size()) {
            throw new IOException(dir + ": " + parts.length + " part files for " + ranges.size() + " ranges");
        }
        long total = ranges.stream().mapToLong(PatternRange::count).sum();
        long planeWords = (total + 63) >>> 6;
        // one AtomicOutput: complete or not at all, devices written through, errors name the user's path
        try (AtomicOutput out = AtomicOutput.open(file)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < parts.length; i++) {
                PatternRange r = ranges.get(i);
                long words = (r.count() + 63) >>> 6;
                if (parts[i].getLen() != outputs * words * 8) {
                    throw new IOException(parts[i].getPath() + ": " + parts[i].getLen() + " bytes, expected "
                            + outputs * words * 8 + " for " + outputs + " planes of " + words + " words");
                }
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
}
