package dev.tc0.compile.transformer;

import java.util.List;

/**
 * The scalar operations a forward pass uses. {@link ForwardPass} is written once against this
 * interface, so the exact p-precision pass and the double-precision pass perform the same
 * operations in the same order and differ only in how each one rounds.
 *
 * @param <T> the scalar type
 */
public interface Arithmetic<T> {

    /** A model weight as a scalar (p-precision: truncated toward zero). */
    T constant(double w);

    T zero();

    T one();

    /** ⊕ of all terms at once (p-precision: exact sum, one truncation). */
    T sum(List<T> terms);

    T multiply(T a, T b);

    T divide(T a, T b);

    /** a / d for a positive integer d, as one operation. */
    T divide(T a, int d);

    T relu(T x);

    T negate(T x);

    int compare(T a, T b);

    boolean isZero(T x);

    /** The softmax similarity exp(x·scale) as one function of x. */
    T exp(T x, double scale);

    /** The layer-norm factor 1/sqrt(v/d + eps) as one function of v. */
    T inverseNorm(T v, int d, double eps);

    double toDouble(T x);
}
