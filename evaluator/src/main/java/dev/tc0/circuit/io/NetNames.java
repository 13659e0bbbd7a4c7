package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Names for the nets of a circuit in a format where every signal has a name (BLIF, bench,
 * Verilog). Inputs keep their names; a gate that drives an output positively takes that output's
 * name, so written files read naturally; other gates are {@code n<node>}. Every name is made legal
 * by the format's sanitizer and unique. An output that cannot be the net itself (a negated
 * literal, a constant, a second output of the same net under another name) needs a driver: a
 * buffer or inverter that the writer emits.
 */
final class NetNames {
    /** Per node: the net's name (null for the constant node and for unused names). */
    final String[] node;
    /** Per output: its name in the file. */
    final String[] output;
    /**
     * Per output: true when the output needs no driver of its own: it is the net
     * {@code node[lit >>> 1]} itself, or an earlier output of the same name and literal.
     */
    final boolean[] direct;

    private final Set<String> used = new HashSet<>();
    private final UnaryOperator<String> sanitize;

    /**
     * @param aliasOk whether an output may carry the very name of the net it equals when that
     *                net is an input or another output of the same name (BLIF, bench: yes;
     *                Verilog ports: no)
     */
    NetNames(Circuit c, UnaryOperator<String> sanitize, boolean aliasOk) {
        this.sanitize = sanitize;
        node = new String[c.numNodes()];
        output = new String[c.numOutputs()];
        direct = new boolean[c.numOutputs()];
        java.util.Map<String, Integer> driven = new java.util.HashMap<>(); // output name -> output with a driver
        for (int i = 0; i < c.numInputs(); i++) node[1 + i] = unique(sanitize.apply(c.inputName(i)));
        for (int o = 0; o < c.numOutputs(); o++) {
            int lit = c.output(o), v = lit >>> 1;
            String n = sanitize.apply(c.outputName(o));
            if ((lit & 1) == 0 && v > 0) {
                if (node[v] == null && c.isGateNode(v) && used.add(n)) {
                    node[v] = n;
                    output[o] = n;
                    direct[o] = true;
                    continue;
                }
                if (aliasOk && n.equals(node[v])) {
                    output[o] = n;
                    direct[o] = true;
                    continue;
                }
            }
            if (aliasOk) {
                Integer earlier = driven.get(n);
                if (earlier != null && c.output(earlier) == lit) { // the same output again: one driver serves both
                    output[o] = n;
                    direct[o] = true;
                    continue;
                }
            }
            output[o] = unique(n);
            if (aliasOk && output[o].equals(n)) driven.put(n, o);
        }
        for (int v = c.firstGateNode(); v < c.numNodes(); v++) {
            if (node[v] == null) node[v] = unique("n" + v);
        }
    }

    /** A new name built from {@code base} that no other net has. */
    String fresh(String base) {
        return unique(sanitize.apply(base));
    }

    private String unique(String base) {
        if (used.add(base)) return base;
        for (int k = 1; ; k++) {
            String s = base + "_" + k;
            if (used.add(s)) return s;
        }
    }

    /** Replaces every character {@code bad} rejects by '_'; empty names become "_". */
    static String replace(String s, java.util.function.IntPredicate bad) {
        if (s.isEmpty()) return "_";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (bad.test(ch)) {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, '_');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
