package dev.vigil.attacks.drift.corruptions;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A shift by a few whole pixels in one of the eight compass directions (diagonals move along both
 * axes), drawn per image from the generator; the uncovered border is black, as the rotation's
 * default fill. The direction does not depend on the severity, so a higher severity moves the same
 * image further the same way.
 */
public final class Translation implements Corruption {
    /** Shift in pixels at 32x32 per severity: Vigil's choice (one to five pixels), scaled with the image size. */
    static final double[] SHIFT = {1, 2, 3, 4, 5};
    private static final int[][] DIRECTIONS = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};

    @Override
    public String id() {
        return "translation";
    }

    static int shift(int severity, int height, int width) {
        return Math.max(1, (int) Math.round(Corruption.pick(SHIFT, severity) * Corruption.sizeScale(height, width)));
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "%d px", shift(severity, height, width));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        int[] direction = DIRECTIONS[random.nextInt(DIRECTIONS.length)];
        int d = shift(severity, height, width);
        int dx = direction[0] * d;
        int dy = direction[1] * d;
        int plane = height * width;
        float[] out = new float[chw.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int sy = y - dy;
                if (sy < 0 || sy >= height) {
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    int sx = x - dx;
                    if (sx >= 0 && sx < width) {
                        out[c * plane + y * width + x] = chw[c * plane + sy * width + sx];
                    }
                }
            }
        }
        return out;
    }
}
