package dev.tc0.compile.transformer;

/**
 * A model file that cannot be read. The message is one line and starts with where the problem is:
 * a JSON path such as {@code config.max_seq_len} or a parameter name such as
 * {@code layer_0/attn/query}, or a line and column for malformed JSON.
 */
public class ModelFormatException extends Exception {
    public ModelFormatException(String message) {
        super(message);
    }
}
