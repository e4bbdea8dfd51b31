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

    /** The first line of a cause's message (or its type), to quote inside a one-sentence error. */
    public static String firstLine(Throwable cause) {
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
