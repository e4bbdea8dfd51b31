package dev.vigil.explain.method;

/**
 * The completeness check of Integrated Gradients per image: the attributions should sum to
 * f_c(x) − f_c(x'), the change of the target logit from the baseline x' to the input x.
 *
 * @param outputDifference f_c(x) − f_c(x') per image
 * @param attributionSum   Σ attributions per image
 */
public record Completeness(double[] outputDifference, double[] attributionSum) {
    /** Flag level of the relative gap: above 5% the integral was not resolved well enough. */
    public static final double FLAG_RELATIVE_GAP = 0.05;

    /** A floor for |f_c(x) − f_c(x')| in the relative gap, so that an image equal to its baseline gives a finite number. */
    static final double MIN_DIFFERENCE = 1e-6;

    public int count() {
        return outputDifference.length;
    }

    /** |Σ attributions − (f_c(x) − f_c(x'))| of one image. */
    public double absoluteGap(int image) {
        return Math.abs(attributionSum[image] - outputDifference[image]);
    }

    /** The absolute gap divided by |f_c(x) − f_c(x')| (at least {@value #MIN_DIFFERENCE}). */
    public double relativeGap(int image) {
        return absoluteGap(image) / Math.max(Math.abs(outputDifference[image]), MIN_DIFFERENCE);
    }

    public boolean flagged(int image) {
        return relativeGap(image) > FLAG_RELATIVE_GAP;
    }
}
