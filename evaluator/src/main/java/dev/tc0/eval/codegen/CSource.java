package dev.tc0.eval.codegen;

import dev.tc0.eval.CounterProgram;
import dev.tc0.eval.EvalPlan;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits a plan's chunks as C for the native kernels ({@link NativeKernels}): one function per
 * chunk over one block of {@link #LANES} words (a GCC vector of 512 bits), every gate one
 * {@code const} value, and an exported {@code tc0_run(v, words, from, to)} that runs chunks
 * {@code from .. to} over a tile, each over all the tile's blocks before the next; the chunks
 * are spread over translation units that the C compiler builds side by side. The layout is the
 * interpreters' arena (slot {@code s} at {@code v[s * words ..]}), so sources, sinks and engines
 * stay as they are.
 *
 * <p>A chunk reads each slot it needs from the arena once, at its first use, and stores a value
 * where it is computed if a later chunk or an output reads it ({@link Chunks#stored}). Holding
 * the stores to the chunk's end (so the C compiler may schedule loads past them) ran no faster
 * and made gcc's instruction combiner take minutes on chunks with thousands of stores: a value
 * stored far from its definition is a pair it examines across everything in between.
 */
final class CSource {
    /** Words per block: one 512-bit vector; the C compiler splits it where the machine is narrower. */
    static final int LANES = 8;

    private final EvalPlan plan;
    private final Chunks chunks;
    private final StringBuilder out = new StringBuilder(1 << 16);
    // Per chunk: the C name holding each slot's current value, and each counter plane's.
    private final Int2ObjectOpenHashMap<String> slotName = new Int2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<String> planeName = new Int2ObjectOpenHashMap<>();
    private int temp;

    private final long unitCost;

    private CSource(Chunks chunks, long unitCost) {
        this.plan = chunks.plan;
        this.chunks = chunks;
        this.unitCost = unitCost;
    }

    /**
     * The source as translation units the C compiler builds one by one (in parallel where the
     * machine has cores, {@link NativeCompiler}): runs of consecutive chunks of about {@code
     * unitCost} each ({@link #UNIT_COST} by default), then a last unit with the chunk table and
     * {@code tc0_run}. The cut depends on the plan alone, so a library's name does not depend on
     * the machine's cores.
     */
    static List<String> of(Chunks chunks, long unitCost) {
        return new CSource(chunks, unitCost).emit();
    }

    /**
     * Cost units per translation unit, which closes at the first chunk that reaches it: two or
     * three default chunks, some 11,000 two-input gates, about 2 s and 120 MB of gcc.
     */
    static final long UNIT_COST = 2L * NativeKernels.DEFAULT_CHUNK_COST;

    private List<String> emit() {
        List<String> units = new ArrayList<>();
        int first = 0;
        long cost = 0;
        for (int c = 0; c < chunks.count(); c++) {
            for (int g = chunks.start[c]; g < chunks.start[c + 1]; g++) cost += Chunks.cost(plan, chunks.op[g], g);
            if (cost >= unitCost || c == chunks.count() - 1) {
                units.add(unit(first, c + 1));
                first = c + 1;
                cost = 0;
            }
        }
        units.add(table());
        return units;
    }

    /** What every unit starts with: the vector type and the chunk functions' linkage. */
    private void prologue(String what) {
        out.setLength(0);
        out.append("/* tc0 native kernels: ").append(what).append(" */\n");
        out.append("#include <stdint.h>\n");
        out.append("typedef uint64_t vw __attribute__((vector_size(")
                .append(LANES * 8)
                .append("), aligned(8), may_alias));\n");
        out.append("#define CHUNK __attribute__((visibility(\"hidden\"))) void\n");
    }

    private String unit(int from, int to) {
        prologue("chunks " + from + " to " + (to - 1) + " of " + chunks.count() + ", gates " + chunks.start[from]
                + " to " + (chunks.start[to] - 1));
        out.append("#define LD(s) (*(const vw *)(v + (long)(s) * w + b))\n");
        out.append("#define ST(s, x) (*(vw *)(v + (long)(s) * w + b) = (x))\n");
        out.append("#define ZERO ((vw){0})\n#define ONES (~ZERO)\n");
        for (int c = from; c < to; c++) chunk(c);
        return out.toString();
    }

    /**
     * The exported entry: chunks {@code from .. to} over a tile, each chunk over every block of
     * the tile before the next. A chunk's code (some 50-100 kB) then comes from L2 for each block,
     * where block by block over all chunks streamed the whole program from L3 or memory for every
     * 512 patterns: hyp (214 k gates, 3 MB of code) ran 1.1e12 gate-evals/s against 0.8e12 that
     * way, a 716 k-gate multiplier (12 MB) 3.2e11 against 1.3e11; the EPFL multiplier alike.
     */
    private String table() {
        prologue(chunks.start[chunks.count()] + " gates in " + chunks.count() + " chunks");
        for (int c = 0; c < chunks.count(); c++) out.append("CHUNK c").append(c).append("(uint64_t *, long, long);\n");
        out.append("typedef void (*chunk_fn)(uint64_t *, long, long);\n");
        out.append("static const chunk_fn CHUNKS[] = {");
        for (int c = 0; c < chunks.count(); c++)
            out.append(c % 16 == 0 ? "\n  " : " ").append('c').append(c).append(',');
        out.append("\n};\n");
        out.append("void tc0_run(uint64_t *v, long w, int from, int to) {\n")
                .append("  for (int c = from; c < to; c++)\n")
                .append("    for (long b = 0; b < w; b += ")
                .append(LANES)
                .append(") CHUNKS[c](v, w, b);\n}\n");
        return out.toString();
    }

    private void chunk(int c) {
        slotName.clear();
        planeName.clear();
        temp = 0;
        out.append("CHUNK c").append(c).append("(uint64_t *v, long w, long b) {\n");
        for (int g = chunks.start[c]; g < chunks.start[c + 1]; g++) gate(g, g > chunks.start[c]);
        out.append("}\n");
    }

    private void gate(int g, boolean afterFirst) {
        int e0 = plan.operandStart(g), e1 = plan.operandStart(g + 1);
        String value = switch (chunks.op[g]) {
            case AND2, AND3, AND4, AND_N -> and(e0, e1);
            case XOR2, XOR3, XOR4, XOR_N -> xor(e0, e1);
            case LOGIC2 -> plan.isXor(g) ? xor(e0, e1) : and(e0, e1);
            case MAJ3 -> maj3(e0);
            case COUNT -> count(g, e0, afterFirst && plan.sharesSum(g));
        };
        String name = "g" + g;
        define(name, value);
        int slot = plan.gateSlot(g);
        slotName.put(slot, name);
        if (chunks.stored[g])
            out.append("  ST(").append(slot).append(", ").append(name).append(");\n");
    }

    private void define(String name, String value) {
        out.append("  const vw ").append(name).append(" = ").append(value).append(";\n");
    }

    private String and(int e0, int e1) {
        if (e0 == e1) return "ONES";
        StringBuilder s = new StringBuilder();
        for (int e = e0; e < e1; e++) {
            if (e > e0) s.append(" & ");
            s.append(operand(plan.operandRef(e)));
        }
        return s.toString();
    }

    /** Negations of XOR operands fold into one complement. */
    private String xor(int e0, int e1) {
        if (e0 == e1) return "ZERO";
        StringBuilder s = new StringBuilder();
        int negations = 0;
        for (int e = e0; e < e1; e++) {
            int ref = plan.operandRef(e);
            negations ^= ref & 1;
            if (e > e0) s.append(" ^ ");
            s.append(value(ref >>> 1));
        }
        return negations != 0 ? "~(" + s + ")" : s.toString();
    }

    private String maj3(int e0) {
        String x = operand(plan.operandRef(e0)), y = operand(plan.operandRef(e0 + 1));
        String z = operand(plan.operandRef(e0 + 2));
        return "(" + x + " & " + y + ") | (" + z + " & (" + x + " | " + y + "))";
    }

    /**
     * The counter program's adders, each plane a fresh value (the program reuses its scratch
     * planes; the C compiler's registers do that here), then {@code sum >= threshold} column by
     * column. A gate that shares the previous gate's sum only compares.
     */
    private String count(int g, int e0, boolean reuseSum) {
        CounterProgram prog = plan.counter(g);
        if (!reuseSum) {
            planeName.clear();
            int[] code = prog.code();
            for (int pc = 0; pc < code.length; ) {
                if (code[pc] == CounterProgram.FA) {
                    String x = plane(code[pc + 1], e0), y = plane(code[pc + 2], e0), z = plane(code[pc + 3], e0);
                    String t = fresh("(" + x + ") ^ (" + y + ")");
                    planeName.put(code[pc + 4], fresh(t + " ^ (" + z + ")"));
                    planeName.put(code[pc + 5], fresh("((" + x + ") & (" + y + ")) | ((" + z + ") & " + t + ")"));
                    pc += 6;
                } else {
                    String x = plane(code[pc + 1], e0), y = plane(code[pc + 2], e0);
                    planeName.put(code[pc + 3], fresh("(" + x + ") ^ (" + y + ")"));
                    planeName.put(code[pc + 4], fresh("(" + x + ") & (" + y + ")"));
                    pc += 5;
                }
            }
        }
        return compare(prog, plan.countThreshold(g), e0);
    }

    /**
     * {@code ge = bit ? (ge & c) : (ge | c)} up the columns from {@code ge = ones}, skipping what
     * is constant, as the interpreter's compare does.
     */
    private String compare(CounterProgram prog, long threshold, int e0) {
        if (threshold <= 0 || threshold > prog.maxSum()) return threshold <= 0 ? "ONES" : "ZERO";
        String ge = "ONES";
        int[] column = prog.columns();
        for (int j = 0; j < column.length; j++) {
            boolean bit = (threshold >>> j & 1) != 0;
            if (column[j] == CounterProgram.ZERO) {
                if (bit) ge = "ZERO";
                continue;
            }
            if (bit ? ge.equals("ZERO") : ge.equals("ONES")) continue; // 0 & c and ones | c
            String c = plane(column[j], e0);
            if (ge.equals("ONES") || ge.equals("ZERO")) ge = fresh(c); // ones & c and 0 | c are c
            else ge = fresh(ge + (bit ? " & (" : " | (") + c + ")");
        }
        return ge;
    }

    /** A counter plane: scratch plane r >= 0, or the gate's operand ~r with its negation. */
    private String plane(int r, int e0) {
        return r >= 0 ? planeName.get(r) : operand(plan.operandRef(e0 + ~r));
    }

    private String fresh(String value) {
        String name = "t" + temp++;
        define(name, value);
        return name;
    }

    private String operand(int ref) {
        String v = value(ref >>> 1);
        return (ref & 1) != 0 ? "~" + v : v;
    }

    /** A slot's current value: its name in this chunk, or a first read from the arena. */
    private String value(int slot) {
        String name = slotName.get(slot);
        if (name == null) {
            name = "l" + slot;
            define(name, "LD(" + slot + ")");
            slotName.put(slot, name);
        }
        return name;
    }
}
