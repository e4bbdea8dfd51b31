package dev.vigil.reports;

import dev.vigil.core.result.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Turns figure files into data URIs so that the report is one self-contained file. Stops embedding
 * once the images reach a budget, so that the report stays small enough to open and mail (figures
 * past it are named in the report instead); files outside the output folder are never read.
 */
public final class EmbeddedImages {
    /** Base64 characters of images one report embeds at most: keeps a report under 5 MB with room for text. */
    public static final long DEFAULT_BUDGET = 4_000_000;

    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "webp", "image/webp");

    /** The data URI of a figure, or "" and a sentence saying why there is none. */
    public record Embedded(String uri, String problem) {
    }

    private final Path root;
    private final long budget;
    private long used;

    EmbeddedImages(Path root, long budget) {
        this.root = root.toAbsolutePath().normalize();
        this.budget = budget;
    }

    public Embedded embed(Figure figure) {
        String relative = figure.file() == null ? "" : figure.file();
        Path file = root.resolve(relative).normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (!file.startsWith(root) || type == null) {
            return new Embedded("", "The figure file " + relative + " is not an image inside the report folder, so it is not shown.");
        }
        if (!Files.isRegularFile(file)) {
            return new Embedded("", "The figure file " + relative + " is missing.");
        }
        try {
            long size = Files.size(file);
            long encoded = 4 * ((size + 2) / 3);
            if (used + encoded > budget) {
                return new Embedded("", "Not embedded, to keep the report small; the image is the file " + relative + " beside it.");
            }
            used += encoded;
            return new Embedded("data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file)), "");
        } catch (IOException e) {
            return new Embedded("", "The figure file " + relative + " could not be read (" + e.getMessage() + ").");
        }
    }
}
