/**
 * Reading and writing circuit files: AIGER 1.9 ({@code .aag}, {@code .aig}), BLIF, ISCAS
 * {@code .bench}, the paper's prefix serialization ({@code .prefix}), tc0's own binary format
 * ({@code .tc0}), and structural Verilog (written only). {@link dev.tc0.circuit.io.Formats} picks
 * the format from magic bytes or the extension and writes through a temporary file.
 *
 * <p>Every reader takes a whole file's bytes and either returns a {@link dev.tc0.circuit.Circuit}
 * or throws a {@link dev.tc0.circuit.io.CircuitFormatException} naming the file, the line or byte
 * offset and what was expected; no other exception escapes, and no allocation trusts a count the
 * file's size cannot back. Text formats whose definitions may come in any order are sorted
 * iteratively, so circuits thousands of levels deep are fine. Writers of formats without threshold
 * gates lower them first with {@link dev.tc0.circuit.ThresholdDecomposition}. The formats are
 * described in {@code src/docs/formats.md}.
 */
package dev.tc0.circuit.io;
