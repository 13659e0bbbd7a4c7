package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert a circuit between formats, chosen by each file's extension: AIGER (aag, aig), BLIF, "
                + "ISCAS bench, tc0 binary, the paper's prefix form (prefix), and Verilog (v, write only). The output "
                + "is written whole or not at all (a temporary beside it, renamed; a device is written through).")
final class ConvertCommand extends Base implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Circuit to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Circuit to write (format from its extension).")
    Path outFile;

    @Override
    public Integer call() {
        Circuit c = loadCircuit(in);
        Path dir = outFile.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new UserException(outFile + ": directory " + dir + " does not exist");
        saveCircuit(c, outFile);
        // A format may hold the circuit only as a larger one (AIGER: ANDs alone), so the sizes shown
        // are the written file's, read back (in the builder's normal form: duplicate gates merged);
        // Verilog, which tc0 does not read, says so.
        Circuit w = writtenOrNull(outFile);
        err().println("wrote " + outFile + ": "
                + (w == null ? "from a circuit of " + sizes(c) : sizes(w) + " (read back)"));
        err().flush();
        return Main.OK;
    }

    private static Circuit writtenOrNull(Path file) {
        var f = dev.tc0.circuit.io.Formats.byExtension(file);
        if (f.isEmpty() || !f.get().canRead() || !Files.isRegularFile(file)) return null;
        try {
            return dev.tc0.circuit.io.Formats.read(file, f.get());
        } catch (java.io.IOException e) {
            throw new UserException(file + ": written, but reading it back failed: " + Main.message(e), e);
        }
    }

    private static String sizes(Circuit c) {
        return c.numInputs() + " inputs, " + c.numOutputs() + " outputs, " + c.numGates() + " gates, depth "
                + c.depth();
    }
}
