package dev.vigil.explain.method;

import dev.vigil.core.model.InputSpec;

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

    /** The images at the given positions, in that order. */
    public Images select(int[] which) {
        float[] out = new float[which.length * size()];
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(pixels, offset(which[i]), out, i * size(), size());
        }
        return new Images(spec, which.length, out);
    }
}
