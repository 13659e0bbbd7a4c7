package dev.tc0.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes one part file per task through Hadoop's file committer, which Spark drives: a task
 * attempt writes under the job's temporary directory, only a committed attempt's file moves to
 * {@code part-r-NNNNN}, and a failed job leaves no part at all. Each record names a local file
 * holding the task's output planes; its bytes become the part.
 */
public final class PlanePartOutputFormat extends FileOutputFormat<NullWritable, Text> {
    @Override
    public RecordWriter<NullWritable, Text> getRecordWriter(TaskAttemptContext context) throws IOException {
        Path file = getDefaultWorkFile(context, "");
        FileSystem fs = file.getFileSystem(context.getConfiguration());
        FSDataOutputStream out = fs.create(file, false);
        return new RecordWriter<>() {
            @Override
            public void write(NullWritable key, Text localFile) throws IOException {
                java.nio.file.Path local = java.nio.file.Path.of(localFile.toString());
                try (InputStream in = Files.newInputStream(local)) {
                    in.transferTo(out);
                }
                Files.deleteIfExists(local);
            }

            @Override
            public void close(TaskAttemptContext c) throws IOException {
                out.close();
            }
        };
    }
}
