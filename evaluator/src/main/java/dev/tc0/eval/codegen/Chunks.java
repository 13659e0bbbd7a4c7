package dev.tc0.eval.codegen;

import dev.tc0.eval.CounterProgram;
import dev.tc0.eval.EvalPlan;
import dev.tc0.eval.PlanOp;
import java.util.Arrays;

/**
 * A plan's gates cut into chunks, each one generated method: consecutive plan gates whose code
 * stays under {@link #budget} bytes, so C2 compiles it (HotSpot leaves methods over 8000 bytes of
 * bytecode, {@code HugeMethodLimit}, to the interpreter). A levelized plan is cut at every level
 * boundary too, so the level engine can hand whole chunks to its tasks; a depth-first plan is one
 * pseudo-level and is cut by size alone.
 *
 * <p>Within a chunk a value lives in a local; a value read by a later chunk, or an output, is also
 * stored into its arena slot ({@link #stored}). A single gate too large for any method (a wide
 * THRESHOLD gate) is a chunk of its own that the interpreter runs ({@link #interpreted}).
 */
final class Chunks {
    /** Bytecode bytes a chunk's gates may take: below 8000 with room for the loop around them. */
    static final int DEFAULT_BUDGET = 7000;

    final EvalPlan plan;
    final int budget;
    /** Plan gates of chunk c are {@code start[c] .. start[c + 1]}. */
    final int[] start;
    /** Level of each chunk (1 for a depth-first plan). */
    final int[] level;

    final boolean[] interpreted;
    /** Per plan gate: its operation. */
    final PlanOp[] op;
    /** Per plan gate: a later chunk or an output reads its value, so it goes to the arena. */
    final boolean[] stored;

    private Chunks(EvalPlan plan, int budget, int[] start, int[] level, boolean[] interpreted, PlanOp[] op) {
        this.plan = plan;
        this.budget = budget;
        this.start = start;
        this.level = level;
        this.interpreted = interpreted;
        this.op = op;
        this.stored = storedGates();
    }

    int count() {
        return level.length;
    }

    /** The chunk holding plan gate {@code g} (binary search over the starts). */
    int chunkOf(int g) {
        int c = Arrays.binarySearch(start, 0, count(), g);
        return c >= 0 ? c : -c - 2;
    }

    /** The first chunk start at or after {@code g}: chunks never span levels, so it is in g's level or ends it. */
    int cut(int g) {
        int c = chunkOf(g);
        return start[c] == g ? g : start[c + 1];
    }

    /** The chunk that starts at plan gate {@code g}, or {@link #count} at the plan's end. */
    int chunkAt(int g) {
        if (g >= start[count()]) return count();
        int c = chunkOf(g);
        if (start[c] != g) throw new IllegalArgumentException("gate " + g + " is not a chunk start");
        return c;
    }

    static Chunks of(EvalPlan plan, int budget) {
        int gates = plan.runStart(plan.numRuns());
        PlanOp[] op = new PlanOp[gates];
        int[] gateLevel = new int[gates];
        int levels = plan.isSequential() ? 1 : plan.depth();
        for (int l = 1; l <= levels; l++) {
            int r1 = l < levels ? plan.levelRunStart(l + 1) : plan.numRuns();
            for (int r = plan.levelRunStart(l); r < r1; r++) {
                for (int g = plan.runStart(r); g < plan.runStart(r + 1); g++) {
                    op[g] = plan.runOp(r);
                    gateLevel[g] = l;
                }
            }
        }
        var starts = new it.unimi.dsi.fastutil.ints.IntArrayList();
        var levelOf = new it.unimi.dsi.fastutil.ints.IntArrayList();
        var interp = new it.unimi.dsi.fastutil.booleans.BooleanArrayList();
        int used = budget; // forces a new chunk at the first gate
        for (int g = 0; g < gates; g++) {
            int cost = cost(plan, op[g], g);
            boolean alone = cost > budget;
            boolean newLevel = g > 0 && gateLevel[g] != gateLevel[g - 1];
            boolean afterAlone = !interp.isEmpty() && interp.getBoolean(interp.size() - 1);
            if (alone || newLevel || afterAlone || used + cost > budget) {
                starts.add(g);
                levelOf.add(gateLevel[g]);
                interp.add(alone);
                used = 0;
            }
            used += cost;
        }
        starts.add(gates);
        return new Chunks(plan, budget, starts.toIntArray(), levelOf.toIntArray(), interp.toBooleanArray(), op);
    }

    /**
     * An upper bound on the bytecode of one gate, from {@link ChunkEmitter}'s instruction
     * choices: an operand is at most 16 bytes (a first read from the arena kept in a wide local,
     * and a negation), a result at most 15 (a wide local and the arena store).
     */
    static int cost(EvalPlan plan, PlanOp op, int g) {
        int k = plan.operandStart(g + 1) - plan.operandStart(g);
        return switch (op) {
            case MAJ3 -> 100;
            case COUNT -> {
                CounterProgram prog = plan.counter(g);
                int[] code = prog.code();
                int c = 0;
                for (int pc = 0; pc < code.length; pc += code[pc] == CounterProgram.FA ? 6 : 5) {
                    c += code[pc] == CounterProgram.FA ? 110 : 70;
                }
                yield c + 25 * prog.columns().length + 20;
            }
            default -> 17 * k + 20;
        };
    }

    /** Marks the gates whose values cross a chunk boundary or are outputs. */
    private boolean[] storedGates() {
        int gates = op.length;
        boolean[] out = new boolean[gates];
        // The plan gate whose value a slot holds now, -1 for an input's.
        int[] writer = new int[maxSlot() + 1];
        Arrays.fill(writer, -1);
        int c = 0;
        for (int g = 0; g < gates; g++) {
            while (g >= start[c + 1]) c++;
            for (int e = plan.operandStart(g); e < plan.operandStart(g + 1); e++) {
                int w = writer[plan.operandRef(e) >>> 1];
                if (w >= 0 && w < start[c]) out[w] = true;
            }
            writer[plan.gateSlot(g)] = g;
        }
        for (int o = 0; o < plan.numOutputs(); o++) {
            int ref = plan.outputRef(o);
            if (ref >= 0 && writer[ref >>> 1] >= 0) out[writer[ref >>> 1]] = true;
        }
        return out;
    }

    private int maxSlot() {
        return Math.max(0, plan.numSlots() - 1);
    }
}
