package dev.vigil.explain.quality;

import java.util.SplittableRandom;

/**
 * ROAD's noisy linear imputation (Rong, Leemann, Borisov, Kasneci, Kasneci, "A Consistent and Efficient
 * Evaluation Strategy for Attribution Methods", ICML 2022): every removed pixel takes the weighted mean
 * of its 8 neighbours inside the image (weight 1/6 for the four direct ones, 1/12 for the diagonals, as
 * ROAD's reference code), removed neighbours included, so the removed values solve one sparse linear
 * system per channel; Gaussian noise of σ = {@value #NOISE} (ROAD's default) is then added and values are
 * clipped to [0, 1]. The system is symmetric positive definite whenever a pixel is kept and is solved by
 * conjugate gradients; with no pixel kept every constant solves it, and the image's mean value per
 * channel is used.
 */
final class NoisyLinearImputation {
    static final double NOISE = 0.01;
    private static final int[][] OFFSETS = {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}};
    private static final double DIRECT = 1.0 / 6;
    private static final double DIAGONAL = 1.0 / 12;
    private static final double TOLERANCE = 1e-5;

    private NoisyLinearImputation() {
    }

    /** Fills the removed pixels of the CHW image at {@code offset} in place, with noise of standard deviation {@code sigma}. */
    static void fill(float[] x, int offset, boolean[] removed, int channels, int height, int width, double sigma,
                     SplittableRandom noise) {
        int plane = height * width;
        int[] unknown = new int[plane];
        int[] index = new int[plane];
        int m = 0;
        for (int j = 0; j < plane; j++) {
            index[j] = removed[j] ? m : -1;
            if (removed[j]) {
                unknown[m++] = j;
            }
        }
        if (m == 0) {
            return;
        }
        // Neighbour lists of the unknowns: (unknown neighbour index or -1 - kept pixel, weight), and the diagonal.
        int[][] neighbour = new int[m][];
        double[][] weight = new double[m][];
        double[] diagonal = new double[m];
        for (int u = 0; u < m; u++) {
            int y = unknown[u] / width;
            int xx = unknown[u] % width;
            int[] nb = new int[8];
            double[] w = new double[8];
            int k = 0;
            for (int[] o : OFFSETS) {
                int ny = y + o[0];
                int nx = xx + o[1];
                if (ny < 0 || ny >= height || nx < 0 || nx >= width) {
                    continue;
                }
                int j = ny * width + nx;
                nb[k] = removed[j] ? index[j] : -1 - j;
                w[k] = o[0] == 0 || o[1] == 0 ? DIRECT : DIAGONAL;
                diagonal[u] += w[k];
                k++;
            }
            neighbour[u] = java.util.Arrays.copyOf(nb, k);
            weight[u] = java.util.Arrays.copyOf(w, k);
        }
        for (int c = 0; c < channels; c++) {
            int base = offset + c * plane;
            double[] solution;
            if (m == plane) {
                double mean = 0;
                for (int j = 0; j < plane; j++) {
                    mean += x[base + j];
                }
                solution = new double[m];
                java.util.Arrays.fill(solution, mean / plane);
            } else {
                double[] b = new double[m];
                for (int u = 0; u < m; u++) {
                    for (int k = 0; k < neighbour[u].length; k++) {
                        if (neighbour[u][k] < 0) {
                            b[u] += weight[u][k] * x[base - 1 - neighbour[u][k]];
                        }
                    }
                }
                solution = conjugateGradients(neighbour, weight, diagonal, b);
            }
            for (int u = 0; u < m; u++) {
                double v = solution[u] + sigma * noise.nextGaussian();
                x[base + unknown[u]] = (float) Math.min(1, Math.max(0, v));
            }
        }
    }

    /** Solves (D − W_uu) s = b, started from b / D. */
    private static double[] conjugateGradients(int[][] neighbour, double[][] weight, double[] diagonal, double[] b) {
        int m = b.length;
        double[] s = new double[m];
        for (int u = 0; u < m; u++) {
            s[u] = b[u] / diagonal[u];
        }
        double[] r = new double[m];
        multiply(neighbour, weight, diagonal, s, r);
        double bNorm = 0;
        for (int u = 0; u < m; u++) {
            r[u] = b[u] - r[u];
            bNorm += b[u] * b[u];
        }
        double[] p = r.clone();
        double[] ap = new double[m];
        double rr = dot(r, r);
        double stop = TOLERANCE * TOLERANCE * Math.max(bNorm, 1e-30);
        for (int iteration = 0; iteration < 10 * m && rr > stop; iteration++) {
            multiply(neighbour, weight, diagonal, p, ap);
            double alpha = rr / dot(p, ap);
            for (int u = 0; u < m; u++) {
                s[u] += alpha * p[u];
                r[u] -= alpha * ap[u];
            }
            double next = dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int u = 0; u < m; u++) {
                p[u] = r[u] + beta * p[u];
            }
        }
        return s;
    }

    private static void multiply(int[][] neighbour, double[][] weight, double[] diagonal, double[] v, double[] out) {
        for (int u = 0; u < v.length; u++) {
            double s = diagonal[u] * v[u];
            for (int k = 0; k < neighbour[u].length; k++) {
                if (neighbour[u][k] >= 0) {
                    s -= weight[u][k] * v[neighbour[u][k]];
                }
            }
            out[u] = s;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
