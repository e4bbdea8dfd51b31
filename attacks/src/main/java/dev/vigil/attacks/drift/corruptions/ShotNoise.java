package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Photon (shot) noise: each value becomes {@code Poisson(x·λ)/λ}, clipped, so fewer photons (a
 * smaller λ) give more noise, strongest in bright areas.
 */
public final class ShotNoise implements Corruption {
    /** Photons per unit intensity λ per severity: CIFAR-10-C's shot_noise. */
    static final double[] PHOTONS = {500, 250, 100, 75, 50};

    @Override
    public String id() {
        return "shot_noise";
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "λ = %.0f", Corruption.pick(PHOTONS, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        double photons = Corruption.pick(PHOTONS, severity);
        float[] out = new float[chw.length];
        for (int i = 0; i < chw.length; i++) {
            out[i] = Corruption.clamp(Sampling.poisson(random, Math.max(0, chw[i]) * photons) / photons);
        }
        return out;
    }
}
