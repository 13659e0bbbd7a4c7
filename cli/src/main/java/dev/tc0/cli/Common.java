package dev.tc0.cli;

import picocli.CommandLine.Option;

/** Options every subcommand has. {@code --verbose} is read from the raw arguments by {@link Main}. */
final class Common {
    @Option(
            names = "--verbose",
            description = "Print stack traces with errors (eval: also where the run's time went, per phase).")
    boolean verbose;
}
