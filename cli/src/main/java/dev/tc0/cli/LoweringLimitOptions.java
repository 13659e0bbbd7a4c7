package dev.tc0.cli;

import dev.tc0.compile.lowering.ScalarLowering;
import picocli.CommandLine.Option;

/** The size limits of a transformer compile, for the commands that compile models (a picocli mixin). */
final class LoweringLimitOptions {
    @Option(names = "--max-gates", paramLabel = "G", converter = CountConverter.class,
            description = "Stop a model's compile with a message past this many gates (default 20M).")
    Long maxGates;

    @Option(names = "--max-edges", paramLabel = "E", converter = CountConverter.class,
            description = "Stop a model's compile with a message past this many gate operands (default 20M; sort_unique at n = 64 needs 82M).")
    Long maxEdges;

    ScalarLowering.Limits limits() {
        ScalarLowering.Limits l = ScalarLowering.Limits.DEFAULT;
        if (maxGates != null) l = l.withMaxGates(positive("--max-gates", maxGates));
        if (maxEdges != null) l = l.withMaxEdges(positive("--max-edges", maxEdges));
        return l;
    }

    private static long positive(String option, long v) {
        if (v < 1) throw new UserException(option + " must be at least 1, got " + v);
        return v;
    }
}
