package dev.vigil.core.stats;

import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/** Confidence intervals for a share of successes. */
public final class Proportions {
    public static final double CONFIDENCE = 0.95;

    private Proportions() {
    }

    /** The 95% Wilson score interval; [0, 1] when there are no trials. */
    public static Interval wilson(int successes, int trials) {
        if (trials <= 0) {
            return new Interval(0, 1);
        }
        var ci = new WilsonScoreInterval().createInterval(trials, successes, CONFIDENCE);
        return new Interval(Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()));
    }

    public static double share(int successes, int trials) {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }
}
