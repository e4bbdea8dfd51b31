package dev.vigil.core.model;

import dev.vigil.core.InputError;

/** The image shape a model takes: channels (1 or 3), height and width in pixels. */
public record InputSpec(int channels, int height, int width) {
    public InputSpec {
        if (channels != 1 && channels != 3) {
            throw new InputError("The model input must have 1 or 3 channels, not " + channels + ".");
        }
        if (height <= 0 || width <= 0) {
            throw new InputError("The image size must be positive, not " + height + "x" + width + ".");
        }
    }

    /** Parses "HxW", as given to --image-size. */
    public static InputSpec parse(String heightByWidth, int channels) {
        String[] parts = heightByWidth.trim().toLowerCase().split("x");
        try {
            if (parts.length == 2) {
                return new InputSpec(channels, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException ignored) {
            // falls through to the one message below
        }
        throw new InputError("--image-size must look like HxW (for example 32x32), not '" + heightByWidth + "'.");
    }

    public int pixelsPerImage() {
        return channels * height * width;
    }

    public long[] batchShape(int batchSize) {
        return new long[] {batchSize, channels, height, width};
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
