package dev.vigil.core.data;

/**
 * Separable resampling with the same sample positions, filter windows and antialiasing as Pillow's
 * {@code Image.resize} ({@code precompute_coeffs}): when shrinking, the filter widens by the scale
 * factor so that every source pixel contributes. Works in float, so results differ from Pillow's
 * 8-bit output only by its rounding; outputs are clamped to [0, 1].
 */
public final class PillowResize {
    /** Pillow's resampling filters, by their support (in source pixels at scale 1) and weight. */
    public enum Filter {
        /** Pillow's BOX: the mean of the source pixels whose centres fall in the footprint. */
        BOX(0.5) {
            @Override
            double weight(double t) {
                return t > -0.5 && t <= 0.5 ? 1 : 0;
            }
        },
        /** Pillow's BILINEAR: the triangle filter. */
        BILINEAR(1.0) {
            @Override
            double weight(double t) {
                double a = Math.abs(t);
                return a < 1 ? 1 - a : 0;
            }
        };

        private final double support;

        Filter(double support) {
            this.support = support;
        }

        abstract double weight(double t);
    }

    private PillowResize() {
    }

    public static float[] resize(float[] plane, int inH, int inW, int outH, int outW, Filter filter) {
        float[] horizontal = new float[inH * outW];
        Kernel kx = Kernel.of(inW, outW, filter);
        for (int y = 0; y < inH; y++) {
            kx.apply(plane, y * inW, 1, horizontal, y * outW, 1);
        }
        float[] out = new float[outH * outW];
        Kernel ky = Kernel.of(inH, outH, filter);
        for (int x = 0; x < outW; x++) {
            ky.apply(horizontal, x, outW, out, x, outW);
        }
        return out;
    }

    /** For each output index, the first source index and the normalized weights of the source window. */
    private record Kernel(int[] start, double[][] weights) {
        static Kernel of(int in, int out, Filter filter) {
            double scale = (double) in / out;
            double filterScale = Math.max(scale, 1.0);
            double support = filter.support * filterScale;
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), in);
                double[] w = new double[Math.max(0, max - min)];
                double total = 0;
                for (int k = 0; k < w.length; k++) {
                    w[k] = filter.weight((k + min - center + 0.5) / filterScale);
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
                dst[dstOffset + i * dstStride] = (float) Math.min(1.0, Math.max(0.0, sum));
            }
        }
    }
}
