package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/** Additive Gaussian noise, {@code clip(x + σ·z)}, independent per pixel and channel. */
public final class GaussianNoise implements Corruption {
    /** σ per severity: CIFAR-10-C's gaussian_noise (Hendrycks & Dietterich 2019). */
    static final double[] SIGMA = {0.04, 0.06, 0.08, 0.09, 0.10};

    @Override
    public String id() {
        return "gaussian_noise";
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "σ = %.2f", Corruption.pick(SIGMA, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        double sigma = Corruption.pick(SIGMA, severity);
        double[] z = new double[chw.length];
        Sampling.gaussians(random, z);
        float[] out = new float[chw.length];
        for (int i = 0; i < chw.length; i++) {
            out[i] = Corruption.clamp(chw[i] + sigma * z[i]);
        }
        return out;
    }
}
