package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/** Lower contrast: each channel pulled towards its own mean over the image, {@code (x − m)·c + m}. */
public final class Contrast implements Corruption {
    /** The factor c per severity: CIFAR-10-C's contrast. */
    static final double[] FACTOR = {0.75, 0.5, 0.4, 0.3, 0.15};

    @Override
    public String id() {
        return "contrast";
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "c = %.2f", Corruption.pick(FACTOR, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        double factor = Corruption.pick(FACTOR, severity);
        int plane = height * width;
        float[] out = new float[chw.length];
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (int i = 0; i < plane; i++) {
                mean += chw[c * plane + i];
            }
            mean /= plane;
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = Corruption.clamp((chw[c * plane + i] - mean) * factor + mean);
            }
        }
        return out;
    }
}
