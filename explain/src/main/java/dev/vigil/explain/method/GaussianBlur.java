package dev.vigil.explain.method;

/**
 * Separable Gaussian blur of CHW images, each channel on its own, edges extended by their nearest
 * pixel. Used for the blurred Integrated Gradients baseline and the blurred start of the insertion
 * curve, with a σ relative to the image size so that 32×32 and 224×224 images lose comparable detail.
 */
public final class GaussianBlur {
    /** The default σ as a fraction of the larger image side (2 pixels on 32×32, 14 on 224×224). */
    public static final double SIGMA_FRACTION = 1.0 / 16;

    private GaussianBlur() {
    }

    /** The default σ in pixels for an image of this size. */
    public static double defaultSigma(int height, int width) {
        return Math.max(height, width) * SIGMA_FRACTION;
    }

    /** A blurred copy of every image in {@code images}. */
    public static float[] blur(Images images, double sigma) {
        float[] out = new float[images.pixels().length];
        int c = images.spec().channels();
        int h = images.spec().height();
        int w = images.spec().width();
        double[] kernel = kernel(sigma);
        for (int i = 0; i < images.count(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int offset = images.offset(i) + ch * h * w;
                blurPlane(images.pixels(), out, offset, h, w, kernel);
            }
        }
        return out;
    }

    static double[] kernel(double sigma) {
        if (!(sigma > 0)) {
            return new double[] {1};
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            total += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        return k;
    }

    private static void blurPlane(float[] in, float[] out, int offset, int h, int w, double[] kernel) {
        int r = kernel.length / 2;
        double[] rows = new double[h * w];
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
