package dev.tc0.compile.lowering;

import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A development aid, run only with -Dlower.models=a,b -Dlower.ns=4,8: compiles, prints the component tables, checks 300 inputs. */
class LoweringExploreTest {
    @Test
    @EnabledIfSystemProperty(named = "lower.models", matches = ".+")
    void explore() {
        String only = System.getProperty("lower.models", "majority,dyck1,length,hist,reverse,sort_unique,frac_prevs");
        String ns = System.getProperty("lower.ns", "2,4,8");
        for (String name : only.split(",")) {
            Transformer m = ModelRegistry.get(name);
            for (String nn : ns.split(",")) {
                int n = Integer.parseInt(nn);
                if (n > m.config().maxSeqLen()) continue;
                try {
                    CompiledModel cm = TransformerLowering.compile(
                            m,
                            n,
                            Boolean.getBoolean("lower.plain")
                                    ? TransformerLowering.Options.DEFAULT
                                    : TransformerLowering.Options.DEFAULT.withStates());
                    System.out.println(cm.summary());
                    System.out.print(cm.componentTable());
                    Verification.Verdict v = Verification.check(cm, LoweringCheck.inputs(m.config(), n, 2000, 300, 1));
                    System.out.println(
                            v.agrees()
                                    ? "  OK on " + v.agreed() + " inputs"
                                    : name + " n=" + n + ": MISMATCH " + v.mismatch());
                } catch (LoweringLimitException e) {
                    System.out.println(name + " n=" + n + ": LIMIT " + e.getMessage());
                }
            }
        }
    }
}
