package dev.tc0.cli;

import picocli.CommandLine.Option;

/** Options every subcommand has. {@code --verbose} is read from the raw arguments by {@link Main}. */
final class Common {
    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;
}
