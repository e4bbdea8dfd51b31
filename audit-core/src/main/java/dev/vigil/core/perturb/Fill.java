package dev.vigil.core.perturb;

import dev.vigil.core.InputError;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a geometric transform reads where it samples outside the image. The three modes are
 * PyTorch's {@code grid_sample} padding modes with {@code align_corners=False}: zeros, border and
 * reflection (about the outer pixel edges, so the edge pixel is repeated once).
 */
public enum Fill {
    /** Black (0 in every channel). */
    ZERO,
    /** The image mirrored at its border: index -1 reads 0, -2 reads 1. */
    REFLECT,
    /** The nearest edge pixel. */
    EDGE;

    public static Fill parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputError("--rotation-fill must be one of zero, reflect or edge, not '" + text + "'.");
        }
    }

    /**
     * The source index that {@code index} reads along an axis of {@code size} pixels, or -1 where
     * this mode reads zero.
     */
    public int resolve(int index, int size) {
        if (index >= 0 && index < size) {
            return index;
        }
        return switch (this) {
            case ZERO -> -1;
            case EDGE -> index < 0 ? 0 : size - 1;
            case REFLECT -> {
                int period = 2 * size;
                int m = Math.floorMod(index, period);
                yield m < size ? m : period - 1 - m;
            }
        };
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Fill::id).toList());
    }
}
