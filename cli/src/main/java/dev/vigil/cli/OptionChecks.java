package dev.vigil.cli;

import dev.vigil.core.InputError;

/** Range checks of numeric options, each failure one sentence naming the option. */
final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code note} explains the smallest value when it has a meaning of its own, e.g. " (0 audits every sample)". */
    static void atLeast(String option, long value, long min, String note) {
        if (value < min) {
            throw new InputError(option + " must be at least " + min + note + ", not " + value + ".");
        }
    }
}
