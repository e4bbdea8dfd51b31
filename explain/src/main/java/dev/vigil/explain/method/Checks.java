package dev.vigil.explain.method;

/** Argument checks shared by the methods' constructors. */
final class Checks {
    private Checks() {
    }

    static void positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
