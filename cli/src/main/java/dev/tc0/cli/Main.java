package dev.tc0.cli;

import dev.tc0.eval.codegen.NativeCodeException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point of the {@code tc0} command. Exit codes: 0 success, 1 user error (one line on stderr;
 * the stack trace only with {@code --verbose}), 2 usage error, 141 standard output's reader went
 * away (as a process killed by SIGPIPE; nothing printed).
 */
public final class Main {
    public static final int OK = 0, USER_ERROR = 1, USAGE_ERROR = 2;

    /** True when running as the real process, so commands may use System.in/out as byte streams. */
    static volatile boolean systemStreams;

    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        systemStreams = true;
        // stdout through StandardStreams, not System.out: buffered, and its failures are not swallowed
        PrintWriter out =
                new PrintWriter(new java.io.OutputStreamWriter(StandardStreams.stdout(), System.out.charset()));
        PrintWriter err = new PrintWriter(System.err, true);
        int rc = run(args, out, err);
        out.flush();
        IOException failed = StandardStreams.stdoutFailure();
        if (failed instanceof StandardStreams.BrokenPipeException) {
            rc = StandardStreams.BROKEN_PIPE;
        } else if (failed != null && rc == OK) { // what was printed did not arrive
            err.println("tc0: " + failed.getMessage());
            rc = USER_ERROR;
        }
        err.flush();
        System.exit(rc);
    }

    /** Runs the command with the given streams and returns the exit code; for tests and embedding. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(args).setOut(out).setErr(err), args);
    }

    /**
     * Runs a configured command line. picocli hands only exceptions to the execution handler, so
     * an OutOfMemoryError, wherever a size slipped past the checks, is caught here: one line
     * naming the command and what it was doing, with the way to raise the heap; the trace only
     * with {@code --verbose}.
     */
    static int execute(CommandLine cl, String[] args) {
        Activity.set("running");
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            PrintWriter err = cl.getErr();
            CommandLine.ParseResult p = cl.getParseResult();
            while (p != null && p.subcommand() != null) p = p.subcommand();
            String name = p == null ? cl.getCommandName() : p.commandSpec().qualifiedName();
            err.println(name + ": out of memory while " + Activity.current()
                    + " (raise the heap, e.g. TC0_JAVA_OPTS=-Xmx16g)");
            if (Arrays.asList(args).contains("--verbose")) e.printStackTrace(err);
            err.flush();
            return USER_ERROR;
        }
    }

    /** The configured command line: case-insensitive enums, one-line errors with fixed exit codes. */
    public static CommandLine commandLine(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        System.setProperty("tc0.families", String.join(", ", FamilyCatalog.names()));
        CommandLine cl = new CommandLine(new Tc0Command());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> USER_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            if (verbose) ex.printStackTrace(err);
            err.flush();
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (brokenPipe(ex)) return StandardStreams.BROKEN_PIPE; // | head has all it wanted
            PrintWriter err = c.getErr();
            err.println(c.getCommandSpec().qualifiedName() + ": " + message(ex));
            if (verbose) ex.printStackTrace(err);
            err.flush();
            return USER_ERROR;
        });
        return cl;
    }

    private static boolean brokenPipe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StandardStreams.BrokenPipeException) return true;
        }
        return false;
    }

    /** One line that says what went wrong, in the user's terms. */
    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException u && u.getCause() != null) ex = u.getCause();
        if (ex instanceof NoSuchFileException e) return e.getFile() + ": no such file or directory";
        if (ex instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        if (ex instanceof FileAlreadyExistsException e) return e.getFile() + ": already exists";
        if (ex instanceof NotDirectoryException e) return e.getFile() + ": not a directory";
        if (ex instanceof DirectoryNotEmptyException e) return e.getFile() + ": directory not empty";
        if (ex instanceof FileSystemException e) {
            return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "file system error");
        }
        if (ex instanceof FileNotFoundException e) return e.getMessage();
        if (ex instanceof OutOfMemoryError) {
            return "out of memory while " + Activity.current()
                    + " (raise the heap, e.g. TC0_JAVA_OPTS=-Xmx16g, or stream the inputs from a file)";
        }
        String m = ex.getMessage();
        if (ex instanceof UserException
                || ex instanceof IOException
                || ex instanceof IllegalArgumentException
                || ex instanceof NativeCodeException
                || ex.getClass().getSimpleName().equals("CircuitFormatException")) {
            return m == null ? ex.getClass().getSimpleName() : firstLine(m);
        }
        return ex + " (internal error; run with --verbose for the stack trace)";
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
