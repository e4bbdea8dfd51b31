package dev.vigil.attacks.adversarial;

/**
 * An attack's recipe with fewer iterations than the audit's, and both budgets in words ("10 steps",
 * "3 steps, each 10/3 as long"), for the iteration check of {@link IterationCheck}.
 */
record FewerIterations(AttackRecipe recipe, String full, String reduced) {
    /** A quarter (or 1/fraction) of {@code steps}, rounded up; equal to {@code steps} when it cannot shrink. */
    static int of(int steps, int fraction) {
        return Math.max(1, (steps + fraction - 1) / fraction);
    }
}
