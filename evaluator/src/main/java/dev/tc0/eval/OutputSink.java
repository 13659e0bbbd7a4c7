package dev.tc0.eval;

import java.io.IOException;

/**
 * Receives output planes tile by tile, in pattern order. A sink that writes a file writes it as a
 * {@link dev.tc0.io.AtomicOutput} committed in {@link #finish}; {@link #close} without
 * {@code finish} discards it, so no half-written file survives a failure.
 */
public interface OutputSink extends AutoCloseable {
    /**
     * Output planes of patterns {@code first .. first + count - 1} ({@code first} a multiple of
     * 64): output {@code o} is {@code planes[o * words .. (o + 1) * words)}. Bits at and past
     * {@code count} are undefined.
     */
    void accept(long first, int count, long[] planes, int words) throws IOException;

    /** Called once after the last tile. */
    default void finish() throws IOException {}

    @Override
    default void close() throws IOException {}

    /** A sink that discards everything, for measuring evaluation alone. */
    static OutputSink discard() {
        return (first, count, planes, words) -> {};
    }
}
