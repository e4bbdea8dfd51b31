package dev.vigil.core.result;

/**
 * An image written beside the results (a PNG path relative to the output folder) with its caption
 * and alternative text; {@code group} puts related figures in one gallery row.
 */
public record Figure(String group, String file, String caption, String alt) {
}
