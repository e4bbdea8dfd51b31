package dev.vigil.core.data;

import java.util.List;
import java.util.Optional;

/**
 * Reads the warnings an ImageIO decoder reports while it decodes. Java's JPEG decoder does not fail on a
 * truncated file or a damaged data segment: it warns and fills the missing rows with grey, which would be
 * audited as if it were the image. Pillow refuses truncated files ("image file is truncated"); so does Vigil,
 * and it also refuses data segments the decoder had to abandon. Warnings about bytes outside the image data
 * ("extraneous bytes before marker", common in camera files) or about metadata lose nothing and are ignored.
 */
final class DecoderWarnings {
    private DecoderWarnings() {
    }

    /** Why the image cannot be trusted, if one of the warnings says pixel data was lost. */
    static Optional<String> lostData(List<String> warnings) {
        for (String w : warnings) {
            if (w.contains("Truncated File") || w.contains("Premature end of JPEG file")) {
                return Optional.of("truncated: the file ends before its image data does (" + w + ")");
            }
        }
        for (String w : warnings) {
            if (w.startsWith("Corrupt JPEG data") && !w.contains("extraneous bytes")) {
                return Optional.of("corrupt image data, which the decoder would fill in (" + w + ")");
            }
        }
        return Optional.empty();
    }
}
