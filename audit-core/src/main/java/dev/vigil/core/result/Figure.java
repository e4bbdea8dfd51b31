package dev.vigil.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An image written beside the results (a PNG path relative to the output folder) with its caption
 * and alternative text; {@code group} puts related figures in one card of a gallery (one sample's
 * original, adversarial image and perturbation, say).
 *
 * @param label  optional: a few words shown under the image in a compact gallery, where the caption
 *               would be too long; the caption stays the full description
 * @param legend optional: the sentence that explains every figure sharing it (what the images of a card
 *               are, the colour scale); the report states it once above consecutive cards with the same legend
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String group, String file, String caption, String alt, String label, String legend) {
    public Figure(String group, String file, String caption, String alt) {
        this(group, file, caption, alt, null, null);
    }
}
