package dev.tc0.cli;

import dev.tc0.compile.lowering.ScalarLowering;
import picocli.CommandLine.Option;

/** The size limits of a model's compile (a picocli mixin): for the commands that compile models, also tc0 scale. */
final class CircuitLimitOptions {
    @Option(
            names = "--max-gates",
            paramLabel = "G",
            converter = CountConverter.class,
            description = "Stop a model's compile with a message past this many gates (default 20M).")
    Long maxGates;

    @Option(
            names = "--max-edges",
            paramLabel = "E",
            converter = CountConverter.class,
            description = "Stop a model's compile with a message past this many gate operands (default 100M).")
    Long maxEdges;

    boolean anyGiven() {
        return maxGates != null || maxEdges != null;
    }

    /** The limits with the given ones raised (or lowered). */
    ScalarLowering.Limits applyTo(ScalarLowering.Limits l) {
        if (maxGates != null) l = l.withMaxGates(positive("--max-gates", maxGates));
        if (maxEdges != null) l = l.withMaxEdges(positive("--max-edges", maxEdges));
        return l;
    }

    private static long positive(String option, long v) {
        if (v < 1) throw new UserException(option + " must be at least 1, got " + v);
        return v;
    }
}
