package dev.vigil.attacks.drift.corruptions;

import dev.vigil.core.data.PillowResize;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A lower resolution: the image is shrunk to a fraction of its size with box averaging and enlarged
 * back with box (nearest) sampling, as CIFAR-10-C's pixelate does with Pillow's {@code BOX}.
 */
public final class Pixelate implements Corruption {
    /** The fraction of each side kept per severity: CIFAR-10-C's pixelate. */
    static final double[] FRACTION = {0.95, 0.9, 0.85, 0.75, 0.65};

    @Override
    public String id() {
        return "pixelate";
    }

    /** The reduced side, truncated as CIFAR-10-C's {@code int(32 * c)}, and at least one pixel. */
    static int reduced(int side, int severity) {
        return Math.max(1, (int) (side * Corruption.pick(FRACTION, severity)));
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "%.2f of the size (%dx%d)", Corruption.pick(FRACTION, severity),
                reduced(height, severity), reduced(width, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        int smallH = reduced(height, severity);
        int smallW = reduced(width, severity);
        int plane = height * width;
        float[] out = new float[chw.length];
        float[] channel = new float[plane];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(chw, c * plane, channel, 0, plane);
            float[] small = PillowResize.resize(channel, height, width, smallH, smallW, PillowResize.Filter.BOX);
            float[] back = PillowResize.resize(small, smallH, smallW, height, width, PillowResize.Filter.BOX);
            System.arraycopy(back, 0, out, c * plane, plane);
        }
        return out;
    }
}
