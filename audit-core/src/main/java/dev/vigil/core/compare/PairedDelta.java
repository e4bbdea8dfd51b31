package dev.vigil.core.compare;

import dev.vigil.core.stats.PairedTable;

/**
 * A per-sample proportion compared on the samples both runs measured.
 *
 * @param table       the paired 2×2 table of the outcome (yes in both, base only, new only, neither)
 * @param difference  the new share minus the base share over the paired samples
 * @param lower       lower end of the 95% interval of the difference (Newcombe's method 10 for paired proportions)
 * @param upper       upper end of that interval
 * @param mcnemarP    McNemar's exact two-sided p-value on the discordant samples
 * @param holmP       {@code mcnemarP} adjusted by Holm's method over the comparison's overall paired proportions, or over
 *                    its per-class ones for a per-class proportion
 * @param newlyWorse  samples whose outcome got worse (right → wrong, or steady → flipped)
 * @param newlyBetter samples whose outcome got better
 */
public record PairedDelta(int samples, PairedTable table, double difference, double lower, double upper, double mcnemarP,
                          double holmP, int newlyWorse, int newlyBetter) {
    public static final String METHOD = "Newcombe (1998) method 10 for paired proportions; McNemar's exact test; Holm's adjustment";
}
