package dev.tc0.eval;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.GateKind;
import dev.tc0.circuit.Schedule;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A circuit flattened for evaluation: gates ordered by level, each level cut into runs of one
 * operation, operands in one int array (CSR), and every value in a slot that is reused once the
 * level of its last reader is done ({@link Schedule}).
 *
 * <p>Operations ({@link PlanOp}): AND and XOR of fan-in 2, 3, 4 and any ({@code *_N}), majority of
 * three, and COUNT (THRESHOLD and WEIGHTED through a {@link CounterProgram}). An OR gate is stored
 * as the AND of its complemented operands, so its slot holds the complement of its value; readers
 * flip the operand's negation bit. Operand references are {@code slot << 1 | negate}.
 */
public final class EvalPlan {
    final int numInputs;
    final int numOutputs;
    final int numSlots;
    final int depth;
    final long numGates;
    final long numEdges;
    /** Slot of each input, or -1 when no gate or output reads it. */
    final int[] inputSlot;
    /** Per output: {@code slot << 1 | negate}, or -2 for constant false and -1 for true. */
    final int[] outputRef;

    /** Runs of level L (1-based) are {@code levelRun[L-1] .. levelRun[L]}. */
    final int[] levelRun;

    final PlanOp[] runOp;
    /** Plan gates of run r are {@code runGate[r] .. runGate[r+1]}. */
    final int[] runGate;

    final int[] gateSlot;
    /** The circuit node each plan gate computes (for diagnostics and the invariant tests). */
    final int[] gateNode;

    final int[] gateOpStart;
    final int[] opRef;
    /** COUNT gates: the threshold on the non-negative bit-sliced sum, and the program index. */
    final long[] countThreshold;

    final int[] countProgram;
    /** COUNT gate p has the same operands and program as gate p - 1 of its run: it reuses the sum. */
    final boolean[] sharesSum;
    /** LOGIC2 gate p is an XOR (else an AND). */
    final boolean[] isXor;

    final CounterProgram[] programs;
    /** Most scratch planes any COUNT program needs. */
    final int maxScratch;
    /** True when gates must run in order (depth-first plan): one pseudo-level. */
    final boolean sequential;

    private final Circuit circuit;
    private volatile EvalPlan depthFirst;
    /** What kernel sets derived from this plan (generated code), kept as long as the plan. */
    private final ConcurrentHashMap<Object, Object> derived = new ConcurrentHashMap<>();

    private EvalPlan(Builder b) {
        this.numInputs = b.c.numInputs();
        this.numOutputs = b.c.numOutputs();
        this.numSlots = b.schedule.numSlots;
        this.sequential = b.schedule.sequential;
        this.circuit = b.c;
        this.depth = b.schedule.depth();
        this.numGates = b.c.numGates();
        this.numEdges = b.c.numEdges();
        this.inputSlot = b.inputSlot;
        this.outputRef = b.outputRef;
        this.levelRun = b.levelRun.toIntArray();
        this.runOp = b.runOp.toArray(PlanOp[]::new);
        this.runGate = b.runGate.toIntArray();
        this.gateSlot = b.gateSlot;
        this.gateNode = b.gateNode;
        this.gateOpStart = b.gateOpStart;
        this.opRef = b.opRef;
        this.countThreshold = b.countThreshold;
        this.countProgram = b.countProgram;
        this.sharesSum = b.sharesSum;
        this.isXor = b.isXor;
        this.programs = b.programs.toArray(CounterProgram[]::new);
        int ms = 0;
        for (CounterProgram p : programs) ms = Math.max(ms, p.scratch);
        this.maxScratch = ms;
    }

    /**
     * The levelized plan; {@link #depthFirst()} gives the same circuit in depth-first order. The
     * circuit is taken as it is; no gate may read the constant node (fold such circuits where they
     * are made, with {@link dev.tc0.circuit.CircuitBuilder#foldConstants}).
     */
    public static EvalPlan of(Circuit c) {
        if (c.hasConstantOperands()) {
            throw new IllegalArgumentException("a gate reads the constant node: fold constants before planning"
                    + " (CircuitBuilder.foldConstants)");
        }
        return new Builder(c, Schedule.of(c)).build();
    }

