package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import java.io.IOException;
import java.io.OutputStream;

/** The circuit file formats tc0 knows, with their extensions. */
public enum CircuitFormat {
    /** ASCII AIGER 1.9, combinational part. */
    AAG(".aag"),
    /** Binary AIGER 1.9, combinational part. */
    AIG(".aig"),
    /** Berkeley Logic Interchange Format, one combinational model of {@code .names} covers. */
    BLIF(".blif"),
    /** ISCAS-85 {@code .bench} netlists. */
    BENCH(".bench"),
    /** The paper's prefix serialization with unary pointers. */
    PREFIX(".prefix"),
    /** tc0's own binary format. */
    TC0(".tc0"),
    /** Structural Verilog, written only. */
    VERILOG(".v");

    private final String extension;

    CircuitFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public boolean canRead() {
        return this != VERILOG;
    }

    /** Parses a whole file's bytes; {@code file} names it in messages. */
    public Circuit read(byte[] data, String file) throws CircuitFormatException {
        return switch (this) {
            case AAG, AIG -> AigerReader.read(data, file);
            case BLIF -> BlifReader.read(data, file);
            case BENCH -> BenchReader.read(data, file);
            case PREFIX -> PrefixReader.read(data, file);
            case TC0 -> Tc0Binary.read(data, file);
            case VERILOG -> throw CircuitFormatException.of(file, "tc0 writes Verilog but does not read it");
        };
    }

    /**
     * Writes a circuit; {@code name} is the file's name, used in messages and as the model or
     * module name where the format has one.
     */
    public void write(Circuit c, OutputStream out, String name) throws IOException {
        switch (this) {
            case AAG -> AigerWriter.write(c, out, false);
            case AIG -> AigerWriter.write(c, out, true);
            case BLIF -> BlifWriter.write(c, out, stem(name));
            case BENCH -> BenchWriter.write(c, out);
            case PREFIX -> PrefixWriter.write(c, out, name);
            case TC0 -> Tc0Binary.write(c, out);
            case VERILOG -> VerilogWriter.write(c, out, stem(name));
        }
    }

    private static String stem(String name) {
        if (name == null) return "top";
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(slash + 1);
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base.isEmpty() ? "top" : base;
    }
}
