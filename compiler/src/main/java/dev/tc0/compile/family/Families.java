package dev.tc0.compile.family;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** All circuit families by name: constant-depth TC0 ones first, then sequential, then beyond. */
public final class Families {
    private static final Map<String, CircuitFamily> BY_NAME = index();

    private Families() {}

    private static Map<String, CircuitFamily> index() {
        List<CircuitFamily> all = new ArrayList<>();
        all.addAll(CountingFamilies.all());
        all.addAll(ArithmeticFamilies.all());
        all.addAll(SortingFamilies.all());
        all.add(CircuitValueFamily.FAMILY);
        all.add(FormulaFamily.FAMILY);
        all.add(ReachabilityFamily.FAMILY);
        all.add(S5Family.FAMILY);
        all.sort(java.util.Comparator.comparing(CircuitFamily::regime)); // stable: keeps the order within a regime
        Map<String, CircuitFamily> m = new LinkedHashMap<>();
        for (CircuitFamily f : all) {
            if (m.put(f.name(), f) != null) throw new IllegalStateException("two families named " + f.name());
        }
        return Collections.unmodifiableMap(m);
    }

    public static List<CircuitFamily> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The family with this name; throws {@link NoSuchElementException} listing the names otherwise. */
    public static CircuitFamily byName(String name) {
        CircuitFamily f = BY_NAME.get(name);
        if (f == null)
            throw new NoSuchElementException("no family '" + name + "'; known: " + String.join(", ", names()));
        return f;
    }
}