    /**
     * The depth-first plan of the same circuit (built on first use): for running a whole tile on
     * one thread, where it keeps operands in L1 (see {@link Schedule#depthFirst}). It has a
     * single level, so it cannot serve the level-parallel engine.
     */
    public EvalPlan depthFirst() {
        if (sequential) return this;
        EvalPlan d = depthFirst;
        if (d == null) {
            d = new Builder(circuit, Schedule.depthFirst(circuit)).build();
            depthFirst = d;
        }
        return d;
    }

    /**
     * What a kernel set derives from this plan under {@code key} (its generated code for one tile
     * width), made by {@code make} on first use and dropped with the plan: a cache keyed by plans
     * elsewhere would keep every plan alive through the values that refer to it.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<Object, T> make) {
        return (T) derived.computeIfAbsent(key, make);
    }

    public boolean isSequential() {
        return sequential;
    }

    public Circuit circuit() {
        return circuit;
    }

    public int numInputs() {
        return numInputs;
    }

    public int numOutputs() {
        return numOutputs;
    }

    public int numSlots() {
        return numSlots;
    }

    public int depth() {
        return depth;
    }

    public long numGates() {
        return numGates;
    }

    public long numEdges() {
        return numEdges;
    }

    public int numRuns() {
        return runOp.length;
    }

    /** Gates in level {@code l} (1-based). */
    public int levelGates(int l) {
        return runGate[levelRun[l]] - runGate[levelRun[l - 1]];
    }

    /** Operand edges in level {@code l}: the work measure used to decide whether to fork. */
    long levelEdges(int l) {
        return gateOpStart[runGate[levelRun[l]]] - gateOpStart[runGate[levelRun[l - 1]]];
    }

    // A read-only view of the flattened plan for kernel sets outside this package (the code
    // generator): one value per call, so the arrays stay the plan's own.

    /** Operation of run {@code r}; its plan gates are {@code runStart(r) .. runStart(r + 1)}. */
    public PlanOp runOp(int r) {
        return runOp[r];
    }

    public int runStart(int r) {
        return runGate[r];
    }

    /** First run of level {@code l} (1-based); level l's runs are {@code levelRunStart(l) .. levelRunStart(l + 1)}. */
    public int levelRunStart(int l) {
        return levelRun[l - 1];
    }

    /** Slot plan gate {@code p} writes. */
    public int gateSlot(int p) {
        return gateSlot[p];
    }

    /** Operand references of plan gate {@code p} are {@code operandRef(operandStart(p) .. operandStart(p + 1))}. */
    public int operandStart(int p) {
        return gateOpStart[p];
    }

    /** {@code slot << 1 | negate}. */
    public int operandRef(int e) {
        return opRef[e];
    }

    /** LOGIC2 gate {@code p} is an XOR (else an AND). */
    public boolean isXor(int p) {
        return isXor[p];
    }

    /** COUNT gate {@code p} sums the same operands with the same program as gate {@code p - 1}. */
    public boolean sharesSum(int p) {
        return sharesSum[p];
    }

    /** COUNT gate {@code p} is true when its counter's sum is at least this. */
    public long countThreshold(int p) {
        return countThreshold[p];
    }

    /** The adder program of COUNT gate {@code p}; its operand {@code i} is plane {@code ~i}. */
    public CounterProgram counter(int p) {
        return programs[countProgram[p]];
    }

    /** Slot of input {@code i}, or -1 when nothing reads it. */
    public int inputSlot(int i) {
        return inputSlot[i];
    }

    /** Output {@code o}: {@code slot << 1 | negate}, or -2 for constant false and -1 for true. */
    public int outputRef(int o) {
        return outputRef[o];
    }

    /** A short description of the runs by operation, for diagnostics. */
    public String describe() {
        int[] perOp = new int[PlanOp.values().length];
        for (int r = 0; r < runOp.length; r++) perOp[runOp[r].ordinal()] += runGate[r + 1] - runGate[r];
        StringBuilder s = new StringBuilder("plan: " + numGates + " gates in " + runOp.length + " runs over " + depth
                + " levels, " + numSlots + " slots;");
        for (PlanOp op : PlanOp.values()) {
            if (perOp[op.ordinal()] > 0)
                s.append(' ').append(op.label).append('=').append(perOp[op.ordinal()]);
        }
        return s.toString();
    }

