package dev.tc0.eval;

import java.util.function.IntConsumer;

/**
 * A fixed team of threads for level-parallel evaluation: the caller and {@code size - 1} daemon
 * workers run the same job, each with its own id, meeting at a {@link SpinBarrier} between
 * levels. Workers stay alive between jobs (parked once the barrier's spin runs out), so a job's
 * start costs one barrier, not a thread start or a pool hand-off per level.
 *
 * <p>A job must call {@link #sync} the same number of times in every party; a party whose work
 * throws keeps arriving (the job below catches per step) and the first failure is rethrown to
 * the caller when the job ends.
 */
final class LevelTeam implements AutoCloseable {
    private final SpinBarrier barrier;
    private final Thread[] workers;
    private volatile IntConsumer job;
    private volatile boolean closed;
    private volatile Throwable failure;

    LevelTeam(int size) {
        this.barrier = new SpinBarrier(size);
        this.workers = new Thread[size - 1];
        for (int i = 1; i < size; i++) {
            int id = i;
            Thread t = new Thread(() -> work(id), "tc0-level-" + id);
            t.setDaemon(true);
            workers[i - 1] = t;
            t.start();
        }
    }

    int size() {
        return barrier.parties();
    }

    /** The barrier between two steps of a job; every party calls it the same number of times. */
    void sync(int id) {
        barrier.await(id);
    }

    /** Runs {@code job} on every party (the caller is party 0) and returns when all are done. */
    synchronized void run(IntConsumer job) {
        if (closed) throw new IllegalStateException("the level team is closed");
        failure = null;
        this.job = job;
        barrier.await(0); // start
        runSafely(job, 0);
        barrier.await(0); // end
        this.job = null;
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void work(int id) {
        while (true) {
            barrier.await(id); // start
            if (closed) return;
            runSafely(job, id);
            barrier.await(id); // end
        }
    }

    private void runSafely(IntConsumer j, int id) {
        try {
            j.accept(id);
        } catch (Throwable t) {
            if (failure == null) failure = t;
        }
    }

    /** Record a failure of one step without leaving the job (the party keeps meeting the barrier). */
    void fail(Throwable t) {
        if (failure == null) failure = t;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        barrier.await(0); // the workers' start: they see closed and return
    }
}
