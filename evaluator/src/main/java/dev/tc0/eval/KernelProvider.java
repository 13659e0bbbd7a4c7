package dev.tc0.eval;

import dev.tc0.eval.codegen.AutoKernels;
import dev.tc0.eval.codegen.CodegenKernels;
import dev.tc0.eval.codegen.NativeKernels;
import java.lang.System.Logger.Level;

/**
 * Chooses the kernel set. {@code -Dtc0.kernels=auto|vector|scalar|codegen|codegen-vector|native}
 * (default auto): codegen compiles each plan into JVM code over {@code long} words, codegen-vector
 * over {@code LongVector}s, native into C compiled by the machine's C compiler
 * ({@code dev.tc0.eval.codegen}). vector uses the Vector API kernels when the
 * {@code jdk.incubator.vector} module is present and otherwise falls back to the scalar ones with
 * one logged line saying why; auto runs that interpreter, or native code for a batch that repays
 * compiling it where a C compiler runs ({@link AutoKernels}). The vector classes are loaded reflectively or on
 * first use, so this class holds no vector statics and loads without the module.
 */
public final class KernelProvider {
    private static final System.Logger LOG = System.getLogger("dev.tc0.eval");
    private static volatile Kernels defaultKernels;

    private KernelProvider() {}

    /** The kernel set chosen by the system property. */
    public static Kernels get() {
        Kernels k = defaultKernels;
        if (k == null) {
            String want = System.getProperty("tc0.kernels", "auto");
            k = switch (want) {
                case "scalar" -> ScalarKernels.INSTANCE;
                case "vector" -> vectorOrScalar();
                case "auto" -> new AutoKernels(vectorOrScalar());
                case "codegen" -> CodegenKernels.INSTANCE;
                case "codegen-vector" -> codegenVector();
                case "native" -> NativeKernels.INSTANCE;
                default ->
                    throw new IllegalArgumentException(
                            "tc0.kernels must be auto, vector, scalar, codegen, codegen-vector or native, not " + want);
            };
            defaultKernels = k;
        }
        return k;
    }

    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** The vector kernels, or null when the Vector API is unavailable. */
    public static Kernels vectorOrNull() {
        try {
            Class<?> c = Class.forName("dev.tc0.eval.vector.VectorKernels");
            return (Kernels) c.getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Looks up a kernel set by name: auto, scalar, vector, codegen, codegen-vector or native. */
    public static Kernels byName(String name) {
        return switch (name) {
            case "auto" -> get();
            case "scalar" -> scalar();
            case "vector" -> {
                Kernels k = vectorOrNull();
                if (k == null)
                    throw new IllegalArgumentException("vector kernels need --add-modules=jdk.incubator.vector");
                yield k;
            }
            case "codegen" -> CodegenKernels.INSTANCE;
            case "codegen-vector" -> codegenVector();
            case "native" -> NativeKernels.INSTANCE;
            default ->
                throw new IllegalArgumentException(
                        "unknown kernel set '" + name + "' (auto, scalar, vector, codegen, codegen-vector, native)");
        };
    }

    private static Kernels codegenVector() {
        Kernels k = CodegenKernels.vectorOrNull();
        if (k == null)
            throw new IllegalArgumentException("codegen-vector kernels need --add-modules=jdk.incubator.vector");
        return k;
    }

    private static Kernels vectorOrScalar() {
        Kernels k = vectorOrNull();
        if (k == null) {
            LOG.log(
                    Level.WARNING,
                    "tc0: Vector API unavailable (run with --add-modules=jdk.incubator.vector); using scalar kernels");
            return ScalarKernels.INSTANCE;
        }
        return k;
    }
}
