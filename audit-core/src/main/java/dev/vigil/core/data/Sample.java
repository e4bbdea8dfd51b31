package dev.vigil.core.data;

import java.nio.file.Path;

/**
 * One labelled image of the evaluation set.
 *
 * @param index position in the dataset's sorted order
 * @param id    the path relative to the dataset root, with forward slashes; stable across machines
 * @param path  where the file is
 * @param label index into the dataset's class names
 */
public record Sample(int index, String id, Path path, int label) {
}
