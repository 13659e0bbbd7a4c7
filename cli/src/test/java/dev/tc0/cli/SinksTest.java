package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneArraySink;
import dev.tc0.eval.RowSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The command line's composed sinks say they take any order exactly when what they wrap does. */
class SinksTest {
    @Test
    void teeAndProgressTakeAnyOrderOnlyWhenEverySinkDoes() {
        PrintWriter err = new PrintWriter(new StringWriter());
        OutputSink planes = new PlaneArraySink(2, 640);
        OutputSink rows = new RowSink(new ByteArrayOutputStream(), 2);
        assertTrue(Sinks.tee(List.of(planes, new PlaneArraySink(2, 640))).anyOrder());
        assertFalse(Sinks.tee(List.of(planes, rows)).anyOrder());
        assertTrue(new Sinks.ProgressSink(Sinks.tee(List.of(planes, OutputSink.discard())), err, 640).anyOrder());
        assertFalse(new Sinks.ProgressSink(rows, err, 640).anyOrder());
    }

    /** Tiles handed to a tee of two plane arrays from three threads in a shuffled order land where one thread in order puts them. */
    @Test
    void teeFedFromThreadsInAnyOrderEqualsOneThreadInOrder() throws Exception {
        int outputs = 5, words = 8, tiles = 40;
        long count = 64L * words * tiles - 13;
        SplittableRandom r = new SplittableRandom(4);
        List<long[]> data = new ArrayList<>();
        PlaneArraySink want = new PlaneArraySink(outputs, count);
        for (int t = 0; t < tiles; t++) {
            long[] tile = new long[outputs * words];
            for (int i = 0; i < tile.length; i++) tile[i] = r.nextLong();
            data.add(tile);
            want.accept(64L * words * t, (int) Math.min(64L * words, count - 64L * words * t), tile, words);
        }
        PlaneArraySink a = new PlaneArraySink(outputs, count), b = new PlaneArraySink(outputs, count);
        OutputSink tee = new Sinks.ProgressSink(Sinks.tee(List.of(a, b)), new PrintWriter(new StringWriter()), count);
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < tiles; t++) order.add(t);
        java.util.Collections.shuffle(order, new java.util.Random(1));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 3; w++)
            done.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < tiles; ) {
                    int t = order.get(k);
                    tee.accept(
                            64L * words * t, (int) Math.min(64L * words, count - 64L * words * t), data.get(t), words);
                }
                return null;
            }));
        for (Future<?> f : done) f.get();
        pool.shutdown();
        tee.finish();
        for (int o = 0; o < outputs; o++) {
            assertArrayEquals(want.planes()[o], a.planes()[o], "output " + o);
            assertArrayEquals(want.planes()[o], b.planes()[o], "output " + o);
        }
    }
}
