package dev.vigil.explain.quality;

import dev.vigil.core.InputError;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a removed pixel shows in the faithfulness curves: black, the blurred image, or ROAD's noisy
 * linear imputation (Rong et al. 2022), which fills the removed pixels from their kept neighbours so
 * that the removal itself leaves few tell-tale edges. Every channel of a removed pixel is filled.
 */
public enum Imputation {
    /** Zero in every channel. */
    BLACK("black"),
    /** The image blurred with a Gaussian of σ = 1/16 of the larger side (as the insertion start). */
    BLUR("blur"),
    /** Noisy linear imputation (ROAD): see {@link NoisyLinearImputation}. */
    NOISY_LINEAR("noisy-linear");

    private final String option;

    Imputation(String option) {
        this.option = option;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String option() {
        return option;
    }

    /**
     * Writes the image with its removed pixels filled into {@code dest} at {@code offset}.
     *
     * @param image   one CHW image
     * @param blurred the same image blurred (read by {@link #BLUR} only)
     * @param removed per pixel of the H×W plane
     * @param noise   the noise of {@link #NOISY_LINEAR}
     */
    public void fill(float[] image, int imageOffset, float[] blurred, boolean[] removed, int channels, int height, int width,
                     SplittableRandom noise, float[] dest, int offset) {
        int plane = height * width;
        System.arraycopy(image, imageOffset, dest, offset, channels * plane);
        switch (this) {
            case BLACK, BLUR -> {
                for (int c = 0; c < channels; c++) {
                    for (int j = 0; j < plane; j++) {
                        if (removed[j]) {
                            dest[offset + c * plane + j] = this == BLACK ? 0f : blurred[imageOffset + c * plane + j];
                        }
                    }
                }
            }
            case NOISY_LINEAR -> NoisyLinearImputation.fill(dest, offset, removed, channels, height, width, NoisyLinearImputation.NOISE, noise);
        }
    }

    public static Imputation parse(String text, String option) {
        for (Imputation i : values()) {
            if (i.option.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new InputError(option + " must be black, blur or noisy-linear, not '" + text + "'.");
    }
}
