package dev.vigil.core.data;

import dev.vigil.core.InputError;
import java.util.Locale;

/**
 * The guard against decompression bombs: an image that declares more pixels than the limit is skipped
 * from its header, before any pixel is decoded (a 1 MB PNG can declare 30000x30000 pixels). The limit is
 * Pillow's {@code Image.MAX_IMAGE_PIXELS} unless the system property {@code vigil.maxImagePixels} sets
 * another; 0 turns the guard off.
 */
public final class PixelLimit {
    /** Pillow's default: 1024 * 1024 * 1024 / 4 / 3, a quarter GiB of 3-byte pixels. */
    public static final long PILLOW_DEFAULT = 89_478_485L;
    public static final String PROPERTY = "vigil.maxImagePixels";

    private PixelLimit() {
    }

    /** The limit in force: the system property when it is set, Pillow's default otherwise. */
    public static long current() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return PILLOW_DEFAULT;
        }
        try {
            long limit = Long.parseLong(configured.strip());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the one message below
        }
        throw new InputError("-D" + PROPERTY + " must be a whole number of pixels (0 turns the limit off), not '" + configured + "'.");
    }

    static boolean exceeded(int width, int height, long limit) {
        return limit > 0 && (long) width * height > limit;
    }

    /** Why an image over the limit is skipped, in words a user can act on. */
    static String reason(int width, int height, long limit) {
        return String.format(Locale.ROOT, "too large: it declares %d x %d pixels (width x height), %,d in all, above the limit"
                + " of %,d (-D%s=N sets another)", width, height, (long) width * height, limit, PROPERTY);
    }
}
