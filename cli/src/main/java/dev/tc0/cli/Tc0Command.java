package dev.tc0.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code tc0} command: only subcommands. */
@Command(
        name = "tc0",
        mixinStandardHelpOptions = true,
        version = "tc0 0.1.0",
        description = "Compile computations into constant-depth threshold circuits (TC0) and evaluate circuits "
                + "over huge input batches.",
        subcommands = {
            EvalCommand.class,
            InfoCommand.class,
            ConvertCommand.class,
            CompileCommand.class,
            VerifyCommand.class,
            AdviceCommand.class,
            ScaleCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 error (one line on stderr; --verbose adds the stack trace), 2 usage error.",
            "Start with: tc0 demo"
        })
final class Tc0Command implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
