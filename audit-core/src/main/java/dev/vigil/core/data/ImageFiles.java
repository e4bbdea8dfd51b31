package dev.vigil.core.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Which file names count as images. */
final class ImageFiles {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFiles() {
    }

    static boolean isImageName(Path file) {
        return isImageName(file.getFileName().toString());
    }

    static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String id(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
