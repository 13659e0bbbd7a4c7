/**
 * The circuit model: literals with free negation ({@link dev.tc0.circuit.Literal}), gate kinds
 * ({@link dev.tc0.circuit.GateKind}), the immutable {@link dev.tc0.circuit.Circuit} and its
 * {@link dev.tc0.circuit.CircuitBuilder} (structural hashing, constant folding, pruning), the
 * levelized {@link dev.tc0.circuit.Schedule} with its slot assignment, and
 * {@link dev.tc0.circuit.CircuitStats}.
 */
package dev.tc0.circuit;
