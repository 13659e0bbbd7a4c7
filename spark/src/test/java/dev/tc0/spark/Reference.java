package dev.tc0.spark;

import dev.tc0.circuit.Circuit;
import dev.tc0.eval.AcceptedSink;
import dev.tc0.eval.CountSink;
import dev.tc0.eval.Engine;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.InputSource;
import dev.tc0.eval.OutputSink;
import dev.tc0.eval.PlaneFileSink;
import dev.tc0.eval.RowSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * What {@code tc0 eval} computes on one machine for the same circuit and source: the reference the
 * Spark results must equal.
 */
record Reference(long[] ones, RoaringBitmap accepted) {
    /** Counts and the accepted set; the output planes too when {@code planes} is non-null. */
    static Reference of(Circuit c, InputSource in, Path planes) throws IOException {
        CountSink counts = new CountSink(c.numOutputs());
        AcceptedSink accepted = new AcceptedSink();
        PlaneFileSink file = planes == null ? null : new PlaneFileSink(planes, c.numOutputs(), in.count());
        OutputSink tee = new OutputSink() {
            @Override
            public void accept(long first, int count, long[] tile, int words) throws IOException {
                counts.accept(first, count, tile, words);
                accepted.accept(first, count, tile, words);
                if (file != null) file.accept(first, count, tile, words);
            }

            @Override
            public void finish() throws IOException {
                if (file != null) file.finish();
            }
        };
        try (in;
                Engine e = new Engine(EvalPlan.of(c), Engine.Options.defaults().withThreads(1))) {
            e.run(in, tee);
        }
        return new Reference(counts.ones(), accepted.accepted());
    }

    /** The bytes {@code tc0 eval --out FILE.txt} writes: one row of output bits per pattern ({@link RowSink}). */
    static byte[] rows(Circuit c, InputSource in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (in;
                Engine e = new Engine(EvalPlan.of(c), Engine.Options.defaults().withThreads(1))) {
            e.run(in, new RowSink(bytes, c.numOutputs()));
        }
        return bytes.toByteArray();
    }

    /** The 32-bit reference set as a 64-bit map, to compare with the merged Spark set. */
    Roaring64NavigableMap accepted64() {
        Roaring64NavigableMap m = new Roaring64NavigableMap();
        accepted.forEach((int v) -> m.addLong(Integer.toUnsignedLong(v)));
        return m;
    }
}
