/**
 * Circuit families indexed by input size n ({@link dev.tc0.compile.family.CircuitFamily}), each
 * with a reference function written independently of the circuit code, listed by name in
 * {@link dev.tc0.compile.family.Families}. Three regimes: functions in TC0 built with constant
 * depth (majority, parity, counting, addition, iterated addition, multiplication, sorting,
 * Dyck-1), the same functions built sequentially (depth growing with n), and problems complete
 * for classes believed larger than TC0 (circuit value, formula evaluation, reachability, the S5
 * word problem), whose circuits must grow in depth unless those classes collapse.
 */
package dev.tc0.compile.family;
