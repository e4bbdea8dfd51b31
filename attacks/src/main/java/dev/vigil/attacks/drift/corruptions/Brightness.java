package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Brighter light: the HSV value V (the largest channel) is raised by a constant and clipped at 1,
 * hue and saturation kept. With hue and saturation fixed, RGB is proportional to V, so each pixel
 * is scaled by {@code V'/V}; a black pixel becomes gray at {@code V'}, as the HSV round trip gives.
 */
public final class Brightness implements Corruption {
    /** The amount added to V per severity: CIFAR-10-C's brightness. */
    static final double[] SHIFT = {0.05, 0.1, 0.15, 0.2, 0.3};

    @Override
    public String id() {
        return "brightness";
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "V + %.2f", Corruption.pick(SHIFT, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        double shift = Corruption.pick(SHIFT, severity);
        int plane = height * width;
        float[] out = new float[chw.length];
        for (int i = 0; i < plane; i++) {
            double v = 0;
            for (int c = 0; c < channels; c++) {
                v = Math.max(v, chw[c * plane + i]);
            }
            double raised = Math.min(1.0, v + shift);
            for (int c = 0; c < channels; c++) {
                out[c * plane + i] = Corruption.clamp(v > 0 ? chw[c * plane + i] * (raised / v) : raised);
            }
        }
        return out;
    }
}
