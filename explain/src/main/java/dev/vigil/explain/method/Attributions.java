package dev.vigil.explain.method;

import dev.vigil.core.model.InputSpec;

/**
 * One attribution map per image, in the images' NCHW layout: {@code values[offset(i) + j]} is the
 * attribution of pixel value j of image i to the target class.
 *
 * @param completeness how well the maps add up to the output difference they explain, for methods
 *                     with a completeness axiom (Integrated Gradients); null otherwise
 */
public record Attributions(InputSpec spec, int count, float[] values, Completeness completeness) {
    public Attributions {
        if (values.length != (long) count * spec.pixelsPerImage()) {
            throw new IllegalArgumentException("attribution size " + values.length + " does not fit " + count + " x " + spec);
        }
    }

    public Attributions(InputSpec spec, int count, float[] values) {
        this(spec, count, values, null);
    }

    public int size() {
        return spec.pixelsPerImage();
    }

    public int offset(int image) {
        return image * size();
    }

    /** A copy of one image's CHW map. */
    public float[] map(int image) {
        return java.util.Arrays.copyOfRange(values, offset(image), offset(image) + size());
    }

    /** Sum of one image's attributions over every pixel value. */
    public double sum(int image) {
        double s = 0;
        for (int j = offset(image), end = offset(image) + size(); j < end; j++) {
            s += values[j];
        }
        return s;
    }

    /** The maps of the given images, in that order (without completeness). */
    public Attributions select(int[] which) {
        float[] out = new float[which.length * size()];
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(values, offset(which[i]), out, i * size(), size());
        }
        return new Attributions(spec, which.length, out);
    }
}