    private static final class Builder {
        final Circuit c;
        final Schedule schedule;
        int[] inputSlot, outputRef;
        final IntArrayList levelRun = new IntArrayList(), runGate = new IntArrayList();
        final List<PlanOp> runOp = new ArrayList<>();
        int[] gateSlot, gateNode, gateOpStart, opRef, countProgram;
        long[] countThreshold;
        boolean[] sharesSum, isXor;
        final List<CounterProgram> programs = new ArrayList<>();
        final Int2IntOpenHashMap countByFanIn = new Int2IntOpenHashMap();
        final Object2IntOpenHashMap<WeightKey> countByWeights = new Object2IntOpenHashMap<>();
        /** True for nodes whose slot holds the complement (OR gates). */
        final boolean[] inverted;

        Builder(Circuit c, Schedule schedule) {
            this.c = c;
            this.schedule = schedule;
            this.inverted = new boolean[c.numNodes()];
            countByFanIn.defaultReturnValue(-1);
            countByWeights.defaultReturnValue(-1);
        }

        EvalPlan build() {
            int gates = c.numGates();
            int[] slot = schedule.slot;
            inputSlot = new int[c.numInputs()];
            for (int i = 0; i < inputSlot.length; i++) inputSlot[i] = slot[1 + i];
            for (int g = 0; g < gates; g++) inverted[c.gateNode(g)] = c.kind(g) == GateKind.OR;

            gateSlot = new int[gates];
            gateNode = new int[gates];
            gateOpStart = new int[gates + 1];
            opRef = new int[(int) c.numEdges()];
            countThreshold = new long[gates];
            countProgram = new int[gates];
            sharesSum = new boolean[gates + 1];
            isXor = new boolean[gates + 1];
            PlanOp[] ops = new PlanOp[gates];
            long[] key = new long[gates];
            for (int g = 0; g < gates; g++) {
                ops[g] = PlanOp.of(c.kind(g), c.fanIn(g), c.threshold(g));
                // In depth-first order AND and XOR gates alternate at random; one run with a
                // per-gate branch costs less than a kernel dispatch every two or three gates.
                if (schedule.sequential && (ops[g] == PlanOp.AND2 || ops[g] == PlanOp.XOR2)) ops[g] = PlanOp.LOGIC2;
                if (ops[g] == PlanOp.COUNT) key[g] = operandKey(g);
            }

            int p = 0, e = 0;
            levelRun.add(0);
            int[] levelGates = new int[0], sortScratch = new int[0];
            for (int l = 1; l <= schedule.depth(); l++) {
                int from = schedule.levelStart[l - 1], to = schedule.levelStart[l];
                // Group the level's gates by operation (stable), so each run is one kernel.
                int n = to - from;
                if (levelGates.length < n) {
                    levelGates = new int[n];
                    sortScratch = new int[n];
                }
                System.arraycopy(schedule.order, from, levelGates, 0, n);
                // A depth-first plan keeps its order: runs are its stretches of one operation.
                // Levelized: COUNT gates with equal operands end up side by side and share a sum.
                if (!schedule.sequential) {
                    // A stable merge sort on ints (fastutil wants the scratch array to start as a copy).
                    System.arraycopy(levelGates, 0, sortScratch, 0, n);
                    IntArrays.mergeSort(
                            levelGates,
                            0,
                            n,
                            (x, y) -> ops[x] != ops[y] ? ops[x].compareTo(ops[y]) : Long.compare(key[x], key[y]),
                            sortScratch);
                }
                PlanOp prevOp = null;
                for (int i = 0; i < n; i++) {
                    int g = levelGates[i];
                    if (slot[c.gateNode(g)] < 0) continue; // read by nothing: only in Circuit.of circuits
                    if (ops[g] != prevOp) {
                        runOp.add(ops[g]);
                        runGate.add(p);
                        prevOp = ops[g];
                    }
                    gateSlot[p] = slot[c.gateNode(g)];
                    gateNode[p] = c.gateNode(g);
                    gateOpStart[p] = e;
                    e = emitOperands(g, ops[g], p, e);
                    sharesSum[p] =
                            ops[g] == PlanOp.COUNT && runGate.getInt(runGate.size() - 1) < p && sameSum(p - 1, p, e);
                    isXor[p] = c.kind(g) == GateKind.XOR;
                    p++;
                }
                levelRun.add(runOp.size());
            }
            runGate.add(p);
            gateOpStart[p] = e;

            outputRef = new int[c.numOutputs()];
            for (int o = 0; o < outputRef.length; o++) {
                int lit = c.output(o);
                int node = lit >>> 1;
                if (node == 0) outputRef[o] = (lit & 1) == 0 ? -2 : -1;
                else outputRef[o] = (slot[node] << 1) | ((lit & 1) ^ (inverted[node] ? 1 : 0));
            }
            return new EvalPlan(this);
        }

