package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;

/**
 * How PGD searches: gradient steps per run, the step size, how many random restarts (the worst case
 * per image is kept) and whether each run starts at a random point of the ball or at the image.
 */
public record PgdSettings(int steps, StepSize stepSize, int restarts, boolean randomStart) {
    public static final PgdSettings DEFAULT = new PgdSettings(10, StepSize.QUARTER_OF_EPS, 1, true);

    public PgdSettings {
        if (steps < 1) {
            throw new InputError("--pgd-steps must be at least 1, not " + steps + ".");
        }
        if (restarts < 1) {
            throw new InputError("--pgd-restarts must be at least 1, not " + restarts + ".");
        }
    }
}
