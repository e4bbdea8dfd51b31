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
        double[] kernel = kernel(sigma(severity, height, width));
        int radius = kernel.length / 2;
        int plane = height * width;
        float[] out = new float[chw.length];
        double[] rows = new double[plane];
        for (int c = 0; c < channels; c++) {
            int base = c * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sx = Math.min(width - 1, Math.max(0, x + k));
                        sum += kernel[k + radius] * chw[base + y * width + sx];
                    }
                    rows[y * width + x] = sum;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sy = Math.min(height - 1, Math.max(0, y + k));
                        sum += kernel[k + radius] * rows[sy * width + x];
                    }
                    out[base + y * width + x] = Corruption.clamp(sum);
                }
            }
        }
        return out;
    }

    /** Normalized weights exp(−k²/2σ²) for k in [−r, r], r = int(4σ + 0.5) as in SciPy. */
    static double[] kernel(double sigma) {
        int radius = (int) (4 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            w[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            total += w[k + radius];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }
}
