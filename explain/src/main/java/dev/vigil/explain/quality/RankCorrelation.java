package dev.vigil.explain.quality;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Spearman's rank correlation between two per-pixel maps (ties get their average rank). Undefined (NaN)
 * when either map is constant, e.g. an all-zero gradient.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("maps of different sizes: " + a.length + " and " + b.length);
        }
        if (a.length < 2 || constant(a) || constant(b)) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(a, b);
    }

    /** Spearman over the pixels where {@code keep} is true. */
    public static double spearman(double[] a, double[] b, boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int j = 0, i = 0; j < keep.length; j++) {
            if (keep[j]) {
                x[i] = a[j];
                y[i++] = b[j];
            }
        }
        return spearman(x, y);
    }

    /** The mean of the defined (non-NaN) values, or NaN when none is defined. */
    public static double meanDefined(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public static int countDefined(double[] values) {
        int n = 0;
        for (double v : values) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }
}
