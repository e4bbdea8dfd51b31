package dev.vigil.attacks.drift.corruptions;

/**
 * Pillow's {@code BOX} resampling in float: when shrinking, each output pixel is the mean of the
 * source pixels whose centres fall in its footprint; when enlarging, it copies the source pixel
 * under its centre. The same window and weights as Pillow's {@code precompute_coeffs} with the box
 * filter (support 1/2, widened by the scale when shrinking).
 */
final class BoxResize {
    private BoxResize() {
    }

    static float[] resize(float[] plane, int inH, int inW, int outH, int outW) {
        Kernel kx = Kernel.of(inW, outW);
        Kernel ky = Kernel.of(inH, outH);
        float[] horizontal = new float[inH * outW];
        for (int y = 0; y < inH; y++) {
            kx.apply(plane, y * inW, 1, horizontal, y * outW, 1);
        }
        float[] out = new float[outH * outW];
        for (int x = 0; x < outW; x++) {
            ky.apply(horizontal, x, outW, out, x, outW);
        }
        return out;
    }

    private record Kernel(int[] start, double[][] weights) {
        static Kernel of(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(scale, 1.0);
            double support = 0.5 * filterScale;
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), in);
                double[] w = new double[Math.max(0, max - min)];
                double total = 0;
                for (int k = 0; k < w.length; k++) {
                    double t = (k + min - center + 0.5) / filterScale;
                    w[k] = t > -0.5 && t <= 0.5 ? 1 : 0;
                    total += w[k];
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] = total == 0 ? 0 : w[k] / total;
                }
                start[i] = min;
                weights[i] = w;
            }
            return new Kernel(start, weights);
        }

        void apply(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset, int dstStride) {
            for (int i = 0; i < start.length; i++) {
                double sum = 0;
                double[] w = weights[i];
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[srcOffset + (start[i] + k) * srcStride];
                }
                dst[dstOffset + i * dstStride] = Corruption.clamp(sum);
            }
        }
    }
}
