package dev.tc0.compile.transformer;

/**
 * An affine map x ↦ x·w + b in Haiku's layout: {@code w[in][out]}, {@code b[out]}.
 */
public record Linear(double[][] w, double[] b) {

    public int in() {
        return w.length;
    }

    public int out() {
        return b.length;
    }

    /** The all-zero map, for unused heads and half-layers (Tracr zeroes them the same way). */
    public static Linear zero(int in, int out) {
        return new Linear(new double[in][out], new double[out]);
    }

    void checkShape(String name, int in, int out) {
        Shapes.matrix(name, w, in, out);
        Shapes.vector(name + ".b", b, out);
    }
}
