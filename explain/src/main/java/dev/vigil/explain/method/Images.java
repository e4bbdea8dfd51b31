package dev.vigil.explain.method;

import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.GaussianBlur;

/**
 * A batch of images in pixel space: {@code count} CHW arrays of {@code spec}'s shape, one after another
 * (NCHW), values in [0, 1]. Attribution methods take and return Java arrays so that no engine memory
 * outlives a call.
 */
public record Images(InputSpec spec, int count, float[] pixels) {
    public Images {
        if (pixels.length != (long) count * spec.pixelsPerImage()) {
            throw new IllegalArgumentException(count + " images of " + spec + " need " + (long) count * spec.pixelsPerImage()
                    + " values, not " + pixels.length);
        }
    }

    public int size() {
        return spec.pixelsPerImage();
    }

    public int offset(int image) {
        return image * size();
    }

    /** A copy of one image's CHW values. */
    public float[] image(int image) {
        return java.util.Arrays.copyOfRange(pixels, offset(image), offset(image) + size());
    }

    /** The default blur σ as a fraction of the larger image side (2 pixels on 32×32, 14 on 224×224). */
    public static final double BLUR_SIGMA_FRACTION = 1.0 / 16;

    /**
     * The images blurred with a Gaussian of σ = 1/16 of the larger side, so that 32×32 and 224×224
     * images lose comparable detail: the blurred Integrated Gradients baseline and the start of the
     * insertion curve.
     */
    public float[] blurred() {
        double sigma = Math.max(spec.height(), spec.width()) * BLUR_SIGMA_FRACTION;
        return GaussianBlur.blur(pixels, count, spec.channels(), spec.height(), spec.width(), GaussianBlur.threeSigmaKernel(sigma));
    }

    /** The images at the given positions, in that order. */
    public Images select(int[] which) {
        float[] out = new float[which.length * size()];
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(pixels, offset(which[i]), out, i * size(), size());
        }
        return new Images(spec, which.length, out);
    }
}
