package dev.tc0.circuit.io;

/**
 * TEMPORARY SHIM in module cli until the formats module lands on main; delete after merging.
 * A circuit file that cannot be read or written: the message is one line naming file:line.
 */
public class CircuitFormatException extends Exception {
    public CircuitFormatException(String message) { super(message); }

    public CircuitFormatException(String message, Throwable cause) { super(message, cause); }
}
