package dev.tc0.spark;

import org.apache.spark.util.AccumulatorV2;

/**
 * Collects the tasks' tallies. Spark applies a result task's accumulator update once, from its
 * successful attempt only, so retried and speculative attempts do not count twice.
 */
final class TallyAccumulator extends AccumulatorV2<Tally, Tally> {
    private static final long serialVersionUID = 1L;

    private final int outputs;
    private final boolean accepted;
    private Tally tally;
    private boolean zero = true;

    TallyAccumulator(int outputs, boolean accepted) {
        this.outputs = outputs;
        this.accepted = accepted;
        this.tally = Tally.empty(outputs, accepted);
    }

    @Override
    public boolean isZero() {
        return zero;
    }

    @Override
    public AccumulatorV2<Tally, Tally> copy() {
        TallyAccumulator c = new TallyAccumulator(outputs, accepted);
        c.tally.merge(tally);
        c.zero = zero;
        return c;
    }

    @Override
    public void reset() {
        tally = Tally.empty(outputs, accepted);
        zero = true;
    }

    @Override
    public void add(Tally t) {
        tally.merge(t);
        zero = false;
    }

    @Override
    public void merge(AccumulatorV2<Tally, Tally> other) {
        add(other.value());
    }

    @Override
    public Tally value() {
        return tally;
    }
}
