package dev.tc0.cli;

/**
 * What the running command is doing, in a few words ("reading c17.bench", "evaluating"), for the
 * one line tc0 prints when it runs out of memory: the user learns which step needed the heap.
 */
final class Activity {
    private static volatile String current = "running";

    private Activity() {}

    static void set(String what) {
        current = what;
    }

    static String current() {
        return current;
    }
}
