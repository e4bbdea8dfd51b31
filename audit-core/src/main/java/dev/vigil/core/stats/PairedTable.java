package dev.vigil.core.stats;

/**
 * The paired 2×2 table of one yes/no outcome (a sample is right, say) measured on the same samples in
 * a base run and a new run.
 *
 * @param both     yes in both runs
 * @param baseOnly yes in the base run only: for "right", the samples that newly fail (McNemar's b)
 * @param newOnly  yes in the new run only: the samples that newly pass (McNemar's c)
 * @param neither  no in both runs
 */
public record PairedTable(int both, int baseOnly, int newOnly, int neither) {
    public PairedTable {
        if (both < 0 || baseOnly < 0 || newOnly < 0 || neither < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public int samples() {
        return both + baseOnly + newOnly + neither;
    }

    public int baseYes() {
        return both + baseOnly;
    }

    public int newYes() {
        return both + newOnly;
    }

    /** The new share minus the base share over the paired samples; NaN without samples. */
    public double difference() {
        return samples() == 0 ? Double.NaN : (double) (newOnly - baseOnly) / samples();
    }

    /** McNemar's exact two-sided p-value on the discordant samples. */
    public double mcnemarP() {
        return McNemar.exactP(baseOnly, newOnly);
    }

    /** The 95% interval of {@link #difference()} by Newcombe's method 10 for paired proportions. */
    public Interval interval() {
        return ProportionDifference.paired(this);
    }

    public PairedTable plus(PairedTable other) {
        return new PairedTable(both + other.both, baseOnly + other.baseOnly, newOnly + other.newOnly, neither + other.neither);
    }
}
