package dev.vigil.core.perturb;

/**
 * Separable Gaussian blur of CHW images, each channel on its own, edge pixels repeated beyond the
 * border (SciPy's {@code mode='nearest'}), accumulated in double precision. The kernel decides the
 * blur: {@link #scipyKernel} truncates at four standard deviations as {@code scipy.ndimage} does (the
 * corruption suite's rule), {@link #threeSigmaKernel} at the next whole pixel beyond three.
 */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    /** Normalized weights exp(−k²/2σ²) for k in [−r, r], r = int(4σ + 0.5) as in SciPy. */
    public static double[] scipyKernel(double sigma) {
        return normalized(sigma, (int) (4 * sigma + 0.5));
    }

    /** Normalized weights exp(−k²/2σ²) for k in [−r, r], r = ⌈3σ⌉; the identity for σ ≤ 0. */
    public static double[] threeSigmaKernel(double sigma) {
        if (!(sigma > 0)) {
            return new double[] {1};
        }
        return normalized(sigma, (int) Math.ceil(3 * sigma));
    }

    private static double[] normalized(double sigma, int radius) {
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

    /** A blurred copy of {@code images} CHW images stored one after another in {@code pixels}. */
    public static float[] blur(float[] pixels, int images, int channels, int height, int width, double[] kernel) {
        float[] out = new float[pixels.length];
        int plane = height * width;
        double[] rows = new double[plane];
        for (int p = 0; p < images * channels; p++) {
            blurPlane(pixels, out, p * plane, height, width, kernel, rows);
        }
        return out;
    }

    private static void blurPlane(float[] in, float[] out, int offset, int h, int w, double[] kernel, double[] rows) {
        int r = kernel.length / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int t = -r; t <= r; t++) {
                    int xx = Math.min(w - 1, Math.max(0, x + t));
                    s += kernel[t + r] * in[offset + y * w + xx];
                }
                rows[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int t = -r; t <= r; t++) {
                    int yy = Math.min(h - 1, Math.max(0, y + t));
                    s += kernel[t + r] * rows[yy * w + x];
                }
                out[offset + y * w + x] = (float) s;
            }
        }
    }
}
