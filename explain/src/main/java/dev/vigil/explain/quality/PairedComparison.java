package dev.vigil.explain.quality;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * A method's per-image score against a control's on the same images: the mean paired difference with
 * its two-sided 95% Student-t interval, and the two-sided Wilcoxon signed-rank p-value of the
 * differences (exact up to {@value #EXACT_UP_TO} images, the normal approximation beyond: Commons Math's exact
 * p-value enumerates all 2^n sign patterns) as a check that does not assume normal differences.
 *
 * @param count          images with both scores
 * @param meanDifference mean of method − control
 * @param lower          lower end of the 95% interval of the mean difference
 * @param upper          upper end
 * @param wilcoxonP      two-sided p-value of the signed-rank test (NaN below 2 images or when every difference is 0)
 */
public record PairedComparison(int count, double meanDifference, double lower, double upper, double wilcoxonP) {
    public static final double LEVEL = 0.95;
    static final int EXACT_UP_TO = 12;

    public static PairedComparison of(double[] method, double[] control) {
        if (method.length != control.length) {
            throw new IllegalArgumentException("paired scores of different lengths: " + method.length + " and " + control.length);
        }
        double[] d = new double[method.length];
        boolean anyNonZero = false;
        for (int i = 0; i < d.length; i++) {
            d[i] = method[i] - control[i];
            anyNonZero |= d[i] != 0;
        }
        Interval mean = Interval.mean(d);
        double p = Double.NaN;
        if (d.length >= 2 && anyNonZero) {
            p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(method, control, d.length <= EXACT_UP_TO);
        }
        return new PairedComparison(d.length, mean.mean(), mean.lower(), mean.upper(), p);
    }

    /**
     * True when the evidence says the method is no better than the control: the whole interval of the
     * mean difference lies below {@code margin}, the smallest gain that would count as better.
     */
    public boolean noBetterThan(double margin) {
        return upper < margin;
    }

    /** True when the whole interval lies above 0: the method is significantly better. */
    public boolean better() {
        return lower > 0;
    }

    /** A mean with its two-sided 95% Student-t interval (NaN ends below 2 values). */
    public record Interval(double mean, double lower, double upper) {
        public static Interval mean(double[] v) {
            int n = v.length;
            double mean = 0;
            for (double x : v) {
                mean += x / n;
            }
            if (n < 2) {
                return new Interval(n == 1 ? mean : Double.NaN, Double.NaN, Double.NaN);
            }
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double se = Math.sqrt(ss / (n - 1) / n);
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
            return new Interval(mean, mean - t * se, mean + t * se);
        }
    }
}
