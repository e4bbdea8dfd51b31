package dev.vigil.explain.method;

import dev.vigil.core.InputError;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The reference input x' that Integrated Gradients integrates from and Occlusion fills its patch with.
 * The choice matters: a black baseline cannot credit black pixels, a blurred one credits detail
 * rather than colour, uniform noise favours neither.
 */
public enum Baseline {
    /** All zeros: a black image (the default). */
    BLACK("black"),
    /** The input blurred with a Gaussian of σ = 1/16 of the larger side (see {@link Images#blurred()}). */
    BLURRED("blurred"),
    /** Independent uniform noise in [0, 1] per pixel value, from the seed. */
    UNIFORM("uniform");

    private final String option;

    Baseline(String option) {
        this.option = option;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String option() {
        return option;
    }

    /** One baseline image per input image, NCHW like {@code images}. */
    public float[] of(Images images, long seed) {
        return switch (this) {
            case BLACK -> new float[images.pixels().length];
            case BLURRED -> images.blurred();
            case UNIFORM -> {
                SplittableRandom random = new SplittableRandom(seed);
                float[] noise = new float[images.pixels().length];
                for (int j = 0; j < noise.length; j++) {
                    noise[j] = (float) random.nextDouble();
                }
                yield noise;
            }
        };
    }

    /** Parses black, blurred or uniform, as given to {@code option}. */
    public static Baseline parse(String text, String option) {
        for (Baseline b : values()) {
            if (b.option.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new InputError(option + " must be black, blurred or uniform, not '" + text + "'.");
    }
}
