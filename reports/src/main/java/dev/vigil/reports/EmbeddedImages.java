package dev.vigil.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Turns figure files into data URIs so that the report is one self-contained file. */
public final class EmbeddedImages {
    private final Path root;

    EmbeddedImages(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A data URI for a PNG under the output folder, or "" when the file is missing or outside it. */
    public String dataUri(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }
}
