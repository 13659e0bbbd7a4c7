package dev.tc0.eval;

import java.io.IOException;

/**
 * Receives output planes tile by tile, in pattern order unless it says it takes any order. A sink that writes a file writes it as a
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

    /**
     * Whether {@link #accept} may be called for tiles in any order and from several threads at
     * once (each tile's words are its own: an array of planes, a plane file, a sink that drops them). The
     * engine then hands a tile over as soon as it is evaluated, without waiting for its turn.
     */
    default boolean anyOrder() {
        return false;
    }

    /** Called once after the last tile. */
    default void finish() throws IOException {}

    @Override
    default void close() throws IOException {}

    /** A sink that discards everything, for measuring evaluation alone. */
    static OutputSink discard() {
        return new OutputSink() {
            @Override
            public void accept(long first, int count, long[] planes, int words) {}

            @Override
            public boolean anyOrder() {
                return true;
            }
        };
    }
}
