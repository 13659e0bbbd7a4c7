package dev.tc0.cli;

import dev.tc0.compile.lowering.ScalarLowering;
import dev.tc0.compile.lowering.TransformerLowering;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a transformer is compiled (precision, route, size limits), for the commands that compile models (a picocli mixin). */
final class LoweringLimitOptions {
    @Option(
            names = "--precision",
            paramLabel = "P",
            description = "Bits of precision of the model's numbers (models only; default: the model's own).")
    Integer precision;

    @Option(
            names = "--weights",
            paramLabel = "W.npz",
            description =
                    "NumPy weights (numpy.savez, Tracr's Haiku names such as transformer/layer_0/attn/query/w) for MODEL.json, "
                            + "which then holds only the configuration (models only).")
    java.nio.file.Path weights;

    @Option(
            names = "--route",
            paramLabel = "R",
            defaultValue = "auto",
            description =
                    "How scalars travel (models only): value-sets (one-hot over each scalar's values: small circuits for small "
                            + "value sets), bus (p-bit codes through arithmetic gadgets: any weights), or auto (value sets, and the bus "
                            + "where they are too large; default).")
    String route;

    @Mixin
    CircuitLimitOptions size = new CircuitLimitOptions();

    @Option(
            names = "--block-sums",
            description =
                    "Compile sums over many positions in two stages (blocks of terms added to binary, then each test on the "
                            + "blocks' bits): about n^2.5 edges instead of n^3 for causal means and counts, at two more levels "
                            + "(models only; for large n).")
    boolean blockSums;

    TransformerLowering.Route route() {
        return switch (route) {
            case "auto" -> TransformerLowering.Route.AUTO;
            case "value-sets" -> TransformerLowering.Route.VALUE_SETS;
            case "bus" -> TransformerLowering.Route.BUS;
            default -> throw new UserException("--route must be auto, value-sets or bus, got '" + route + "'");
        };
    }

    /** Whether any option here was given (they apply to models only). */
    boolean anyGiven() {
        return precision != null || weights != null || size.anyGiven() || blockSums || !"auto".equals(route);
    }

    TransformerLowering.Options options() {
        return new TransformerLowering.Options(limits(), false, route());
    }

    ScalarLowering.Limits limits() {
        return size.applyTo(ScalarLowering.Limits.DEFAULT).withBlockSums(blockSums);
    }
}