        /** Plan gates q and p (just emitted, operands ending at e) sum the same planes. */
        private boolean sameSum(int q, int p, int e) {
            if (countProgram[q] != countProgram[p]) return false;
            int qs = gateOpStart[q], ps = gateOpStart[p];
            if (ps - qs != e - ps) return false;
            return Arrays.equals(opRef, qs, ps, opRef, ps, e);
        }

        /** A hash of a COUNT gate's operands and weights, thresholds left out. */
        private long operandKey(int g) {
            long h = c.kind(g).ordinal();
            for (int i = 0; i < c.fanIn(g); i++) {
                h = (h ^ c.operand(g, i)) * 0x9E3779B97F4A7C15L;
                h = (h ^ c.weight(g, i)) * 0xBF58476D1CE4E5B9L;
            }
            return h ^ (h >>> 29);
        }

        private int ref(int lit) {
            int node = lit >>> 1;
            return (schedule.slot[node] << 1) | ((lit & 1) ^ (inverted[node] ? 1 : 0));
        }

        private int emitOperands(int g, PlanOp op, int p, int e) {
            int k = c.fanIn(g);
            boolean or = c.kind(g) == GateKind.OR;
            for (int i = 0; i < k; i++) {
                int lit = c.operand(g, i);
                // OR(x..) = !AND(!x..): the slot holds the AND of the complements.
                opRef[e + i] = ref(lit) ^ (or ? 1 : 0);
            }
            if (op == PlanOp.COUNT) {
                long t = c.threshold(g);
                if (c.kind(g) == GateKind.WEIGHTED) {
                    // w * x with w < 0 is |w| * !x - |w|: all weights positive, threshold raised.
                    long[] w = new long[k];
                    for (int i = 0; i < k; i++) {
                        long wi = c.weight(g, i);
                        if (wi < 0) {
                            opRef[e + i] ^= 1;
                            t = Math.addExact(t, -wi);
                            wi = -wi;
                        }
                        w[i] = wi;
                    }
                    countProgram[p] = programFor(w);
                } else {
                    countProgram[p] = programForFanIn(k);
                }
                countThreshold[p] = t;
            }
            return e + k;
        }

        /** The shared population counter of THRESHOLD gates of fan-in k. */
        private int programForFanIn(int k) {
            int prog = countByFanIn.get(k);
            if (prog < 0) {
                prog = add(CounterProgram.count(k));
                countByFanIn.put(k, prog);
            }
            return prog;
        }

        /** The shared adder program of WEIGHTED gates with these (non-negative) weights. */
        private int programFor(long[] w) {
            WeightKey key = new WeightKey(w);
            int prog = countByWeights.getInt(key);
            if (prog < 0) {
                prog = add(CounterProgram.of(w));
                countByWeights.put(key, prog);
            }
            return prog;
        }

        private int add(CounterProgram prog) {
            programs.add(prog);
            return programs.size() - 1;
        }
    }

    private record WeightKey(long[] w) {
        @Override
        public boolean equals(Object o) {
            return o instanceof WeightKey k && Arrays.equals(w, k.w);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(w);
        }
    }
}
