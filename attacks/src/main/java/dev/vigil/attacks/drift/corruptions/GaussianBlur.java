package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Gaussian blur of each channel: a separable kernel truncated at four standard deviations, edge
 * pixels repeated beyond the border (SciPy's {@code mode='nearest'}, truncate 4, as CIFAR-10-C's
 * skimage call uses).
 */
public final class GaussianBlur implements Corruption {
    /** σ in pixels at 32x32 per severity: CIFAR-10-C's gaussian_blur; scaled with the image size. */
    static final double[] SIGMA = {0.4, 0.6, 0.7, 0.8, 1.0};

    @Override
    public String id() {
        return "gaussian_blur";
    }

    static double sigma(int severity, int height, int width) {
        return Corruption.pick(SIGMA, severity) * Corruption.sizeScale(height, width);
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "σ = %.2f px", sigma(severity, height, width));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        float[] out = dev.vigil.core.perturb.GaussianBlur.blur(chw, 1, channels, height, width, kernel(sigma(severity, height, width)));
        for (int j = 0; j < out.length; j++) {
            out[j] = Corruption.clamp(out[j]);
        }
        return out;
    }

    static double[] kernel(double sigma) {
        return dev.vigil.core.perturb.GaussianBlur.scipyKernel(sigma);
    }
}
