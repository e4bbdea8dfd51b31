package dev.vigil.explain;

import dev.vigil.core.InputError;
import dev.vigil.explain.quality.FaithfulnessCheck;
import dev.vigil.explain.quality.Imputation;
import dev.vigil.explain.quality.PixelFlipping;

/**
 * How faithfulness is measured: pixel flipping in both orders ({@link PixelFlipping}) and the margin of
 * the random-control comparison ({@link FaithfulnessCheck}). The defaults — noisy linear imputation,
 * single pixels, 16 steps — were chosen by measurement on the CIFAR fixture and the demo (see the
 * faithfulness note in reports/templates/method-notes.yaml): they give the random control the narrowest
 * interval around 0, and black imputation would share its value with the black baseline of Integrated
 * Gradients and occlusion's fill.
 *
 * @param steps      removal steps of each curve
 * @param patch      removal unit side in pixels (1 = single pixels)
 * @param imputation what removed pixels show
 * @param margin     the smallest mean gain over the random control that counts as better
 */
public record FaithfulnessSettings(int steps, int patch, Imputation imputation, double margin) {
    public static final int DEFAULT_STEPS = 16;

    public FaithfulnessSettings {
        if (steps < 1) {
            throw new InputError("--faithfulness-steps must be at least 1, not " + steps + ".");
        }
        if (patch < 1) {
            throw new InputError("--faithfulness-patch must be at least 1 pixel, not " + patch + ".");
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new InputError("--faithfulness-margin must be a gain in [0, 1), not " + margin + ".");
        }
    }

    public static FaithfulnessSettings defaults() {
        return new FaithfulnessSettings(DEFAULT_STEPS, 1, Imputation.NOISY_LINEAR, FaithfulnessCheck.DEFAULT_MARGIN);
    }

    FaithfulnessCheck check(int batchSize, long seed) {
        return new FaithfulnessCheck(new PixelFlipping(steps, patch, imputation, batchSize), margin, seed);
    }
}
