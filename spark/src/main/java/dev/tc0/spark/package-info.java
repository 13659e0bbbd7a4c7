/**
 * Batch evaluation of tc0 circuits on Apache Spark 4.2: {@link dev.tc0.spark.SparkEvalJob} cuts a
 * batch into word-aligned {@link dev.tc0.spark.PatternRange}s, broadcasts the circuit's
 * {@code .tc0} bytes once, and runs tc0's own engine inside each task ({@link dev.tc0.spark.EvalTask},
 * as many engine threads as {@code spark.task.cpus}); {@link dev.tc0.spark.SparkEval} is its
 * command line, with the counts and summary of {@code tc0 eval}.
 *
 * <p>How it starts. On a cluster: {@code spark-submit --master spark://HOST:7077 --class
 * dev.tc0.spark.SparkEval spark/target/tc0-spark.jar eval CIRCUIT --random 2^36 --partitions 4096
 * --counts} (the jar holds tc0 and fastutil; Spark, Hadoop, Scala and RoaringBitmap come from the
 * cluster). On one machine, without a Spark installation: {@code spark/tc0-spark-local.sh eval
 * CIRCUIT --random 2^24 --counts --master local[2]}, which runs the same main class in local mode
 * with Spark's jars from the Maven repository; with no {@code --master} and no {@code spark.master}
 * configured, the job runs on {@code local[*]}.
 *
 * <p>Inputs and outputs. Patterns come from tc0's random or exhaustive sources, a plane file or rows
 * text read by each task at its range, or Parquet ({@link dev.tc0.spark.ParquetInput}: blocks of
 * input planes, {@code word BIGINT, planes ARRAY<BIGINT>}, or one row per pattern, {@code bits
 * STRING} or {@code ARRAY<BOOLEAN>}, in the files' path order then row order), whose words reach
 * their range's task through one sort-shuffle by word ({@link dev.tc0.spark.WordPartitioner},
 * {@link dev.tc0.spark.BlockSource}). Outputs go as plane or rows parts through Hadoop's file
 * committer, joined into the bytes {@code tc0 eval --out} writes ({@link dev.tc0.spark.Parts}), or
 * as a Parquet dataset in the same two layouts through Spark SQL's writer
 * ({@link dev.tc0.spark.ParquetOutput}); a failed job leaves no part file. See spark/README.md.
 *
 * <p>Sizing: a task holds one tile per engine thread (each the plan's live values over 64 to 4096
 * words, and its outputs), never its range; the accepted set (up to one bit per pattern
 * of the range, compressed) and the output planes' part file (on the executor's local disk) grow
 * with the range, so partitions are sized by those. See spark/README.md.
 */
package dev.tc0.spark;
