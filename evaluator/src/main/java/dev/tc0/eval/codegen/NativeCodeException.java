package dev.tc0.eval.codegen;

/**
 * The native kernels could not be built: no C compiler, or it failed. The message is one line
 * a user can act on (the command and the compiler's first message); the command line prints it
 * as it is.
 */
public final class NativeCodeException extends RuntimeException {
    NativeCodeException(String message) {
        super(message);
    }
}
