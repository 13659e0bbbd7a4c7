package dev.tc0.compile.transformer;

import java.util.Arrays;

/** Per-coordinate gain and offset of a layer norm (Haiku's {@code scale} and {@code offset}). */
public record LayerNormParams(double[] scale, double[] offset) {

    public static LayerNormParams identity(int d) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new LayerNormParams(ones, new double[d]);
    }

    void checkShape(String name, int d) {
        Shapes.vector(name + ".scale", scale, d);
        Shapes.vector(name + ".offset", offset, d);
    }
}
