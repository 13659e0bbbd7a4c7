package dev.tc0.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command in-process with captured stdout and stderr. */
final class Cli {
    record Result(int code, String out, String err) {
        /** stderr without the JVM's notices, trimmed. */
        String errLine() {
            return err.strip();
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true);
                PrintWriter e = new PrintWriter(err, true)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(), err.toString());
    }
}
