package dev.vigil.cli;

/** The exit codes of every vigil command (DESIGN.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int INPUT_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
