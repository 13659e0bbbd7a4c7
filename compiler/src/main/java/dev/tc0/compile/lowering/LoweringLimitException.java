package dev.tc0.compile.lowering;

/**
 * A compile stopped before it exhausted memory: some component would exceed a size limit. The
 * message names the component and the reason (a value set or a circuit too large).
 */
public final class LoweringLimitException extends RuntimeException {
    public LoweringLimitException(String message) {
        super(message);
    }
}
