package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Oversaturated colour: the HSV saturation S is multiplied by a factor and clipped at 1, hue and
 * value kept. With H and V fixed every channel keeps its place between the smallest channel and V,
 * so a channel becomes {@code V − (V − x)·S'/S}. Gray pixels (S = 0) stay gray; one-channel images
 * are unchanged.
 */
public final class Saturation implements Corruption {
    /**
     * The factor on S per severity: CIFAR-10-C's oversaturating factors 1.5, 2 and 2.5 (its severities
     * 3 to 5) as severities 2 to 4, with 1.25 below and 3 above so that strength grows with severity.
     * See docs/corruptions.md for why CIFAR-10-C's desaturating severities and offsets are left out.
     */
    static final double[] FACTOR = {1.25, 1.5, 2.0, 2.5, 3.0};

    @Override
    public String id() {
        return "saturation";
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "S × %.2f", Corruption.pick(FACTOR, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        double factor = Corruption.pick(FACTOR, severity);
        if (channels != 3) {
            return chw.clone();
        }
        int plane = height * width;
        float[] out = new float[chw.length];
        for (int i = 0; i < plane; i++) {
            double r = chw[i];
            double g = chw[plane + i];
            double b = chw[2 * plane + i];
            double v = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double s = v > 0 ? (v - min) / v : 0;
            double keep = s > 0 ? Math.min(1.0, s * factor) / s : 1;
            out[i] = Corruption.clamp(v - (v - r) * keep);
            out[plane + i] = Corruption.clamp(v - (v - g) * keep);
            out[2 * plane + i] = Corruption.clamp(v - (v - b) * keep);
        }
        return out;
    }
}
