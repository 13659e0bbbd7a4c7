package dev.tc0.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.RandomCircuits;
import dev.tc0.eval.RandomSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real executor JVMs (local-cluster: a master and two workers in this JVM, each worker
 * launching one executor process): the broadcast circuit reaches other processes and the results
 * still equal the single-machine engine's.
 */
class LocalClusterTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() throws IOException {
        // The worker resolves its Spark home from spark.test.home (set by the pom) and needs it to exist.
        Files.createDirectories(Path.of(System.getProperty("spark.test.home", "target/spark-home")));
        spark = SparkSession.builder()
                .config(TestSpark.conf("local-cluster[2,1,1024]")
                        .set("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector"))
                .getOrCreate();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void twoExecutorProcessesGiveTheEngineResults(@TempDir Path dir) throws IOException {
        Circuit c = RandomCircuits.generate(RandomCircuits.Spec.of(16, 300, 4, 4, GateKind.values()), 23);
        long count = 123_457;
        Path expected = dir.resolve("expected.bin");
        Reference want = Reference.of(c, new RandomSource(c.numInputs(), count, 77), expected);
        Path out = dir.resolve("out.bin");
        Tally got = new SparkEvalJob(sc)
                .run(
                        c,
                        SparkEvalJob.Request.counts(new InputSpec.Random(c.numInputs(), count, 77), 6)
                                .withAccepted()
                                .withPlanes(dir.resolve("parts").toString(), out));
        assertEquals(count, got.patterns());
        assertArrayEquals(want.ones(), got.ones());
        assertEquals(want.accepted64(), got.accepted());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));

        // the tasks really ran in two processes other than this one
        String self = ManagementFactory.getRuntimeMXBean().getName();
        List<String> where = sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8)
                .map(x -> ManagementFactory.getRuntimeMXBean().getName())
                .collect();
        Set<String> processes = new HashSet<>(where);
        processes.remove(self);
        assertEquals(2, processes.size(), "executor processes: " + where);
    }
}
