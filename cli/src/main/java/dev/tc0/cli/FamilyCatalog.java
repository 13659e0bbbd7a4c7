package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.family.Families;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The circuit families the command line knows by name: the compiler's registry
 * ({@link Families}), with failures turned into one-line user errors.
 */
final class FamilyCatalog {
    /** The families {@code demo} runs when none are named: TC0 constructions, each next to nothing slow. */
    static final List<String> DEMO = List.of("majority", "parity", "iterated-add", "sort", "dyck1");

    private FamilyCatalog() {}

    static List<String> names() {
        return Families.names();
    }

    static CircuitFamily get(String name) {
        try {
            return Families.byName(name);
        } catch (NoSuchElementException e) {
            throw new UserException("unknown family '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
    }

    /** Null when the family is defined at n, otherwise why not. */
    static String checkN(CircuitFamily f, int n) {
        return n < f.minSize() ? f.name() + " needs n >= " + f.minSize() + ", not " + n : null;
    }

    /** Builds family f at n, with a one-line error when n does not suit it. */
    static Circuit build(CircuitFamily f, int n) {
        String why = checkN(f, n);
        if (why != null) throw new UserException(why);
        FamilySize.check(f, n);
        Activity.set("building " + f.name() + " at n = " + n);
        try {
            return f.build(n);
        } catch (IllegalArgumentException e) {
            throw new UserException(f.name() + " at n=" + n + ": " + e.getMessage(), e);
        }
    }

    static int ones(boolean[] x, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) if (x[i]) k++;
        return k;
    }
}
