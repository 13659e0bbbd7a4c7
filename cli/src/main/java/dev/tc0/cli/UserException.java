package dev.tc0.cli;

/** A mistake the user can fix (a missing file, a wrong width, a bad option value): exit code 1, one line. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }

    UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
