package dev.tc0.circuit.io;

import static dev.tc0.circuit.io.CircuitFormatException.quote;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The signals and definitions of a netlist whose signals are named and may be used before they are
 * defined (BLIF, bench). A reader records inputs, outputs and definitions as it meets them, each
 * with its line; {@link #build} then checks that every signal read is defined exactly once, sorts
 * the definitions, rejects cycles, and builds the circuit with a format-specific gate function.
 */
final class NamedNetlist {
    private static final int UNDEFINED = -1;
    private static final int INPUT = -2;

    /** Turns one definition into a literal, given the literals of its fan-in. */
    interface GateFunction {
        int build(CircuitBuilder b, int definition, int[] faninLiterals) throws CircuitFormatException;
    }

    private final String file;
    private final String gateWord; // "gate" for bench, ".names" for BLIF: used in messages
    private final Object2IntOpenCustomHashMap<String> ids =
            new Object2IntOpenCustomHashMap<>(NameHash.INSTANCE); // names from the file: see NameHash
    private final List<String> names = new ArrayList<>();
    private final IntArrayList defOf = new IntArrayList();
    private final IntArrayList inputs = new IntArrayList();
    private final IntArrayList inputLines = new IntArrayList();
    private final IntArrayList outputs = new IntArrayList();
    private final IntArrayList outputLines = new IntArrayList();
    private final IntArrayList defSignal = new IntArrayList();
    private final IntArrayList defLine = new IntArrayList();
    private final IntArrayList faninStart = new IntArrayList(new int[] {0});
    private final IntArrayList fanin = new IntArrayList();

    NamedNetlist(String file, String gateWord) {
        this.file = file;
        this.gateWord = gateWord;
        ids.defaultReturnValue(-1);
    }

    int signal(String name) {
        int id = ids.getInt(name);
        if (id < 0) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
            defOf.add(UNDEFINED);
        }
        return id;
    }

    String name(int signal) {
        return names.get(signal);
    }

    int numDefinitions() {
        return defSignal.size();
    }

    void addInput(String name, int line) throws CircuitFormatException {
        int s = signal(name);
        int d = defOf.getInt(s);
        if (d == INPUT) {
            throw CircuitFormatException.atLine(
                    file,
                    line,
                    "input " + quote(name) + " declared twice (first at line " + inputLines.getInt(inputs.indexOf(s))
                            + ")");
        }
        if (d >= 0) {
            throw CircuitFormatException.atLine(
                    file,
                    line,
                    "input " + quote(name) + " is also defined by the " + gateWord + " at line " + defLine.getInt(d));
        }
        defOf.set(s, INPUT);
        inputs.add(s);
        inputLines.add(line);
    }

    void addOutput(String name, int line) {
        outputs.add(signal(name));
        outputLines.add(line);
    }

    /** Starts a definition of {@code name}; add its fan-in with {@link #addFanin}. */
    int addDefinition(String name, int line) throws CircuitFormatException {
        int s = signal(name);
        int d = defOf.getInt(s);
        if (d == INPUT) {
            throw CircuitFormatException.atLine(
                    file, line, "signal " + quote(name) + " is an input and cannot be defined by a " + gateWord);
        }
        if (d >= 0) {
            throw CircuitFormatException.atLine(
                    file, line, "signal " + quote(name) + " defined twice (first at line " + defLine.getInt(d) + ")");
        }
        int def = defSignal.size();
        defOf.set(s, def);
        defSignal.add(s);
        defLine.add(line);
        faninStart.add(fanin.size());
        return def;
    }

    /** Adds a fan-in signal to the last definition. */
    void addFanin(String name) {
        fanin.add(signal(name));
        faninStart.set(faninStart.size() - 1, fanin.size());
    }

    int fanIn(int def) {
        return faninStart.getInt(def + 1) - faninStart.getInt(def);
    }

    int line(int def) {
        return defLine.getInt(def);
    }

    String definedName(int def) {
        return names.get(defSignal.getInt(def));
    }

    Circuit build(GateFunction f) throws CircuitFormatException {
        int defs = defSignal.size();
        int[] st = faninStart.toIntArray();
        int[] fi = fanin.toIntArray();
        int[] defOfArr = defOf.toIntArray();
        for (int d = 0; d < defs; d++) {
            for (int e = st[d]; e < st[d + 1]; e++) {
                if (defOfArr[fi[e]] == UNDEFINED) {
                    throw CircuitFormatException.atLine(
                            file,
                            defLine.getInt(d),
                            "undefined signal " + quote(names.get(fi[e])) + " in " + gateWord + " "
                                    + names.get(defSignal.getInt(d)));
                }
            }
        }
        for (int o = 0; o < outputs.size(); o++) {
            if (defOfArr[outputs.getInt(o)] == UNDEFINED) {
                throw CircuitFormatException.atLine(
                        file,
                        outputLines.getInt(o),
                        "output " + quote(names.get(outputs.getInt(o))) + " is never defined");
            }
        }
        int[] order;
        try {
            order = TopoSort.order(defs, st, fi, defOfArr);
        } catch (TopoSort.CycleException e) {
            throw CircuitFormatException.atLine(
                    file,
                    defLine.getInt(e.definition),
                    "combinational cycle through signal " + quote(names.get(defSignal.getInt(e.definition))));
        }
        CircuitBuilder b = new CircuitBuilder();
        int[] lit = new int[names.size()];
        for (int i = 0; i < inputs.size(); i++) lit[inputs.getInt(i)] = b.input(names.get(inputs.getInt(i)));
        for (int d : order) {
            int[] in = new int[st[d + 1] - st[d]];
            for (int e = st[d]; e < st[d + 1]; e++) in[e - st[d]] = lit[fi[e]];
            try {
                lit[defSignal.getInt(d)] = f.build(b, d, in);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw CircuitFormatException.atLine(file, defLine.getInt(d), e.getMessage());
            }
        }
        for (int o = 0; o < outputs.size(); o++) b.output(names.get(outputs.getInt(o)), lit[outputs.getInt(o)]);
        return b.build();
    }
}
