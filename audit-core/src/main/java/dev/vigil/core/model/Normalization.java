package dev.vigil.core.model;

import dev.vigil.core.InputError;
import java.util.Arrays;

/**
 * Per-channel mean and standard deviation that the model expects its input to be normalized with.
 * The adapter applies it inside its differentiable forward, so callers always work in pixel space.
 */
public record Normalization(float[] mean, float[] std) {
    public static final Normalization NONE = new Normalization(new float[0], new float[0]);

    public Normalization {
        if (mean.length != std.length) {
            throw new InputError("--mean and --std need the same number of values (" + mean.length + " vs " + std.length + ").");
        }
        for (float m : mean) {
            if (!Float.isFinite(m)) {
                throw new InputError("Every --mean value must be a finite number, but one is " + m + ".");
            }
        }
        for (float s : std) {
            if (!(s > 0 && Float.isFinite(s))) {
                throw new InputError("Every --std value must be a positive finite number, but one is " + s + ".");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    public static Normalization of(float[] mean, float[] std) {
        if (mean == null && std == null) {
            return NONE;
        }
        if (mean == null || std == null) {
            throw new InputError("Give both --mean and --std, or neither.");
        }
        return new Normalization(mean, std);
    }

    public boolean isIdentity() {
        return mean.length == 0;
    }

    public void checkChannels(int channels) {
        if (!isIdentity() && mean.length != channels && mean.length != 1) {
            throw new InputError("--mean/--std have " + mean.length + " values but the model takes "
                    + channels + " channels; give one value per channel.");
        }
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return isIdentity() ? "none" : "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
