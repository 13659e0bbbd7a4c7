package dev.tc0.bench;

import com.sun.management.ThreadMXBean;
import dev.tc0.compile.lowering.CompiledModel;
import dev.tc0.compile.lowering.TransformerLowering;
import dev.tc0.compile.transformer.Transformer;
import dev.tc0.compile.transformer.models.ModelRegistry;
import java.lang.management.ManagementFactory;

/**
 * The compile-time harness of src/docs/lowering.md ("Compile time and allocation"): compiles a
 * model of the registry at n, default limits, and prints the compiling thread's CPU time and bytes
 * allocated beside the circuit's summary. Thread CPU time leaves out the collector's threads and
 * most of the machine's other load, but still moves with it, so compare builds in one session,
 * alternating.
 *
 * <pre>java --add-modules=jdk.incubator.vector -Xss4m -Xmx14g -cp benchmarks/target/benchmarks.jar \
 *     dev.tc0.bench.CompileTime sort_unique 64 [repeats]</pre>
 */
public final class CompileTime {
    private CompileTime() {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CompileTime MODEL N [REPEATS]; models: " + ModelRegistry.names());
            System.exit(2);
        }
        String name = args[0];
        int n, repeats;
        Transformer model;
        try {
            n = Integer.parseInt(args[1]);
            repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            model = ModelRegistry.family(name).at(n);
        } catch (IllegalArgumentException e) { // a bad number, model name or n
            System.err.println("CompileTime: " + e.getMessage());
            System.exit(2);
            return;
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            long cpu = threads.getCurrentThreadCpuTime(), wall = System.nanoTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            CompiledModel cm = TransformerLowering.compile(model, n);
            System.out.printf(
                    "%s | thread CPU %.1f s, wall %.1f s, allocated %.1f GB%n",
                    cm.summary(),
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                    (System.nanoTime() - wall) / 1e9,
                    (threads.getCurrentThreadAllocatedBytes() - allocated) / 1e9);
        }
    }
}
