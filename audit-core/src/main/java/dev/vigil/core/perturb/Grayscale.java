package dev.vigil.core.perturb;

/**
 * Replaces colour by its ITU-R BT.601 luma, {@code 0.299 R + 0.587 G + 0.114 B}, copied to every
 * channel, in pixel space (before any normalization). Computed in float in that order, as PyTorch
 * computes {@code 0.299*r + 0.587*g + 0.114*b} on float32 tensors. One-channel images are already
 * gray and come back unchanged.
 */
public final class Grayscale {
    public static final float RED = 0.299f;
    public static final float GREEN = 0.587f;
    public static final float BLUE = 0.114f;

    private Grayscale() {
    }

    /** One CHW image in grayscale; the input is left unchanged. */
    public static float[] apply(float[] chw, int channels, int height, int width) {
        return applyBatch(chw, 1, channels, height, width);
    }

    /** {@code images} NCHW images in grayscale, into a new array. */
    public static float[] applyBatch(float[] nchw, int images, int channels, int height, int width) {
        int plane = height * width;
        if (nchw.length != images * channels * plane) {
            throw new IllegalArgumentException("expected " + images + "x" + channels + "x" + height + "x" + width
                    + " values, got " + nchw.length);
        }
        if (channels != 3) {
            return nchw.clone();
        }
        float[] out = new float[nchw.length];
        for (int n = 0; n < images; n++) {
            int r = n * 3 * plane;
            int g = r + plane;
            int b = g + plane;
            for (int i = 0; i < plane; i++) {
                float luma = RED * nchw[r + i] + GREEN * nchw[g + i] + BLUE * nchw[b + i];
                out[r + i] = luma;
                out[g + i] = luma;
                out[b + i] = luma;
            }
        }
        return out;
    }
}
