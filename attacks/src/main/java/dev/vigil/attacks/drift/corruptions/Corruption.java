package dev.vigil.attacks.drift.corruptions;

import java.util.SplittableRandom;

/**
 * A natural change of an image at a severity from 1 (mild) to 5 (strong), in pixel space: it maps a
 * CHW image in [0, 1] to a new image in [0, 1]. Random corruptions draw only from the generator they
 * are given, so the same generator state gives the same image. The constants per severity and
 * where they come from are in docs/corruptions.md.
 */
public interface Corruption {
    int MIN_SEVERITY = 1;
    int MAX_SEVERITY = 5;

    /** Identifier used in metric names, e.g. "gaussian_noise". */
    @com.fasterxml.jackson.annotation.JsonValue
    String id();

    /** Whether the corruption has severities; one that has none (a mirror image) runs once. */
    default boolean graded() {
        return true;
    }

    /** The parameter at {@code severity} for images of this size, in words, e.g. "σ = 0.08". */
    String parameter(int severity, int height, int width);

    /** A corrupted copy of one CHW image; the input is left unchanged. */
    float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random);

    /** The constant of {@code severity} from a table of five, after checking the severity. */
    static double pick(double[] table, int severity) {
        if (severity < MIN_SEVERITY || severity > MAX_SEVERITY) {
            throw new IllegalArgumentException("severity must be 1 to 5, not " + severity);
        }
        return table[severity - 1];
    }

    /**
     * How much a constant given in pixels for 32x32 images (CIFAR-10-C's size) grows for this size:
     * the mean side over 32, so blur and shifts cover the same share of a larger image.
     */
    static double sizeScale(int height, int width) {
        return (height + width) / 64.0;
    }

    static float clamp(double v) {
        return (float) Math.min(1.0, Math.max(0.0, v));
    }
}
