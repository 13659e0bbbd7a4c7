package dev.tc0.eval;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed team of threads that spins briefly on a shared phase counter
 * before parking. A ForkJoin hand-off costs 13-15 us per level on this machine (a parked worker
 * must be woken for every level); a team that stays awake between levels pays only the cache-line
 * round trip of the phase counter while the levels come fast, and parks once they stop coming.
 *
 * <p>The last party to arrive resets the count, advances the phase and unparks whoever parked.
 * A waiter announces that it parks ({@code parked[id]}) and then reads the phase again; the
 * releaser writes the phase and then reads the announcements. Both are volatile, so one of them
 * sees the other's write and no waiter sleeps through its release.
 */
public final class SpinBarrier {
    /** Spins (each a {@link Thread#onSpinWait}) before yielding: a few microseconds. */
    static final int SPINS = 1 << 10;

    /** Yields before parking: on a loaded machine the late party often needs our core to arrive. */
    static final int YIELDS = 64;

    private final int parties;
    /** {@link #SPINS}, or none when the parties outnumber the cores (a spinner would hold the core a late party needs). */
    private final int spins;

    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int phase;
    private final Thread[] threads;
    private final ParkFlags parked;

    public SpinBarrier(int parties) {
        if (parties < 1) throw new IllegalArgumentException("parties must be at least 1, not " + parties);
        this.parties = parties;
        this.spins = parties <= Runtime.getRuntime().availableProcessors() ? SPINS : 0;
        this.threads = new Thread[parties];
        this.parked = new ParkFlags(parties);
    }

    public int parties() {
        return parties;
    }

    /** Waits until all parties have arrived; {@code id} names the caller (0 .. parties - 1). */
    public void await(int id) {
        int ph = phase;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            phase = ph + 1;
            for (int i = 0; i < parties; i++) {
                if (parked.get(i)) LockSupport.unpark(threads[i]);
            }
            return;
        }
        for (int s = 0; s < spins; s++) {
            if (phase != ph) return;
            Thread.onSpinWait();
        }
        // the late party may be waiting for a core: give ours away a few times before parking
        for (int y = 0; y < YIELDS; y++) {
            if (phase != ph) return;
            Thread.yield();
        }
        threads[id] = Thread.currentThread();
        parked.set(id, true);
        while (phase == ph) LockSupport.park(this);
        parked.set(id, false);
    }

    /** One volatile flag per party, each on its own cache line so that waiters do not share one. */
    private static final class ParkFlags {
        private static final int STRIDE = 16; // ints per 64-byte line
        private final java.util.concurrent.atomic.AtomicIntegerArray flags;

        ParkFlags(int n) {
            flags = new java.util.concurrent.atomic.AtomicIntegerArray(n * STRIDE);
        }

        boolean get(int i) {
            return flags.get(i * STRIDE) != 0;
        }

        void set(int i, boolean v) {
            flags.set(i * STRIDE, v ? 1 : 0);
        }
    }
}
