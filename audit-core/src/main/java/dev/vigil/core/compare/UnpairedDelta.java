package dev.vigil.core.compare;

/**
 * A per-sample proportion compared between runs on different data, as two independent samples.
 *
 * @param lower lower end of the 95% interval of new minus base (Newcombe's method 10 for independent proportions)
 * @param upper upper end of that interval
 */
public record UnpairedDelta(int baseYes, int baseTrials, int newYes, int newTrials, double lower, double upper) {
    public static final String METHOD = "Newcombe (1998) method 10 for independent proportions";
}
