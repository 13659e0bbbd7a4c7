package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.io.CircuitFormatException;
import dev.tc0.circuit.io.Formats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: its streams, circuit loading, number formatting. */
abstract class Base {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Standard output as bytes: the process's own stream, or one that writes into {@link #out()}. */
    OutputStream stdoutBytes() {
        if (Main.systemStreams) return StandardStreams.stdout();
        PrintWriter w = out();
        return new OutputStream() {
            @Override
            public void write(int b) {
                w.write(b & 0xff);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                char[] c = new char[len];
                for (int i = 0; i < len; i++) c[i] = (char) (b[off + i] & 0xff);
                w.write(c);
            }

            @Override
            public void flush() {
                w.flush();
            }
        };
    }

    /**
     * Reads a circuit file in any supported format, turning failures into one-line user errors. A
     * circuit without outputs computes nothing, most likely an empty or truncated file: a one-line
     * warning on stderr says so (as ABC warns), and commands that need outputs refuse it.
     */
    Circuit loadCircuit(Path file) {
        Circuit c = readCircuit(file);
        if (c.numOutputs() == 0) {
            err().println("warning: " + noOutputs(file, c));
            err().flush();
        }
        return c;
    }

    /** For commands that need outputs: a circuit without any is refused in one line saying why ({@code what}). */
    Circuit loadCircuitWithOutputs(Path file, String what) {
        Circuit c = readCircuit(file);
        if (c.numOutputs() == 0) throw new UserException(noOutputs(file, c) + ", " + what);
        return c;
    }

    private static String noOutputs(Path file, Circuit c) {
        return file + ": the circuit has no outputs"
                + (c.numInputs() == 0 && c.numGates() == 0 ? " (nor inputs nor gates: is the file empty?)" : "");
    }

    private static Circuit readCircuit(Path file) {
        if (!Files.exists(file)) throw new UserException(file + ": no such file");
        if (Files.isDirectory(file)) throw new UserException(file + ": is a directory, not a circuit file");
        if (!Files.isReadable(file)) throw new UserException(file + ": not readable (permission denied)");
        Activity.set("reading " + file);
        try {
            return Formats.read(file);
        } catch (CircuitFormatException e) {
            throw new UserException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read: " + Main.message(e), e);
        }
    }

    /** Writes a circuit (one {@code AtomicOutput}: complete or not at all). */
    static void saveCircuit(Circuit c, Path file) {
        try {
            Formats.write(c, file);
        } catch (CircuitFormatException e) {
            throw new UserException(e.getMessage(), e);
        } catch (IOException e) {
            String why = Main.message(e), named = file + ": "; // AtomicOutput's messages name the file already
            throw new UserException(
                    file + ": cannot write: " + (why.startsWith(named) ? why.substring(named.length()) : why), e);
        }
    }

    /** A rate like {@code 3.12e+11}. */
    static String sci(double x) {
        return String.format(java.util.Locale.ROOT, "%.2e", x);
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos * 1e-9);
    }
}
