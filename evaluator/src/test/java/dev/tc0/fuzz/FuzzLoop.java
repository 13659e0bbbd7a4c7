package dev.tc0.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A seeded mutation loop over one reader: every input must end in a result or in the reader's own
 * checked exception with a one-line message. Anything else fails the test with the input, its
 * number and the seed, so that the case reproduces: another exception, an error (an
 * OutOfMemoryError from trusting a header included), or a hang (each input runs under its own
 * time limit on a worker thread).
 */
public final class FuzzLoop {
    /** A reader under test; what it returns is only counted. */
    @FunctionalInterface
    public interface Reader {
        Object read(byte[] data) throws Exception;
    }

    /** Time one input may take: generous, for a loaded machine; the corpus files read in microseconds. */
    static final long PER_INPUT_SECONDS = 10;

    private FuzzLoop() {}

    /** The files of a corpus directory on the test class path (src/test/resources/fuzz/NAME), sorted by name. */
    public static List<byte[]> corpus(Class<?> anchor, String name) {
        URL url = anchor.getResource("/fuzz/" + name);
        if (url == null) throw new IllegalStateException("no fuzz corpus /fuzz/" + name + " on the class path");
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            List<byte[]> files = new ArrayList<>();
            for (Path p : s.sorted().toList()) files.add(Files.readAllBytes(p));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code inputs} mutated inputs through {@code reader}; returns how many it read without
     * a refusal.
     */
    public static int run(
            String name,
            List<byte[]> corpus,
            int inputs,
            long seed,
            Reader reader,
            Class<? extends Exception> refusal) {
        Mutator m = new Mutator(corpus);
        Random r = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzz-" + name);
            t.setDaemon(true); // a hung reader must not keep the test JVM alive
            return t;
        });
        int read = 0;
        try {
            for (int i = 0; i < inputs; i++) {
                byte[] d = m.next(r);
                Future<Object> f = worker.submit(() -> reader.read(d));
                String which = name + " input " + i + " of seed " + seed + " (" + d.length + " bytes)";
                try {
                    f.get(PER_INPUT_SECONDS, TimeUnit.SECONDS);
                    read++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail(which + " ran past " + PER_INPUT_SECONDS + " s:\n" + Mutator.show(d));
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    if (!refusal.isInstance(t)) fail(which + " threw " + t + ":\n" + Mutator.show(d), t);
                    String msg = t.getMessage();
                    assertTrue(msg != null && !msg.isBlank(), which + ": a refusal without a message");
                    assertFalse(
                            msg.contains("\n") || msg.contains("\r"), which + ": a message of several lines: " + msg);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return read;
    }
}
