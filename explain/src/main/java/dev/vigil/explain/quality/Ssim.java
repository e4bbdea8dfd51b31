package dev.vigil.explain.quality;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli, "Image Quality Assessment: From Error Visibility
 * to Structural Similarity", IEEE TIP 2004) of two heatmaps: each map is first scaled to [0, 1] by its own
 * maximum (so only the shape of the map counts, as in Adebayo et al. 2018), then SSIM with an 11×11
 * Gaussian window of σ = 1.5 (weights renormalized where the window leaves the image), K1 = 0.01,
 * K2 = 0.03, dynamic range 1, averaged over every pixel. 1 means the same map; near 0, unrelated maps.
 * NaN when either map is all zero.
 */
public final class Ssim {
    private static final int RADIUS = 5;
    private static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private Ssim() {
    }

    public static double of(double[] a, double[] b, int height, int width) {
        double[] x = scaled(a);
        double[] y = scaled(b);
        if (x == null || y == null) {
            return Double.NaN;
        }
        double[] kernel = new double[2 * RADIUS + 1];
        for (int k = -RADIUS; k <= RADIUS; k++) {
            kernel[k + RADIUS] = Math.exp(-k * k / (2 * SIGMA * SIGMA));
        }
        double total = 0;
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                double weight = 0;
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                    int yy0 = py + dy;
                    if (yy0 < 0 || yy0 >= height) {
                        continue;
                    }
                    for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                        int xx0 = px + dx;
                        if (xx0 < 0 || xx0 >= width) {
                            continue;
                        }
                        double w = kernel[dy + RADIUS] * kernel[dx + RADIUS];
                        int j = yy0 * width + xx0;
                        weight += w;
                        mx += w * x[j];
                        my += w * y[j];
                        xx += w * x[j] * x[j];
                        yy += w * y[j] * y[j];
                        xy += w * x[j] * y[j];
                    }
                }
                mx /= weight;
                my /= weight;
                double vx = xx / weight - mx * mx;
                double vy = yy / weight - my * my;
                double cov = xy / weight - mx * my;
                total += (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
            }
        }
        return total / (height * width);
    }

    private static double[] scaled(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0) {
            return null;
        }
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j] / max;
        }
        return out;
    }
}
