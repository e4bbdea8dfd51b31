package dev.vigil.attacks.drift.corruptions;

import java.util.SplittableRandom;

/** The mirror image, left and right swapped. It has no severity and runs once. */
public final class HorizontalFlip implements Corruption {
    @Override
    public String id() {
        return "horizontal_flip";
    }

    @Override
    public boolean graded() {
        return false;
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return "mirrored left to right";
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        float[] out = new float[chw.length];
        for (int row = 0; row < channels * height; row++) {
            int base = row * width;
            for (int x = 0; x < width; x++) {
                out[base + x] = chw[base + width - 1 - x];
            }
        }
        return out;
    }
}
