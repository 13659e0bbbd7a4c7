package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.compile.family.CircuitFamily;
import dev.tc0.compile.family.Families;
import org.junit.jupiter.api.Test;

/** FamilySize's extrapolation against the sizes of real builds. */
class FamilySizeTest {
    /** From n = a and 2a to 4a (64 for most families), every family's nodes and edges within a factor 1.5. */
    @Test
    void extrapolationFollowsEveryFamilysRealGrowth() {
        for (CircuitFamily f : Families.all()) {
            int a = Math.max(f.minSize(), 16), b = 2 * a, n = 4 * a;
            Circuit ca = f.build(a), cb = f.build(b), cn = f.build(n);
            double nodes = FamilySize.extrapolate(ca.numNodes(), cb.numNodes(), b, n) / cn.numNodes();
            double edges = FamilySize.extrapolate(ca.numEdges(), cb.numEdges(), b, n) / cn.numEdges();
            assertTrue(
                    nodes > 1 / 1.5 && nodes < 1.5, f.name() + ": nodes estimated at " + nodes + " of the real count");
            assertTrue(
                    edges > 1 / 1.5 && edges < 1.5, f.name() + ": edges estimated at " + edges + " of the real count");
        }
    }
}
