package dev.vigil.core;

/**
 * A mistake in what the user gave Vigil (a missing file, a wrong shape, an unknown label).
 * The message is one sentence that names the thing and the fix; the command line turns it
 * into exit code 2 without a stack trace.
 */
public class InputError extends RuntimeException {
    public InputError(String message) {
        super(message);
    }

    public InputError(String message, Throwable cause) {
        super(message, cause);
    }
}
