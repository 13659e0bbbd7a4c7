/**
 * Output files as the command line writes them: {@link dev.tc0.io.AtomicOutput} (temporary sibling
 * and rename, written through for devices and FIFOs, links followed, mode kept, nothing left by a
 * failure or a signal). A package of its own, depending on nothing of tc0, so that both
 * {@code dev.tc0.circuit.io} and {@code dev.tc0.eval} use it without either depending on the other.
 */
package dev.tc0.io;
