package dev.tc0.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LevelTeamTest {
    /** No party leaves a phase before every party has arrived in it, over many phases. */
    @Test
    void barrierHoldsEveryPartyUntilAllArrive() {
        for (int parties : new int[] {1, 2, 3, 5}) {
            int phases = 5_000;
            AtomicIntegerArray arrived = new AtomicIntegerArray(phases);
            AtomicReference<String> wrong = new AtomicReference<>();
            try (LevelTeam team = new LevelTeam(parties)) {
                team.run(id -> {
                    for (int ph = 0; ph < phases; ph++) {
                        arrived.incrementAndGet(ph);
                        team.sync(id);
                        int seen = arrived.get(ph);
                        if (seen != parties) wrong.compareAndSet(null, "phase " + ph + ": " + seen + " of " + parties);
                        if (ph + 1 < phases && arrived.get(ph + 1) > parties)
                            wrong.compareAndSet(null, "phase " + (ph + 1) + " overfull");
                    }
                });
            }
            assertEquals(null, wrong.get(), parties + " parties");
            for (int ph = 0; ph < phases; ph++) assertEquals(parties, arrived.get(ph));
        }
    }

    /** A step that throws in one party is rethrown to the caller; the team runs the next job. */
    @Test
    void aFailingStepIsRethrownAndTheTeamGoesOn() {
        try (LevelTeam team = new LevelTeam(3)) {
            IllegalStateException boom = new IllegalStateException("step 2 of party 1");
            IllegalStateException thrown = assertThrows(
                    IllegalStateException.class,
                    () -> team.run(id -> {
                        for (int step = 0; step < 5; step++) {
                            try {
                                if (id == 1 && step == 2) throw boom;
                            } catch (Throwable t) {
                                team.fail(t);
                            }
                            team.sync(id);
                        }
                    }));
            assertSame(boom, thrown);
            AtomicIntegerArray ran = new AtomicIntegerArray(3);
            team.run(id -> ran.incrementAndGet(id));
            for (int id = 0; id < 3; id++) assertEquals(1, ran.get(id));
        }
    }

    /** Parking and waking: a party that arrives long after the others still releases them. */
    @Test
    void latePartiesWakeParkedOnes() throws InterruptedException {
        try (LevelTeam team = new LevelTeam(2)) {
            AtomicIntegerArray order = new AtomicIntegerArray(2);
            team.run(id -> {
                if (id == 1) {
                    try {
                        Thread.sleep(50); // party 0 outspins SpinBarrier.SPINS and parks
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    order.set(1, 1);
                }
                team.sync(id);
                if (id == 0) order.set(0, order.get(1) + 1);
            });
            assertEquals(2, order.get(0));
        }
    }
}
