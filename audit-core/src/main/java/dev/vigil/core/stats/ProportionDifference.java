package dev.vigil.core.stats;

/**
 * 95% intervals for the difference of two proportions, new minus base, by Newcombe's square-and-add
 * of the two Wilson score intervals: method 10 of Newcombe (1998), "Improved confidence intervals for
 * the difference between binomial proportions based on paired data", Statistics in Medicine
 * 17:2635–2650, for the same samples measured twice; and method 10 of Newcombe (1998), "Interval
 * estimation for the difference between independent proportions", Statistics in Medicine 17:873–890,
 * for two separate samples. Both are closed-form, need no seed, keep their coverage near 95% down to
 * small tables, and stay inside [−1, 1]; the paired one still has width when no sample changed, where
 * a bootstrap of the discordant pairs would give the empty interval [0, 0].
 */
public final class ProportionDifference {
    private ProportionDifference() {
    }

    /** Newcombe's paired interval for (newYes − baseYes) / n; [NaN, NaN] without samples. */
    public static Interval paired(PairedTable t) {
        int n = t.samples();
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        return squareAndAdd(t.baseYes(), n, t.newYes(), n, phi(t));
    }

    /** Newcombe's interval for s_new / n_new − s_base / n_base from independent samples; [NaN, NaN] when either is empty. */
    public static Interval independent(int baseYes, int baseTrials, int newYes, int newTrials) {
        if (baseTrials <= 0 || newTrials <= 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        return squareAndAdd(baseYes, baseTrials, newYes, newTrials, 0);
    }

    private static Interval squareAndAdd(int baseYes, int baseTrials, int newYes, int newTrials, double phi) {
        double pBase = (double) baseYes / baseTrials;
        double pNew = (double) newYes / newTrials;
        Interval base = Proportions.wilson(baseYes, baseTrials);
        Interval fresh = Proportions.wilson(newYes, newTrials);
        double delta = pNew - pBase;
        // The lower end pairs the new share's downward error with the base share's upward one, and the upper end the reverse.
        double down = pNew - fresh.lower();
        double upBase = base.upper() - pBase;
        double up = fresh.upper() - pNew;
        double downBase = pBase - base.lower();
        double lower = delta - Math.sqrt(Math.max(0, down * down - 2 * phi * down * upBase + upBase * upBase));
        double upper = delta + Math.sqrt(Math.max(0, up * up - 2 * phi * up * downBase + downBase * downBase));
        return new Interval(Math.max(-1, lower), Math.min(1, upper));
    }

    /**
     * The correlation of the two runs' outcomes as Newcombe corrects it: a positive cross product
     * ad − bc is reduced by n/2 (not below zero), a negative one kept; 0 when a margin is empty.
     */
    static double phi(PairedTable t) {
        double a = t.both();
        double b = t.baseOnly();
        double c = t.newOnly();
        double d = t.neither();
        double margins = (a + b) * (c + d) * (a + c) * (b + d);
        if (margins == 0) {
            return 0;
        }
        double cross = a * d - b * c;
        double n = t.samples();
        double corrected = cross > n / 2 ? cross - n / 2 : cross >= 0 ? 0 : cross;
        return corrected / Math.sqrt(margins);
    }
}
